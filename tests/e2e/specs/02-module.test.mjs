// A learner takes module 2 (every question kind, immediate feedback) and its
// role-play from the course home to a passed module, by keyboard alone, in
// Swedish. axe checks every screen on the way; screenshots are kept.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { answer } from '../lib/answer.mjs';
import { freshDataDir, launch, screenshot, startDriver, stopDriver } from '../lib/app.mjs';
import { helpers } from '../lib/ui.mjs';
import { goodPath, questions, scenario } from '../lib/course.mjs';
import { activate, tabTo, type } from '../lib/keyboard.mjs';
import { announced, checkScreen, choiceProblems, enabled as atspi, questionProblems, recordEvents } from '../lib/atspi.mjs';

const MODULE = 'sanningens-ogonblick';
let browser;
const { noViolations, waitFor } = helpers(() => browser);

before(async () => {
  await startDriver();
  browser = await launch(freshDataDir('module'));
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver();
});

test('a new learner reaches the course home by keyboard', async () => {
  await waitFor('[data-testid="new-name"]');
  await tabTo(browser, '[data-testid="new-name"]');
  await type(browser, 'Kim');
  await activate(browser, '[data-testid="create-profile"]');
  await waitFor('[data-testid="course-title"]');
});

test('the lessons of module 2 read in order, by keyboard', async () => {
  await activate(browser, `[data-testid="module-${MODULE}"] .links button`);
  const title = await waitFor('[data-testid="lesson-title"]');
  assert.ok((await title.getText()).length > 0, 'the lesson has a title');
  const body = await browser.$('[data-testid="lesson-body"]').getHTML();
  assert.ok(!/<script|javascript:|onerror=/i.test(body), 'the lesson HTML is the sanitised one');
  await screenshot(browser, 'lesson-sv');
  await noViolations('a lesson (sv)');
  for (let i = 0; i < 5; i++) {
    if (await browser.$('[data-testid="to-quiz"]').isExisting()) break;
    const before = await title.getText();
    await activate(browser, '[data-testid="next-lesson"]');
    await browser.waitUntil(async () => (await title.getText()) !== before, { timeoutMsg: 'the next lesson did not open' });
  }
  await activate(browser, '[data-testid="to-quiz"]');
  await waitFor('[data-testid="question"]');
});

test('every question kind is answered by keyboard and graded at once', async () => {
  const seenKinds = new Set();
  const qs = questions(MODULE);
  for (const [i, q] of qs.entries()) {
    const section = await waitFor(`[data-testid="question"][data-question="${q.id}"]`);
    assert.equal(await section.getAttribute('data-kind'), q.kind, `question ${q.id} shows as ${q.kind}`);
    // As a screen reader meets the question: choices grouped under the prompt,
    // ordering buttons that say where their item is, lists named by their left side.
    const prompt = q.prompt.sv;
    const lefts = q.kind === 'matching' ? q.pair.map((p) => p.left.sv) : [];
    await checkScreen(browser, `question ${q.id} (${q.kind}, sv)`, (doc) => questionProblems(doc, { kind: q.kind, prompt, lefts }));
    await answer(browser, q, 'sv');
    // The verdict and "saved" reach a live region: record what AT-SPI sends while checking.
    const events = await recordEvents(async () => {
      await activate(browser, '[data-testid="save-answer"]');
      await waitFor('[data-testid="feedback"]');
    });
    if (atspi) {
      const said = announced(events).join(' | ');
      assert.match(said, /Rätt/, `the verdict is announced for ${q.id}: ${said}`);
      // "Saved" comes as a paragraph of its own in a polite live region: WebKitGTK
      // sends no event for inline text added inside a paragraph.
      assert.match(said, /Ditt svar är sparat/, `"saved" is announced for ${q.id}: ${said}`);
    }
    const feedback = await waitFor('[data-testid="feedback"]');
    const cls = await feedback.getAttribute('class');
    assert.ok(cls.includes('correct'), `the key's answer to ${q.id} (${q.kind}) is graded right`);
    if (!seenKinds.has(q.kind)) {
      seenKinds.add(q.kind);
      await screenshot(browser, `quiz-${q.kind}-sv`);
      await noViolations(`a ${q.kind} question with its feedback (sv)`);
    }
    if (i < qs.length - 1) await activate(browser, '[data-testid="next-question"]');
  }
  assert.equal(seenKinds.size, 7, 'module 2 uses all seven question kinds');
  await activate(browser, '[data-testid="submit"]');
  const verdict = await waitFor('[data-testid="result-verdict"]');
  assert.match(await verdict.getText(), /Godkänd/, 'all right answers pass the module quiz');
  await screenshot(browser, 'result-sv');
  await noViolations('the module result (sv)');
});

test('the role-play is played to a good ending by keyboard', async () => {
  await activate(browser, '[data-testid="back-to-course"]');
  await waitFor('[data-testid="course-title"]');
  const sc = scenario(MODULE, 'resecentrum');
  await activate(browser, `[data-testid="scenario-${MODULE}-resecentrum"]`);
  await waitFor('[data-testid="scenario-node"]');
  await screenshot(browser, 'scenario-sv');
  await noViolations('a role-play node (sv)');
  const choices = await browser.execute(() => [...document.querySelectorAll('button[data-choice]')].map((b) => b.textContent.trim()));
  await checkScreen(browser, 'the role-play choices (sv)', (doc) => choiceProblems(doc, choices));
  for (const choice of goodPath(sc)) {
    await activate(browser, `button[data-choice="${choice}"]`);
    await browser.waitUntil(async () => !(await browser.$(`button[data-choice="${choice}"]`).isExisting()), {
      timeoutMsg: `choice ${choice} was not taken`,
    });
  }
  const debrief = await waitFor('[data-testid="debrief"]');
  assert.match(await debrief.getText(), /Rollspelet är godkänt/, 'a good ending without critical choices passes');
  await screenshot(browser, 'debrief-sv');
  await noViolations('the role-play debrief (sv)');
});

test('the course home shows module 2 as passed', async () => {
  await activate(browser, '.debrief button.primary');
  const module = await waitFor(`[data-testid="module-${MODULE}"]`);
  assert.match(await module.getText(), /Godkänd/, 'the module is passed on the home screen');
  await screenshot(browser, 'home-after-sv');
});
