// The final course test: a learner sees it locked with a plain sentence
// until every module is passed, then takes it by keyboard (leaving and
// resuming it once), sees the grade after handing in (Godkänd, then Väl
// godkänd on a retake), in Swedish and English, and finds both attempts in
// "My results". axe on every screen. The app runs a small course of two
// one-question modules written here (VARDSKAP_CONTENT_DIR), so passing the
// modules takes seconds.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'smol-toml';
import { answer } from '../lib/answer.mjs';
import { freshDataDir, launch, screenshot, startDriver, stopDriver } from '../lib/app.mjs';
import { questions } from '../lib/course.mjs';
import { activate, tabTo, type } from '../lib/keyboard.mjs';
import { helpers } from '../lib/ui.mjs';

const COURSE = fs.mkdtempSync(path.join(os.tmpdir(), 'vardskap-e2e-final-course-'));
const t = (sv, en) => `{ sv = ${JSON.stringify(sv)}, en = ${JSON.stringify(en)} }`;

function trueFalse(id, { module, competency, answer }) {
  return [
    '[[question]]',
    `id = "${id}"`,
    module ? `module = "${module}"` : null,
    'kind = "true_false"',
    `competency = "${competency}"`,
    `prompt = ${t(`Påstående ${id}.`, `Statement ${id}.`)}`,
    `explanation = ${t('Så är det.', 'That is how it is.')}`,
    `answer = ${answer}`,
    '',
  ]
    .filter((line) => line !== null)
    .join('\n');
}

/** Two modules of one true/false question each, and a bank of six (three per module), drawing four. */
function writeCourse() {
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(COURSE, rel)), { recursive: true });
    fs.writeFileSync(path.join(COURSE, rel), text);
  };
  write(
    'course.toml',
    [
      'id = "sluttest-e2e"',
      'version = "1.0.0"',
      'languages = ["sv", "en"]',
      `title = ${t('Kurs med sluttest', 'Course with a final test')}`,
      'pass_mark = 0.5',
      '',
      '[[competency]]',
      'id = "welcome"',
      `title = ${t('Välkomnande', 'Welcoming')}`,
      '',
      '[[competency]]',
      'id = "local"',
      `title = ${t('Lokalkännedom', 'Local knowledge')}`,
      '',
      '[final]',
      'draw = 4',
      'pass_mark = 0.5',
      'distinction = 0.9',
      '',
    ].join('\n'),
  );
  for (const [n, id, competency] of [
    [1, 'mottagande', 'welcome'],
    [2, 'staden', 'local'],
  ]) {
    write(`modules/0${n}-${id}/module.toml`, `id = "${id}"\ntitle = ${t(`Modul ${n}`, `Module ${n}`)}\nfeedback = "immediate"\n`);
    write(`modules/0${n}-${id}/quiz.toml`, trueFalse(`${id}-fraga`, { competency, answer: n === 1 }));
  }
  const bank = [];
  for (let i = 0; i < 6; i++) {
    const module = i % 2 === 0 ? 'mottagande' : 'staden';
    bank.push(trueFalse(`slut-${i + 1}`, { module, competency: i % 2 === 0 ? 'welcome' : 'local', answer: i % 3 !== 0 }));
  }
  write('final.toml', bank.join('\n'));
}
writeCourse();
const bank = new Map(parse(fs.readFileSync(path.join(COURSE, 'final.toml'), 'utf8')).question.map((q) => [q.id, q]));

let browser;
const { noViolations, waitFor } = helpers(() => browser);

before(async () => {
  // The app takes its built-in course from here (the driver passes the environment on).
  process.env.VARDSKAP_CONTENT_DIR = COURSE;
  await startDriver();
  browser = await launch(freshDataDir('final'));
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver();
});

const text = async (selector) => (await waitFor(selector)).getText();
const answeredCount = () => browser.execute(() => document.querySelectorAll('.question-nav button.answered').length);
const currentQuestion = () =>
  browser.execute(() => document.querySelector('[data-testid="question"]')?.getAttribute('data-question'));

/** Answers the question on screen (right, or wrong when `wrong`) and saves it. */
async function answerShown(lang, wrong) {
  const id = await currentQuestion();
  const q = bank.get(id);
  assert.ok(q, `the question on screen, ${id}, comes from the bank`);
  const before = await answeredCount();
  await answer(browser, wrong ? { ...q, answer: !q.answer } : q, lang);
  await activate(browser, '[data-testid="save-answer"]');
  await browser.waitUntil(async () => (await answeredCount()) > before, { timeoutMsg: `the answer to ${id} was not saved` });
  return id;
}

/** Answers every open question of the final test on screen; `wrong` says which (by position) to get wrong. */
async function answerAll(lang, wrong = () => false) {
  const asked = [];
  for (let i = 0; i < 4; i++) {
    if ((await answeredCount()) === 4) break;
    await browser.waitUntil(async () => !asked.includes(await currentQuestion()), { timeoutMsg: 'the next question did not come' });
    asked.push(await answerShown(lang, wrong(i)));
  }
  return asked;
}

test('the final test is locked with a plain sentence until every module is passed (sv)', async () => {
  await waitFor('[data-testid="new-name"]');
  await tabTo(browser, '[data-testid="new-name"]');
  await type(browser, 'Kim');
  await activate(browser, '[data-testid="create-profile"]');
  assert.equal(await text('[data-testid="course-title"]'), 'Kurs med sluttest', 'the app runs the small course');
  assert.equal(
    await text('[data-testid="final-locked"]'),
    'Sluttestet öppnar när du har klarat alla moduler.',
    'a learner is told when the final test opens',
  );
  assert.equal(await browser.$('[data-testid="final-start"]').isExisting(), false, 'there is no way into it yet');
  assert.match(await text('[data-testid="final-test"]'), /4 frågor från hela kursen/, 'the card says how many questions it asks');
  await screenshot(browser, 'final-locked-sv');
  await noViolations('the course home with a locked final test (sv)');
});

test('after passing both modules the learner starts the final test, leaves it and resumes it', async () => {
  for (const id of ['mottagande', 'staden']) {
    await activate(browser, `[data-testid="quiz-${id}"]`);
    const [q] = questions(id, COURSE);
    await waitFor(`[data-testid="question"][data-question="${q.id}"]`);
    await answer(browser, q, 'sv');
    await activate(browser, '[data-testid="save-answer"]');
    await browser.waitUntil(async () => (await answeredCount()) === 1, { timeoutMsg: `the answer to ${q.id} was not saved` });
    await activate(browser, '[data-testid="submit"]');
    await waitFor('[data-testid="result-verdict"]');
    await activate(browser, '[data-testid="back-to-course"]');
    await waitFor('[data-testid="course-title"]');
  }
  assert.equal(await browser.$('[data-testid="course-passed"]').isExisting(), false, 'the course is not passed before the final test');
  assert.equal(await text('[data-testid="final-start"]'), 'Gör sluttestet', 'the final test can be started now');
  await noViolations('the course home with the final test open (sv)');

  await activate(browser, '[data-testid="final-start"]');
  await waitFor('[data-testid="question"]');
  assert.equal(await text('main h1'), 'Sluttest', 'the quiz player runs the final test');
  const first = await answerShown('sv', false);
  await activate(browser, 'button.brand');
  assert.equal(await text('[data-testid="final-start"]'), 'Fortsätt sluttestet', 'the home offers to continue the unfinished test');
  await activate(browser, '[data-testid="final-start"]');
  await waitFor('[data-testid="resumed"]');
  assert.equal(await answeredCount(), 1, 'the saved answer is still there');
  assert.notEqual(await currentQuestion(), first, 'the resumed test goes on at the first unanswered question');
  await screenshot(browser, 'final-quiz-sv');
  await noViolations('the final test in progress (sv)');
});

test('handing in shows the grade: Godkänd, and Pass in English', async () => {
  // Two of four right is exactly the pass mark (0.5): Godkänd, not Väl godkänd.
  await answerAll('sv', (i) => i >= 1);
  await activate(browser, '[data-testid="submit"]');
  const grade = await waitFor('[data-testid="final-grade"]');
  assert.equal(await grade.getAttribute('data-grade'), 'pass', 'exactly the pass mark is a pass');
  assert.equal(await grade.getText(), 'Betyg: Godkänd', 'the grade in Swedish');
  assert.equal(await text('main h1'), 'Ditt resultat på sluttestet', 'the result says it is the final test');
  assert.match(await text('[data-testid="result-verdict"]'), /Väl godkänd behövs 90 %/, 'the verdict names the next mark');
  await noViolations('the final test result (sv)');

  await activate(browser, '[data-testid="lang-en"]');
  await browser.waitUntil(async () => (await text('[data-testid="final-grade"]')) === 'Grade: Pass', {
    timeoutMsg: 'the grade did not switch to English',
  });
  await screenshot(browser, 'final-result-en');
  await noViolations('the final test result (en)');
});

test('a retake with every answer right is Pass with distinction, and the course is passed', async () => {
  await activate(browser, '[data-testid="final-retake"]');
  await waitFor('[data-testid="question"]');
  assert.equal(await answeredCount(), 0, 'a retake is a new attempt with no answers');
  await answerAll('en');
  await activate(browser, '[data-testid="submit"]');
  const grade = await waitFor('[data-testid="final-grade"]');
  assert.equal(await grade.getAttribute('data-grade'), 'distinction', 'every answer right is a distinction');
  assert.equal(await grade.getText(), 'Grade: Pass with distinction', 'the grade in English');
  await noViolations('the final test result with distinction (en)');

  await activate(browser, '[data-testid="back-to-course"]');
  await waitFor('[data-testid="course-passed"]');
  assert.equal(
    await text('[data-testid="final-status"]'),
    'Best result: Pass with distinction (100 %)',
    'the course home shows the best grade',
  );
  await noViolations('the course home after the final test (en)');
});

test('My results lists both final-test attempts with their grades, in English and Swedish', async () => {
  await activate(browser, '[data-testid="my-results"]');
  const table = await waitFor('[data-testid="final-attempt-table"]');
  const rows = await table.$$('tbody tr');
  assert.equal(rows.length, 2, 'both graded attempts are listed');
  assert.match(await table.getText(), /Pass with distinction[\s\S]*Pass/, 'newest first, each with its grade');
  await noViolations('My results with the final test (en)');

  await activate(browser, '[data-testid="lang-sv"]');
  await browser.waitUntil(async () => (await text('[data-testid="final-results"] h2')) === 'Sluttest', {
    timeoutMsg: 'My results did not switch to Swedish',
  });
  assert.match(await text('[data-testid="final-attempt-table"]'), /Väl godkänd[\s\S]*Godkänd/, 'the grades in Swedish');
  await screenshot(browser, 'final-results-sv');
  await noViolations('My results with the final test (sv)');

  const first = await browser.$$('[data-testid="final-attempt-table"] tbody tr');
  const open = await first[0].$('button');
  await activate(browser, `[data-testid="${await open.getAttribute('data-testid')}"]`);
  assert.equal(await text('[data-testid="attempt-title"]'), 'Dina svar: Sluttest', 'the attempt names the final test');
  assert.match(await text('[data-testid="attempt-summary"]'), /Betyg: Väl godkänd/, 'the answers of an attempt show its grade');
  assert.equal((await browser.$$('[data-testid="attempt-question"]')).length, 4, 'with the four questions it asked');
  await noViolations('a final-test attempt looked back on (sv)');
});
