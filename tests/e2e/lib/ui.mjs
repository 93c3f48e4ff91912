// What every spec does with the screen: wait for an element, check axe and
// the AT-SPI tree, fill a field by keyboard. `helpers(() => browser)` binds them to the spec's
// session, which only exists once its `before` has run.
import assert from 'node:assert/strict';
import { axeViolations } from './app.mjs';
import { checkScreen } from './atspi.mjs';
import { tabTo, type } from './keyboard.mjs';

export function helpers(session) {
  return {
    /**
     * Fails with every WCAG 2.1 A/AA violation axe finds on the screen, then
     * with every problem of its AT-SPI tree (lib/atspi.mjs: focusable nodes
     * without a name, choices outside a named group, unnamed dialogs).
     */
    async noViolations(what) {
      assert.deepEqual(await axeViolations(session()), [], `no WCAG 2.1 AA violations on ${what}`);
      await checkScreen(session(), what);
    },

    /** The element once it is displayed. */
    async waitFor(selector, timeout = 20000) {
      const el = await session().$(selector);
      await el.waitForDisplayed({ timeout });
      return el;
    },

    async exists(selector) {
      return session().$(selector).isExisting();
    },

    /** Replaces the text of the field `selector` with `text`, by keyboard. */
    async fill(selector, text) {
      const browser = session();
      await tabTo(browser, selector);
      await browser.keys(['Control', 'a']);
      await browser.keys(['Backspace']);
      await type(browser, text);
    },
  };
}
