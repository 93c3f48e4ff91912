// A learner joins a class with the instructor's invitation, after a consent
// screen that says what is sent, where and under which name; reads a lesson
// and sees "All sent"; the class's LRS (a real Ralph) goes down: the header
// says how many wait, and since when; it comes back, "Send now": all sent,
// and the LRS holds every statement once. By keyboard, with axe, in both
// languages and in a narrow window.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshDataDir, launch, screenshot, startDriver, stopDriver } from '../lib/app.mjs';
import { answerDialogs } from '../lib/dialog.mjs';
import { activate, tabTo, type } from '../lib/keyboard.mjs';
import { Lrs } from '../lib/lrs.mjs';
import { helpers } from '../lib/ui.mjs';

let browser;
const lrs = new Lrs();
const { noViolations, waitFor } = helpers(() => browser);

before(async () => {
  await lrs.start();
  await startDriver();
  browser = await launch(freshDataDir('class'));
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver();
  await lrs.stop();
});

/** The header's sending state once it is `state` (sent, waiting, offline, refused). */
async function syncState(state, timeout = 30000) {
  await browser.waitUntil(
    async () => (await browser.execute(() => document.querySelector('[data-testid="sync-status"]')?.dataset.state ?? null)) === state,
    { timeout, timeoutMsg: `the header never said "${state}"` },
  );
  return browser.execute(() => document.querySelector('[data-testid="sync-status"]').textContent.trim());
}

/** Opens the `n`th lesson of the first module from the course home. */
async function readLesson(n) {
  await activate(browser, '.brand');
  await waitFor('[data-testid="course-title"]');
  const id = await browser.execute((i) => [...document.querySelectorAll('button[data-testid^="lesson-"]')][i].dataset.testid, n);
  await activate(browser, `[data-testid="${id}"]`);
  await waitFor('article, .lesson');
}

test('a learner reads what is sent and joins the class under a pseudonym', async () => {
  await waitFor('[data-testid="new-name"]');
  await tabTo(browser, '[data-testid="new-name"]');
  await type(browser, 'Kim');
  await activate(browser, '[data-testid="create-profile"]');
  await waitFor('[data-testid="course-title"]');
  assert.equal(await browser.$('[data-testid="sync-status"]').isExisting(), false, 'no class, no sending line');

  await activate(browser, '[data-testid="class-open"]');
  await waitFor('[data-testid="class-choose"]');
  await noViolations('the class screen before joining (sv)');
  await answerDialogs(browser, [lrs.invitation()]);
  await activate(browser, '[data-testid="class-choose"]');
  await waitFor('[data-testid="class-consent"]');
  const consent = await browser.$('[data-testid="class-consent"]').getText();
  assert.match(consent, /Gå med i Värdskap HT26, grupp A\?/);
  assert.match(consent, new RegExp(`127\\.0\\.0\\.1:${lrs.port}`), 'it says where the results go');
  assert.match(consent, /aldrig någon e-postadress/);
  await noViolations('the consent screen (sv)');
  await screenshot(browser, '13-class-consent-sv');

  await tabTo(browser, '[data-testid="class-name-profile"]');
  await browser.keys(['ArrowDown']);
  await waitFor('[data-testid="class-pseudonym"]');
  await tabTo(browser, '[data-testid="class-pseudonym"]');
  await type(browser, 'Gäst 7');
  await activate(browser, '[data-testid="class-join"]');
  await waitFor('[data-testid="class-current"]');
  assert.match(await browser.$('[data-testid="class-current"]').getText(), /”Gäst 7”/);
  await noViolations('the class screen in a class (sv)');
});

test('a lesson read is sent, and the header says so', async () => {
  await readLesson(0);
  const text = await syncState('sent');
  assert.match(text, /Allt är skickat/);
  await screenshot(browser, '13-class-sent-sv');
});

test('while the LRS is down the header says what waits and since when; it is sent when it is back', async () => {
  await lrs.stop();
  await readLesson(1);
  const text = await syncState('offline', 60000);
  assert.match(text, /1 resultat väntar på att skickas \(utan kontakt sedan .+\)/);
  await activate(browser, '[data-testid="sync-status"]');
  await waitFor('[data-testid="class-unsent"]');
  assert.match(await browser.$('[data-testid="class-unsent"]').getText(), /Läste/);
  await noViolations('the class screen with a result waiting (sv)');
  await screenshot(browser, '13-class-waiting-sv');

  await activate(browser, '[data-testid="lang-en"]');
  await waitFor('[data-testid="class-unsent"]');
  assert.match(await syncState('offline'), /1 result waiting to be sent \(offline since .+\)/);
  await noViolations('the class screen with a result waiting (en)');
  await screenshot(browser, '13-class-waiting-en');
  await browser.setWindowSize(380, 760);
  await screenshot(browser, '13-class-waiting-narrow');
  await browser.setWindowSize(1024, 768);

  await lrs.start();
  await activate(browser, '[data-testid="class-send-now"]');
  assert.match(await syncState('sent'), /All sent/);
  await waitFor('[data-testid="class-unsent-none"]');
  const ids = await lrs.statementIds();
  assert.equal(ids.length, 2, 'both lessons read, each once');
  assert.equal(new Set(ids).size, 2);
  await screenshot(browser, '13-class-sent-en');
});

test('leaving the class stops sending', async () => {
  await activate(browser, '[data-testid="class-leave"]');
  await activate(browser, '[data-testid="class-leave-yes"]');
  await waitFor('[data-testid="class-choose"]');
  await browser.waitUntil(async () => !(await browser.$('[data-testid="sync-status"]').isExisting()), {
    timeout: 10000,
    timeoutMsg: 'the sending line stayed after leaving',
  });
  await readLesson(2);
  await new Promise((r) => setTimeout(r, 2000));
  assert.equal((await lrs.statementIds()).length, 2, 'nothing more is sent');
});

test('opened with an invitation file, the app shows the consent screen once a learner is signed in', async () => {
  await browser.deleteSession();
  browser = await launch(freshDataDir('class-open'), [lrs.invitation()]);
  await waitFor('[data-testid="new-name"]');
  await tabTo(browser, '[data-testid="new-name"]');
  await type(browser, 'Alex');
  await activate(browser, '[data-testid="create-profile"]');
  await waitFor('[data-testid="class-consent"]');
  assert.match(await browser.$('[data-testid="class-consent"]').getText(), /Gå med i Värdskap HT26, grupp A\?/);
  await activate(browser, '[data-testid="class-join"]');
  await waitFor('[data-testid="class-current"]');
  assert.match(await browser.$('[data-testid="class-current"]').getText(), /”Alex”/);
});
