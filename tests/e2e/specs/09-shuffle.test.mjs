// Shuffled options: two learners get one question's options in different
// orders, and an attempt resumed after the app is killed shows the order it
// had, with its saved answer. axe checks the quiz screen in English.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { answer } from '../lib/answer.mjs';
import { freshDataDir, killApp, launch, screenshot, startDriver, stopDriver } from '../lib/app.mjs';
import { questions } from '../lib/course.mjs';
import { activate, tabTo, type } from '../lib/keyboard.mjs';
import { helpers } from '../lib/ui.mjs';

const MODULE = 'moten';
const dataDir = freshDataDir('shuffle');
let browser;
const { noViolations, waitFor } = helpers(() => browser);

const all = questions(MODULE);
// Questions whose options the app shuffles, by their place in the quiz (the author's order).
const shuffled = all
  .map((q, index) => ({ q, index }))
  .filter(({ q }) => (q.kind === 'single' || q.kind === 'multiple') && q.shuffle !== false && q.option.length >= 3)
  .slice(0, 3);

/** The first learner's order per question id, kept for the resume test. */
let first;

before(async () => {
  assert.ok(shuffled.length > 0, `module ${MODULE} has a shuffled question with three or more options`);
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

/** Opens question `index` of the quiz on screen from its navigation, by keyboard. */
async function goToQuestion({ q, index }) {
  await activate(browser, `.question-nav li:nth-child(${index + 1}) button`);
  await waitFor(`[data-testid="question"][data-question="${q.id}"]`);
}

/** Option id -> shown order of each shuffled question, read from the screen. */
async function optionOrders() {
  const orders = {};
  for (const entry of shuffled) {
    await goToQuestion(entry);
    orders[entry.q.id] = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="question"] input')].map((i) => i.value),
    );
    assert.deepEqual(
      [...orders[entry.q.id]].sort(),
      entry.q.option.map((o) => o.id).sort(),
      `${entry.q.id} shows each of its options once`,
    );
  }
  return orders;
}

async function newLearner(name) {
  await tabTo(browser, '[data-testid="new-name"]');
  await type(browser, name);
  await activate(browser, '[data-testid="create-profile"]');
  await activate(browser, `[data-testid="quiz-${MODULE}"]`);
  await waitFor('[data-testid="question"]');
}

const differing = (a, b) => shuffled.map(({ q }) => q.id).filter((id) => JSON.stringify(a[id]) !== JSON.stringify(b[id]));

test('the first learner sees the options in an order and saves one answer', async () => {
  await waitFor('[data-testid="new-name"]');
  await activate(browser, '[data-testid="lang-en"]');
  await newLearner('Ada');
  first = await optionOrders();
  await screenshot(browser, 'quiz-shuffled-en');
  await noViolations('a quiz with shuffled options (en)');

  await goToQuestion(shuffled[0]);
  await answer(browser, shuffled[0].q, 'en');
  await activate(browser, '[data-testid="save-answer"]');
  await browser.waitUntil(async () => (await answered()) === 1, { timeoutMsg: 'the answer was not acknowledged' });
});

test('another learner gets some question’s options in another order', async () => {
  // Each attempt has a random seed: two learners could by chance be shown
  // every order alike (for a six-option question, one in 720), so a third
  // and fourth learner are asked before the test gives up.
  const seen = [];
  for (const name of ['Bea', 'Cleo', 'Dino']) {
    await activate(browser, '[data-testid="sign-out"]');
    await newLearner(name);
    const orders = await optionOrders();
    seen.push(orders);
    if (differing(first, orders).length > 0) break;
  }
  const last = seen.at(-1);
  assert.ok(
    differing(first, last).length > 0,
    `a later learner must see some question's options in another order than Ada: ${JSON.stringify({ first, seen })}`,
  );
});

test('after the app is killed, the resumed attempt shows the same order and its answer', async () => {
  await killApp();
  await browser.deleteSession().catch(() => {});
  browser = await launch(dataDir);
  await activate(browser, '[data-testid="profile-Ada"]');
  await activate(browser, `[data-testid="quiz-${MODULE}"]`);
  const resumed = await waitFor('[data-testid="resumed"]');
  assert.match(await resumed.getText(), /1 saved answer/, 'the acknowledged answer survived the kill');
  const again = await optionOrders();
  assert.deepEqual(again, first, 'a resumed attempt shows every shuffled question in the order it had');

  await goToQuestion(shuffled[0]);
  const checked = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="question"] input:checked')].map((i) => i.value).sort(),
  );
  const q = shuffled[0].q;
  const want = q.option.filter((o) => o.correct).map((o) => o.id).sort();
  assert.deepEqual(checked, want, 'the saved answer is shown on the options it was given to, by option id');
  await noViolations('a resumed quiz with shuffled options (en)');
});
