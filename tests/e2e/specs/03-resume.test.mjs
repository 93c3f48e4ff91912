// Nothing is lost: a learner with a PIN answers part of a deferred quiz, the
// app is killed, and after a restart the attempt is there with its answers.
// The screens are checked with axe in English on the way.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { answer } from '../lib/answer.mjs';
import { freshDataDir, killApp, launch, screenshot, startDriver, stopDriver } from '../lib/app.mjs';
import { helpers } from '../lib/ui.mjs';
import { checkScreen, dialogProblems } from '../lib/atspi.mjs';
import { questions, scenario } from '../lib/course.mjs';
import { activate, tabTo, type } from '../lib/keyboard.mjs';

const MODULE = 'moten';
const dataDir = freshDataDir('resume');
let browser;
const { noViolations, waitFor } = helpers(() => browser);

before(async () => {
  await startDriver();
  browser = await launch(dataDir);
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver();
});

async function answered() {
  return browser.execute(() => document.querySelectorAll('.question-nav button.answered').length);
}

/** Answers the question on screen and waits until the app says it is saved. */
async function saveOne(q) {
  await waitFor(`[data-testid="question"][data-question="${q.id}"]`);
  const before = await answered();
  await answer(browser, q, 'en');
  await activate(browser, '[data-testid="save-answer"]');
  await browser.waitUntil(async () => (await answered()) > before, {
    timeoutMsg: `the answer to ${q.id} was not acknowledged`,
  });
}

test('a learner with a PIN saves three answers of a deferred quiz', async () => {
  await waitFor('[data-testid="new-name"]');
  await activate(browser, '[data-testid="lang-en"]');
  await tabTo(browser, '[data-testid="new-name"]');
  await type(browser, 'Noor');
  await tabTo(browser, '#new-pin');
  await type(browser, '4321');
  await activate(browser, '[data-testid="create-profile"]');
  await activate(browser, `[data-testid="quiz-${MODULE}"]`);
  await waitFor('[data-testid="question"]');
  await screenshot(browser, 'quiz-deferred-en');
  await noViolations('a deferred quiz (en)');
  for (const q of questions(MODULE).slice(0, 3)) {
    await saveOne(q);
  }
  assert.equal(await answered(), 3, 'three answers are shown as saved');
  assert.equal(await browser.$('[data-testid="feedback"]').isExisting(), false, 'deferred feedback shows nothing before submitting');
});

test('after the app is killed, the attempt resumes with its answers', async () => {
  await killApp();
  await browser.deleteSession().catch(() => {});
  browser = await launch(dataDir);
  await activate(browser, '[data-testid="profile-Noor"]');
  // The PIN prompt is a named dialog that takes the focus (its field).
  await waitFor('#pin');
  await browser.waitUntil(async () => browser.execute(() => document.activeElement?.id === 'pin'), {
    timeoutMsg: 'the PIN field did not get the focus',
  });
  const pinTitle = await browser.$('#pin-title').getText();
  await checkScreen(browser, 'the PIN dialog', (doc) => dialogProblems(doc, pinTitle));
  await tabTo(browser, '#pin');
  await type(browser, '1111');
  await browser.keys(['Enter']);
  const alert = await waitFor('[role="alert"]');
  assert.match(await alert.getText(), /PIN/i, 'a wrong PIN gets a plain sentence');
  await tabTo(browser, '#pin');
  await browser.keys(['Control', 'a']);
  await type(browser, '4321');
  await browser.keys(['Enter']);
  const module = await waitFor(`[data-testid="module-${MODULE}"]`);
  assert.match(await module.getText(), /Quiz in progress/, 'the home shows the unfinished quiz');
  await activate(browser, '[data-testid="continue"]');
  const resumed = await waitFor('[data-testid="resumed"]');
  assert.match(await resumed.getText(), /3 saved answers/, 'all three acknowledged answers survived the kill');
  assert.equal(await answered(), 3, 'the three questions show as answered');
});

test('a saved answer changed in a deferred quiz is saved on leaving the question', async () => {
  await activate(browser, '.question-nav li:nth-child(2) button');
  await waitFor('[data-testid="question"][data-question="who-offline"]');
  await tabTo(browser, 'input[name="q-who-offline"]');
  // Options are shuffled per attempt, so the arrow keys walk until the wrong option "young".
  const picked = () => browser.execute(() => document.querySelector('input[name="q-who-offline"]:checked')?.value);
  // Each step starts from the checked radio. WebKit does not wrap around at
  // the ends of a radio group, so the walk goes down to the last option and
  // then up, as a person would.
  for (let i = 0; i < 10 && (await picked()) !== 'young'; i++) {
    await tabTo(browser, 'input[name="q-who-offline"]:checked');
    await browser.keys([i < 5 ? 'ArrowDown' : 'ArrowUp']);
    await browser.pause(100);
  }
  assert.equal(await picked(), 'young', 'the learner changes the saved answer to another option');
  await activate(browser, '.question-nav li:nth-child(4) button');
  await waitFor(`[data-testid="question"][data-question="${questions(MODULE)[3].id}"]`);
});

test('the rest is answered, submitted and graded', async () => {
  for (const q of questions(MODULE).slice(3)) {
    await saveOne(q);
  }
  await activate(browser, '[data-testid="submit"]');
  const verdict = await waitFor('[data-testid="result-verdict"]');
  assert.match(await verdict.getText(), /Passed/, 'the resumed attempt passes with 12 of 13 right');
  const review = await waitFor('#to-review');
  assert.match(await review.getText(), /\(1\)/, 'exactly one question to look at again');
  const who = questions(MODULE).find((q) => q.id === 'who-offline');
  assert.match(
    await browser.$('main').getText(),
    new RegExp(who.prompt.en.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    'the changed answer was saved when the learner left the question, so it is graded',
  );
  await screenshot(browser, 'result-en');
  await noViolations('the module result (en)');
});

test('a lesson with an image and a role-play with a serious mistake, in English', async () => {
  await activate(browser, '[data-testid="back-to-course"]');
  await activate(browser, '[data-testid="module-klagomal"] .links button');
  await waitFor('[data-testid="lesson-title"]');
  const img = await browser.$('[data-testid="lesson-body"] img');
  assert.ok(await img.isExisting(), 'the lesson has its image');
  assert.match(
    await img.getAttribute('src'),
    /^(vardskap-media:\/\/localhost|http:\/\/vardskap-media\.localhost)\/course\/[a-z0-9-]+\/.+\.svg$/,
    "the image is served once, through the app's media scheme, not copied into the page",
  );
  // Loaded for real: the scheme's handler read the installed course's file.
  let width = 0;
  for (let i = 0; i < 50 && width === 0; i++) {
    width = await browser.execute(() => document.querySelector('[data-testid="lesson-body"] img')?.naturalWidth ?? 0);
    if (width === 0) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(width > 0, 'the image was loaded through the media scheme');
  assert.ok((await img.getAttribute('alt')).length > 0, 'the image has alt text');
  await screenshot(browser, 'lesson-en');
  await noViolations('a lesson with an image (en)');

  await activate(browser, '.back button');
  const sc = scenario('klagomal', 'sommartorsdag');
  await activate(browser, '[data-testid="scenario-klagomal-sommartorsdag"]');
  await waitFor('[data-testid="scenario-node"]');
  await noViolations('a role-play node (en)');
  // Take a critical choice as soon as one is offered, else the first choice.
  const nodes = new Map(sc.node.map((n) => [n.id, n]));
  let node = nodes.get(sc.start);
  let critical = false;
  while (!node.ending) {
    const choice = node.choice.find((c) => c.critical) ?? node.choice[0];
    critical ||= !!choice.critical;
    await activate(browser, `button[data-choice="${choice.id}"]`);
    node = nodes.get(choice.next);
    await browser.waitUntil(async () => !(await browser.$(`button[data-choice="${choice.id}"]`).isExisting()) || !!node.ending);
  }
  assert.ok(critical, 'the path took a critical choice');
  const debrief = await waitFor('[data-testid="debrief"]');
  assert.match(await debrief.getText(), /serious mistake/, 'the debrief says a critical choice was made');
  await screenshot(browser, 'debrief-en');
  await noViolations('the role-play debrief (en)');
});
