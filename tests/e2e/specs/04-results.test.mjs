// A learner gets some questions wrong, then looks back: "My results" with its
// chart and table, one attempt's answers, and the practice queue of the
// questions they missed. Every screen by keyboard, checked with axe, in
// Swedish and English. (The native save dialog cannot be driven; saving is
// tested in the core.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { answer } from '../lib/answer.mjs';
import { freshDataDir, launch, screenshot, startDriver, stopDriver } from '../lib/app.mjs';
import { helpers } from '../lib/ui.mjs';
import { allText, checkScreen, nodes } from '../lib/atspi.mjs';
import { goodPath, questions, scenario } from '../lib/course.mjs';
import { activate, tabTo, type } from '../lib/keyboard.mjs';

const MODULE = 'moten';
/** Questions answered wrong on purpose: they go to the practice queue. */
const WRONG = new Set(['who-offline', 'finnish-area']);
let browser;
const { noViolations, waitFor } = helpers(() => browser);

before(async () => {
  await startDriver();
  browser = await launch(freshDataDir('results'));
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver();
});

/** Answers a single-choice or true/false question with an answer that is not the key's. */
async function answerWrong(q) {
  const name = `q-${q.id}`;
  await tabTo(browser, `input[name="${name}"]`);
  await browser.keys([' ']);
  const right = q.kind === 'single' ? q.option.find((o) => o.correct).id : null;
  for (let i = 0; i < 10; i++) {
    const checked = await browser.execute((n) => {
      const inputs = [...document.querySelectorAll(`input[name="${n}"]`)];
      const at = inputs.findIndex((i) => i.checked);
      return { at, value: inputs[at]?.value };
    }, name);
    const isRight = q.kind === 'single' ? checked.value === right : checked.at === (q.answer ? 0 : 1);
    if (checked.at >= 0 && !isRight) return;
    await browser.keys(['ArrowDown']);
  }
  throw new Error(`could not answer ${q.id} wrong`);
}

const answeredCount = () => browser.execute(() => document.querySelectorAll('.question-nav button.answered').length);

test('a learner hands in a quiz with two wrong answers', async () => {
  await waitFor('[data-testid="new-name"]');
  await tabTo(browser, '[data-testid="new-name"]');
  await type(browser, 'Robin');
  await activate(browser, '[data-testid="create-profile"]');
  await waitFor('[data-testid="course-title"]');
  await activate(browser, `[data-testid="quiz-${MODULE}"]`);
  const qs = questions(MODULE);
  for (const [i, q] of qs.entries()) {
    await waitFor(`[data-testid="question"][data-question="${q.id}"]`);
    const before = await answeredCount();
    if (WRONG.has(q.id)) await answerWrong(q);
    else await answer(browser, q, 'sv');
    await activate(browser, '[data-testid="save-answer"]');
    await browser.waitUntil(async () => (await answeredCount()) > before, { timeoutMsg: `the answer to ${q.id} was not saved` });
    const stillHere = await browser.$(`[data-testid="question"][data-question="${q.id}"]`).isExisting();
    if (i < qs.length - 1 && stillHere) await activate(browser, '[data-testid="next-question"]');
  }
  await activate(browser, '[data-testid="submit"]');
  await waitFor('[data-testid="result-verdict"]');
});

test('My results shows the modules, a chart with a table alternative and mastery (sv)', async () => {
  await activate(browser, '[data-testid="my-results"]');
  const title = await waitFor('[data-testid="results-title"]');
  assert.equal(await title.getText(), 'Mina resultat', 'the screen is in Swedish');
  const table = await browser.$('[data-testid="module-table"]').getText();
  assert.match(table, /Möten|möten/i, 'the module table names the module taken');
  const chart = await waitFor('[data-testid="score-chart"] svg[role="img"]');
  assert.equal(await chart.getAttribute('aria-label'), 'Dina quizresultat över tid', 'the chart is named');
  const summary = await browser.execute(
    (id) => document.getElementById(id)?.textContent ?? '',
    await chart.getAttribute('aria-describedby'),
  );
  assert.match(summary, /1 försök/, `the chart's description counts the attempt: ${summary}`);
  const points = await browser.execute(() => document.querySelectorAll('[data-testid="score-chart"] .series .mark').length);
  assert.equal(points, 1, 'one attempt is one point on the chart');
  assert.ok(await browser.$('[data-testid="score-table"] caption').isExisting(), 'the chart has a table with a caption');
  const rows = await browser.execute(() => document.querySelectorAll('[data-testid="score-table"] tbody tr').length);
  assert.equal(rows, 1, 'the table has a row per attempt');
  const mastery = await browser.$('[data-testid="mastery"]').getText();
  assert.match(mastery, /\d+ %/, 'mastery is shown as numbers, not only bars');
  await tabTo(browser, '.as-table summary');
  await browser.keys(['Enter']);
  await waitFor('[data-testid="score-table"]');
  await screenshot(browser, 'results-sv');
  await noViolations('My results (sv)');
  // As a screen reader meets the chart: an image with a name and a description, then its table.
  await checkScreen(browser, 'the chart and its table (sv)', (doc) => {
    const image = nodes(doc, (n) => n.role === 'image' && n.name === 'Dina quizresultat över tid')[0];
    if (!image) return ['no image named "Dina quizresultat över tid"'];
    const out = /tabell/.test(image.description) ? [] : [`the chart's description does not lead to the table: "${image.description}"`];
    if (!nodes(doc, (n) => n.role === 'table' && /quizförsök/i.test(allText(n))).length)
      out.push('the table of attempts is not in the tree');
    return out;
  });
});

test('My results in English, then one attempt with every answer and the key', async () => {
  await activate(browser, '[data-testid="lang-en"]');
  const title = await waitFor('[data-testid="results-title"]');
  await browser.waitUntil(async () => (await title.getText()) === 'My results', { timeoutMsg: 'the screen did not switch to English' });
  await screenshot(browser, 'results-en');
  await noViolations('My results (en)');

  await activate(browser, '[data-testid^="open-attempt-"]');
  await waitFor('[data-testid="attempt-title"]');
  const shown = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="attempt-question"]')].map((q) => q.dataset.correct),
  );
  assert.equal(shown.length, questions(MODULE).length, 'every question of the attempt is shown');
  assert.equal(shown.filter((c) => c === 'false').length, WRONG.size, 'the two wrong answers show as wrong');
  const text = await browser.$('main').getText();
  assert.match(text, /The right answer:/, 'the right answer is shown for a wrong one');
  await screenshot(browser, 'attempt-en');
  await noViolations('the attempt detail (en)');
});

test('the practice queue brings back a missed question and grades it at once', async () => {
  await activate(browser, 'button.brand');
  const due = await waitFor('[data-testid="reviews-due"]');
  assert.match(await due.getText(), /2 questions/, 'the two missed questions are due');
  await activate(browser, '[data-testid="reviews-due"]');
  const section = await waitFor('[data-testid="practice-question"]');
  const id = await section.getAttribute('data-question');
  assert.ok(WRONG.has(id), `a missed question comes back: ${id}`);
  await noViolations('a practice question (en)');
  const q = questions(MODULE).find((x) => x.id === id);
  await answer(browser, q, 'en');
  await activate(browser, '[data-testid="practice-check"]');
  const feedback = await waitFor('[data-testid="feedback"]');
  assert.ok((await feedback.getAttribute('class')).includes('correct'), 'the right answer is graded right');
  await waitFor('[data-testid="next-due"]');
  await screenshot(browser, 'practice-en');
  await noViolations('practice with feedback (en)');
});

test('a finished role-play is replayed step by step from My results', async () => {
  await activate(browser, 'button.brand');
  await activate(browser, `[data-testid="scenario-${MODULE}-textilmuseet"]`);
  await waitFor('[data-testid="scenario-node"]');
  const path = goodPath(scenario(MODULE, 'textilmuseet'));
  for (const choice of path) {
    await activate(browser, `button[data-choice="${choice}"]`);
    await browser.waitUntil(async () => !(await browser.$(`button[data-choice="${choice}"]`).isExisting()), {
      timeoutMsg: `choice ${choice} was not taken`,
    });
  }
  await waitFor('[data-testid="debrief"]');
  await activate(browser, '[data-testid="my-results"]');
  await waitFor('[data-testid="results-title"]');
  await activate(browser, '[data-testid^="open-run-"]');
  await waitFor('[data-testid="run-debrief"]');
  const steps = await browser.execute(() => document.querySelectorAll('[data-testid="run-steps"] > li').length);
  assert.equal(steps, path.length, 'every choice of the run is replayed');
  await screenshot(browser, 'run-en');
  await noViolations('the role-play replay (en)');
});
