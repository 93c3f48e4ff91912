// Keyboard-only driving: reach an element by pressing Tab, as a person
// without a mouse would, and fail if it cannot be reached.

/**
 * Presses Tab, or Shift+Tab when the element comes before the focus, until
 * the focused element matches `selector`. Waits for the element to exist first.
 */
export async function tabTo(browser, selector, { max = 80 } = {}) {
  try {
    await browser.waitUntil(async () => browser.execute((sel) => !!document.querySelector(sel), selector), {
      timeout: 15000,
      timeoutMsg: `${selector} never appeared`,
    });
  } catch (err) {
    const text = await browser.execute(() => document.body.innerText.slice(0, 600)).catch(() => '(no page)');
    throw new Error(`${err.message}; the screen shows:\n${text}`);
  }
  const back = await browser.execute((sel) => {
    const target = document.querySelector(sel);
    const active = document.activeElement;
    if (!active || active === document.body) return false;
    return !!(target.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
  }, selector);
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

/**
 * Types text into whatever has focus, one key per action: WebKitWebDriver
 * drops the second of two equal keys sent in one action ("Noor" → "Nor").
 */
export async function type(browser, text) {
  for (const ch of text) await browser.keys([ch]);
}
