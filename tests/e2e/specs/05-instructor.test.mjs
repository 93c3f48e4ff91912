// Instructor mode: the passphrase is chosen on first use, instructor mode
// locks, a wrong passphrase gets a plain sentence (with the wait once there
// have been several), the right one unlocks the course package buttons.
// The instructor screen is checked with axe in Swedish and English. The
// system file dialogs are not driven.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshDataDir, launch, screenshot, startDriver, stopDriver } from '../lib/app.mjs';
import { helpers } from '../lib/ui.mjs';
import { activate } from '../lib/keyboard.mjs';

const PASSPHRASE = 'hosting2026';
const dataDir = freshDataDir('instructor');
let browser;
const { noViolations, waitFor, exists, fill } = helpers(() => browser);

before(async () => {
  await startDriver();
  browser = await launch(dataDir);
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver();
});

/** Tries `text` on the unlock form and returns the sentence shown. */
async function tryPassphrase(text) {
  await fill('[data-testid="passphrase"]', text);
  await activate(browser, '[data-testid="unlock-instructor"]');
  const alert = await waitFor('[data-testid="instructor-error"]');
  return alert.getText();
}

test('the first instructor chooses a passphrase (sv)', async () => {
  await waitFor('[data-testid="new-name"]');
  await activate(browser, '[data-testid="lang-sv"]');
  await activate(browser, '[data-testid="instructor-open"]');
  await waitFor('[data-testid="set-passphrase"]');
  assert.equal(await exists('[data-testid="instructor-import"]'), false, 'nothing to import before a passphrase is chosen');
  await screenshot(browser, 'instructor-set-sv');
  await noViolations('choosing the instructor passphrase (sv)');

  await fill('[data-testid="passphrase"]', 'kort');
  await fill('[data-testid="passphrase-again"]', 'kort');
  await activate(browser, '[data-testid="set-passphrase"]');
  const short = await waitFor('[data-testid="instructor-error"]');
  assert.match(await short.getText(), /minst 8 tecken/, 'a short passphrase is refused with a plain sentence');

  await fill('[data-testid="passphrase"]', PASSPHRASE);
  await fill('[data-testid="passphrase-again"]', PASSPHRASE);
  await activate(browser, '[data-testid="set-passphrase"]');
  await waitFor('[data-testid="instructor-import"]');
  assert.ok(await exists('[data-testid="instructor-export"]'), 'the export button shows once unlocked');
  await screenshot(browser, 'instructor-unlocked-sv');
  await noViolations('the unlocked instructor screen (sv)');
});

test('locked, a wrong passphrase is refused and the wait is told (en)', async () => {
  await activate(browser, '[data-testid="instructor-lock"]');
  await waitFor('[data-testid="unlock-instructor"]');
  assert.equal(await exists('[data-testid="instructor-import"]'), false, 'import is hidden once locked');
  assert.equal(await exists('[data-testid="instructor-export"]'), false, 'export is hidden once locked');
  await noViolations('unlocking instructor mode (sv)');

  assert.match(await tryPassphrase('wrong-one-1'), /stämmer inte/, 'a wrong passphrase gets a Swedish sentence');
  await activate(browser, '[data-testid="lang-en"]');
  assert.match(await tryPassphrase('wrong-one-2'), /passphrase is not right\. Try again\./, 'the second wrong try has no wait');
  const third = await tryPassphrase('wrong-one-3');
  assert.match(third, /try again in 2 seconds/, `the third wrong try says how long to wait: ${third}`);
  await screenshot(browser, 'instructor-wrong-en');
  await noViolations('a refused passphrase (en)');
});

test('the right passphrase unlocks import and export', async () => {
  // The wait after the third wrong try is 2 s; a try before then is refused unchecked.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  await fill('[data-testid="passphrase"]', PASSPHRASE);
  await activate(browser, '[data-testid="unlock-instructor"]');
  await waitFor('[data-testid="instructor-import"]');
  assert.ok(await exists('[data-testid="instructor-export"]'), 'export shows after unlocking');
  assert.equal(await exists('[data-testid="instructor-error"]'), false, 'no error is left on screen');
  await screenshot(browser, 'instructor-unlocked-en');
  await noViolations('the unlocked instructor screen (en)');
});
