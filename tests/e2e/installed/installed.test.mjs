// The installed package (scripts/test-installed.sh): the app as `apt-get
// install ./vardskap_….deb` put it, /usr/bin/vardskap, on a fresh data folder.
// The built-in course must come from the package's resources
// (/usr/lib/vardskap/content; the script hides the source tree's content/
// folder), a lesson opens with its image, and a quiz answer is saved and
// still there after a restart. Not part of the normal e2e run (specs/).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { APP, freshDataDir, launch, screenshot, startDriver, stopDriver } from '../lib/app.mjs';
import { helpers } from '../lib/ui.mjs';
import { questions } from '../lib/course.mjs';
import { answer } from '../lib/answer.mjs';
import { activate, tabTo, type } from '../lib/keyboard.mjs';

const INSTALLED_CONTENT = process.env.VARDSKAP_INSTALLED_CONTENT ?? '/usr/lib/vardskap/content';
const MODULE = 'valkommen';
const dataDir = freshDataDir('installed');
let browser;
const { waitFor } = helpers(() => browser);

before(async () => {
  assert.equal(APP, '/usr/bin/vardskap', 'the installed binary is under test');
  assert.ok(fs.existsSync(`${INSTALLED_CONTENT}/course.toml`), `the package installed the course at ${INSTALLED_CONTENT}`);
  await startDriver();
  browser = await launch(dataDir);
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver();
});

/** How many questions of the quiz on screen show as answered (saved). */
async function answered() {
  return browser.execute(() => document.querySelectorAll('.question-nav button.answered').length);
}

test('the installed app finds the built-in course in its resources', async () => {
  await waitFor('[data-testid="new-name"]');
  await tabTo(browser, '[data-testid="new-name"]');
  await type(browser, 'Installerad');
  await activate(browser, '[data-testid="create-profile"]');
  const title = await waitFor('[data-testid="course-title"]');
  assert.equal(await title.getText(), 'Gott värdskap i Borås', 'the built-in course, in Swedish');
  assert.equal((await browser.$$('li.module')).length, 8, 'its eight modules');
  await screenshot(browser, 'installed-home-sv');
});

test('a lesson of the installed course opens, with its image', async () => {
  await activate(browser, `[data-testid="module-${MODULE}"] .links button`);
  const title = await waitFor('[data-testid="lesson-title"]');
  assert.ok((await title.getText()).length > 0, 'the lesson has a title');
  const body = await waitFor('[data-testid="lesson-body"]');
  assert.ok((await body.getText()).length > 200, 'the lesson has its text');
  // Module 1's lessons show an image from the course's media folder: the
  // media scheme reads it from the installed resources.
  for (let i = 0; i < 5 && !(await browser.$('[data-testid="lesson-body"] img').isExisting()); i++) {
    const before = await title.getText();
    await activate(browser, '[data-testid="next-lesson"]');
    await browser.waitUntil(async () => (await title.getText()) !== before, { timeoutMsg: 'the next lesson did not open' });
  }
  await browser.waitUntil(
    async () =>
      browser.execute(() =>
        [...document.querySelectorAll('[data-testid="lesson-body"] img')].some((i) => i.complete && i.naturalWidth > 0),
      ),
    { timeout: 10000, timeoutMsg: 'a lesson image of the installed course did not load' },
  );
  await screenshot(browser, 'installed-lesson-sv');
});

test('a quiz answer saves and is still there after a restart', async () => {
  for (let i = 0; i < 5 && !(await browser.$('[data-testid="to-quiz"]').isExisting()); i++) {
    const title = await browser.$('[data-testid="lesson-title"]');
    const before = await title.getText();
    await activate(browser, '[data-testid="next-lesson"]');
    await browser.waitUntil(async () => (await title.getText()) !== before, { timeoutMsg: 'the next lesson did not open' });
  }
  await activate(browser, '[data-testid="to-quiz"]');
  const section = await waitFor('[data-testid="question"]');
  const id = await section.getAttribute('data-question');
  const q = questions(MODULE, INSTALLED_CONTENT).find((x) => x.id === id);
  assert.ok(q, `question ${id} is in the installed course's files`);
  await answer(browser, q, 'sv');
  await activate(browser, '[data-testid="save-answer"]');
  await waitFor('[data-testid="feedback"]');
  await browser.waitUntil(async () => (await answered()) === 1, { timeoutMsg: 'the answer was not saved' });
  await screenshot(browser, 'installed-quiz-sv');

  // A restart of the installed app on the same folder: the answer is kept.
  await browser.deleteSession();
  browser = await launch(dataDir);
  await activate(browser, '[data-testid="profile-Installerad"]');
  await waitFor('[data-testid="course-title"]');
  await activate(browser, `[data-testid="quiz-${MODULE}"]`);
  await waitFor('[data-testid="question"]');
  await browser.waitUntil(async () => (await answered()) === 1, { timeoutMsg: 'the saved answer is gone after a restart' });
});
