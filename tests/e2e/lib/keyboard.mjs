// Keyboard-only driving: reach an element by pressing Tab, as a person
// without a mouse would, and fail if it cannot be reached.

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`. */
export async function tabTo(browser, selector, { max = 80, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    const hit = await browser.execute((sel) => document.activeElement?.matches(sel) ?? false, selector);
    if (hit) return;
    await browser.keys(back ? ['Shift', 'Tab'] : ['Tab']);
  }
  const where = await browser.execute(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`could not reach ${selector} with the keyboard in ${max} presses; focus is on ${where}`);
}

/** Tabs to `selector` and presses Enter on it. */
export async function activate(browser, selector, options) {
  await tabTo(browser, selector, options);
  await browser.keys(['Enter']);
}

/** Types text into whatever has focus. */
export async function type(browser, text) {
  await browser.keys([...text]);
}
