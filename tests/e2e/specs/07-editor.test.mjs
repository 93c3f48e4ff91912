// The course editor, by keyboard: instructor mode is unlocked, a new course
// is created in a folder from the (answered) folder dialog, and a module is
// written with a lesson (its Markdown preview shown), one question of each of
// the seven kinds and a role-play of three nodes. A node nobody can reach is
// reported, the problem leads to that node's field, and the problem goes once
// the node is linked. The saved files pass `vardskap-cli validate`; a question
// is tried as a learner. axe checks every editor screen in Swedish and
// English; screenshots are taken wide and at 380 px. At the end the exported
// package is imported in instructor mode, and a learner chooses the new
// course, reads its lesson, passes its quiz and plays its role-play.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { answer } from '../lib/answer.mjs';
import { APP, appPids, freshDataDir, launch, requestClose, screenshot, startDriver, stopDriver } from '../lib/app.mjs';
import { checkScreen, dialogProblems } from '../lib/atspi.mjs';
import { goodPath, questions, scenario } from '../lib/course.mjs';
import { answerDialogs } from '../lib/dialog.mjs';
import { tabTo } from '../lib/keyboard.mjs';
import { helpers } from '../lib/ui.mjs';

const PASSPHRASE = 'redigera2026';
const COURSE = 'e2e-kurs';
const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'vardskap-e2e-editor-'));
const folder = path.join(parent, COURSE);
const CLI = path.join(path.dirname(APP), 'vardskap-cli');
// The course the editor creates has module[0]; the test writes module[1].
const M = 'module[1]';
const FAR = { max: 400 };
let browser;
const { noViolations, waitFor } = helpers(() => browser);

before(async () => {
  await startDriver();
  browser = await launch(freshDataDir('editor'));
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver();
  fs.rmSync(parent, { recursive: true, force: true });
});

const field = (address) => `[id="f:${address}"]`;

/** Types `text` into the focused element one key at a time; a newline is Enter. */
async function typeText(text) {
  for (const ch of text) await browser.keys([ch === '\n' ? 'Enter' : ch]);
}

/** Replaces the text of the input `selector` with `text`, by keyboard. */
async function fill(selector, text) {
  await tabTo(browser, selector, FAR);
  await browser.keys(['Control', 'a']);
  await browser.keys(['Backspace']);
  await typeText(text);
}

/** Fills a localised text of the course: the first language's input and the English one. */
async function fillText(address, sv, en) {
  await fill(field(address), sv);
  await fill(field(`${address}.en`), en);
}

/** Moves the select `selector` to `value` with the arrow keys. */
async function choose(selector, value) {
  await tabTo(browser, selector, FAR);
  for (let i = 0; i < 20; i++) {
    const now = await browser.execute((s) => document.querySelector(s).value, selector);
    if (now === value) return;
    await browser.keys(['ArrowDown']);
  }
  throw new Error(`could not choose ${value} in ${selector}`);
}

async function press(selector) {
  await tabTo(browser, selector, FAR);
  await browser.keys(['Enter']);
}

async function problemCount() {
  const text = await browser.$('[data-testid="editor-problems"]').getText();
  return Number(/\((\d+)\)/.exec(text)?.[1] ?? NaN);
}

async function setLanguage(lang) {
  await press(`[data-testid="lang-${lang}"]`);
  await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.lang)) === lang);
}

/** Whether anything on the page is wider than the window. */
async function overflows() {
  return browser.execute(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

test('instructor mode opens the editor; the start panel passes axe (sv, en)', async () => {
  await waitFor('[data-testid="new-name"]');
  await setLanguage('sv');
  await press('[data-testid="instructor-open"]');
  await waitFor('[data-testid="set-passphrase"]');
  await fill('[data-testid="passphrase"]', PASSPHRASE);
  await fill('[data-testid="passphrase-again"]', PASSPHRASE);
  await press('[data-testid="set-passphrase"]');
  await press('[data-testid="instructor-editor"]');
  await waitFor('[data-testid="editor-start"]');
  await screenshot(browser, 'editor-start-sv');
  await noViolations('the editor start panel (sv)');
  await setLanguage('en');
  await noViolations('the editor start panel (en)');
  await setLanguage('sv');
});

test('a new course is created in the folder the dialog gives', async () => {
  await fill('[data-testid="editor-new-title-sv"]', 'Testkurs');
  await fill('[data-testid="editor-new-title-en"]', 'Test course');
  await fill('[data-testid="editor-new-id"]', COURSE);
  await answerDialogs(browser, [parent]);
  await press('[data-testid="editor-new-create"]');
  await waitFor('[data-testid="course-form"]');
  assert.ok(fs.existsSync(path.join(folder, 'course.toml')), 'the new course folder has its course.toml');
  const status = await browser.$('[data-testid="editor-status"]').getText();
  assert.match(status, /sparade/, `a new course starts saved: ${status}`);
  await screenshot(browser, 'editor-course-sv');
  await noViolations('the course form (sv)');
});

test('a module with a lesson shows the core’s rendering of its Markdown', async () => {
  await press('[data-testid="editor-add-module"]');
  await waitFor('[data-testid="module-form"]');
  await fillText(`${M}.title`, 'Bemötande', 'Meeting people');
  await press('[data-testid="editor-add-lesson"]');
  await waitFor('[data-testid="lesson-form"]');
  await fill(field(`${M}.lesson[0].markdown.sv`), '# Välkommen\n\nHej **gäst**, välkommen in.');
  await fill(field(`${M}.lesson[0].markdown.en`), '# Welcome\n\nHello **guest**, come in.');
  const preview = await browser.$('[data-testid="lesson-preview-sv"]');
  await browser.waitUntil(async () => (await preview.getHTML()).includes('<strong>gäst</strong>'), {
    timeoutMsg: 'the Swedish preview never showed the rendered Markdown',
  });
  assert.match(await preview.getText(), /Välkommen/, 'the preview shows the title the core read from the first line');
  assert.equal(await browser.$('[data-testid="editor-status"]').getText(), 'Osparade ändringar', 'an edit makes the course unsaved');
  await screenshot(browser, 'editor-lesson-sv');
  await noViolations('the lesson form with its preview (sv)');
});

const QUESTIONS = [
  {
    kind: 'single',
    prompt: ['Vad säger du först?', 'What do you say first?'],
    async parts(q) {
      await fillText(`${q}.option[0].text`, 'Välkommen', 'Welcome');
      await fillText(`${q}.option[1].text`, 'Nästa', 'Next');
    },
  },
  {
    kind: 'multiple',
    prompt: ['Vad hjälper en gäst?', 'What helps a guest?'],
    async parts(q) {
      await fillText(`${q}.option[0].text`, 'Ett leende', 'A smile');
      await fillText(`${q}.option[1].text`, 'Ögonkontakt', 'Eye contact');
      await tabTo(browser, field(`${q}.option[1].correct`), FAR);
      await browser.keys([' ']);
    },
  },
  { kind: 'true_false', prompt: ['En gäst ska vänta tyst.', 'A guest should wait quietly.'], async parts() {} },
  {
    kind: 'short_text',
    prompt: ['Vad säger du till en ny gäst?', 'What do you say to a new guest?'],
    async parts(q) {
      await fill(field(`${q}.accept`), 'Välkommen\nhej');
      await fill(field(`${q}.accept.en`), 'Welcome\nhello');
    },
  },
  {
    kind: 'numeric',
    prompt: ['Hur många meter är lagom avstånd?', 'How many metres is a good distance?'],
    async parts(q) {
      await fill(field(`${q}.answer`), '1,5');
      await fill(field(`${q}.tolerance`), '0,5');
    },
  },
  {
    kind: 'ordering',
    prompt: ['Ordna stegen.', 'Put the steps in order.'],
    async parts(q) {
      await fillText(`${q}.item[0].text`, 'Hälsa', 'Greet');
      await fillText(`${q}.item[1].text`, 'Lyssna', 'Listen');
    },
  },
  {
    kind: 'matching',
    prompt: ['Para ihop.', 'Match them.'],
    async parts(q) {
      await fillText(`${q}.pair[0].left`, 'Hej', 'Hi');
      await fillText(`${q}.pair[0].right`, 'Hälsning', 'Greeting');
      await fillText(`${q}.pair[1].left`, 'Hej då', 'Bye');
      await fillText(`${q}.pair[1].right`, 'Avsked', 'Farewell');
    },
  },
];

test('one question of each of the seven kinds is written by keyboard', async () => {
  for (const [i, spec] of QUESTIONS.entries()) {
    const q = `${M}.question[${i}]`;
    await press(`[data-testid="nav-module"][data-key="${M}"]`);
    await waitFor('[data-testid="module-form"]');
    await press('[data-testid="editor-add-question"]');
    await waitFor(`[data-testid="question-form"] ${field(`${q}.kind`)}`);
    await choose(field(`${q}.kind`), spec.kind);
    await waitFor(`[data-testid="question-form"][data-kind="${spec.kind}"]`);
    await fillText(`${q}.prompt`, ...spec.prompt);
    await spec.parts(q);
    await fillText(`${q}.explanation`, 'Så blir gästen sedd.', 'So the guest is seen.');
    if (spec.kind === 'matching') {
      await screenshot(browser, 'editor-question-sv');
      await noViolations('the question form (sv)');
    }
  }
  // Nothing else in the module is wrong, so only the role-play can add problems below.
  await browser.waitUntil(async () => (await problemCount()) === 0, {
    timeout: 5000,
    timeoutMsg: 'the seven questions should leave no problems',
  });
});

test('a role-play: an unreachable node is reported, leads to its field, and is fixed', async () => {
  const s = `${M}.scenario[0]`;
  await press(`[data-testid="nav-module"][data-key="${M}"]`);
  await press('[data-testid="editor-add-scenario"]');
  await waitFor('[data-testid="scenario-form"]');
  await fillText(`${s}.title`, 'I receptionen', 'At the front desk');
  await fillText(`${s}.node[0].text`, 'En gäst kommer in.', 'A guest comes in.');
  await fillText(`${s}.node[0].choice[0].text`, 'Hälsa', 'Greet');
  await fillText(`${s}.node[0].choice[0].feedback`, 'Bra.', 'Good.');
  await fillText(`${s}.node[1].text`, 'Gästen ler.', 'The guest smiles.');
  await fillText(`${s}.node[1].debrief`, 'Väl mött.', 'Well met.');

  // A third node that nothing leads to yet.
  await press('[data-testid="editor-add-node"]');
  await fillText(`${s}.node[2].text`, 'Gästen frågar om vägen.', 'The guest asks the way.');
  await fillText(`${s}.node[2].debrief`, 'Du visade vägen.', 'You showed the way.');
  await press('[data-testid="editor-problems"]');
  await waitFor('[data-testid="problems-panel"]');
  const unreachable = `[data-testid="problem"][data-field^="${s}.node[2]"]`;
  await waitFor(unreachable);
  assert.match(await browser.$(unreachable).getText(), /går inte att nå/, 'the core says, in Swedish, that the node cannot be reached');
  const badge = await browser.$(`[data-testid="nav-scenario"][data-key="${s}"]`).getText();
  assert.match(badge, /\d/, `the role-play shows its number of problems in the navigation: ${badge}`);
  const onCard = await browser.$(`[data-testid="node"][data-node="node"] [data-testid="field-problems"]`).getText();
  assert.match(onCard, /går inte att nå/, 'the node card shows the problem that names it');
  await screenshot(browser, 'editor-problems-sv');
  await noViolations('the problems panel and the role-play form (sv)');

  await press(unreachable);
  const focused = await browser.execute(() => document.activeElement?.id ?? '');
  assert.ok(focused.startsWith(`f:${s}.node[2]`), `the problem leads to the node's field, focus is on ${focused}`);

  // Link it: the start node gets a second choice that leads there.
  await press('[data-testid="editor-add-choice"]');
  await fillText(`${s}.node[0].choice[1].text`, 'Visa vägen', 'Show the way');
  await fillText(`${s}.node[0].choice[1].feedback`, 'Hjälpsamt.', 'Helpful.');
  await choose(field(`${s}.node[0].choice[1].next`), 'node');
  await browser.waitUntil(async () => (await problemCount()) === 0, {
    timeout: 5000,
    timeoutMsg: 'linking the node should leave no problems',
  });
  assert.ok(await browser.$('[data-testid="no-problems"]').isDisplayed(), 'the panel says there are no problems');

  // Making the start node an ending would drop its two choices: the editor asks first.
  await tabTo(browser, field(`${s}.node[0].ending`), FAR);
  await browser.keys(['ArrowDown']);
  const ask = await waitFor('[data-testid="ending-ask"]');
  assert.match(await ask.getText(), /val \(2\)/, 'the question says how many choices would go');
  await screenshot(browser, 'editor-ending-ask-sv');
  await noViolations('the question before choices are dropped (sv)');
  await press('[data-testid="ending-no"]');
  assert.equal(await browser.execute(() => document.activeElement?.id), `f:${s}.node[0].ending`, 'keeping the choices returns to the ending field');
  assert.equal(await browser.$$(`[data-testid="node"][data-node="start"] [data-testid="choice"]`).length, 2, 'both choices are kept');
  assert.equal(await browser.$(field(`${s}.node[0].ending`)).getValue(), '', 'the node is still not an ending');
  await screenshot(browser, 'editor-scenario-sv');
  await noViolations('the role-play form (sv)');
});

test('saving writes files that the CLI validates', async () => {
  await tabTo(browser, '[data-testid="editor-save"]', FAR);
  await browser.keys(['Control', 's']);
  await browser.waitUntil(async () => (await browser.$('[data-testid="editor-status"]').getText()) === 'Alla ändringar är sparade', {
    timeoutMsg: 'Ctrl+S should save the course',
  });
  const quiz = fs.readFileSync(path.join(folder, 'modules/02-module/quiz.toml'), 'utf8');
  for (const spec of QUESTIONS) assert.match(quiz, new RegExp(`kind = "${spec.kind}"`), `the saved quiz has a ${spec.kind} question`);
  let out = '';
  try {
    out = execFileSync(CLI, ['validate', folder], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    assert.fail(`vardskap-cli validate found problems in the saved course:\n${err.stdout}${err.stderr}`);
  }
  assert.match(out, /is valid: 2 modules, 2 lessons, 7 questions, 1 scenarios/, `the CLI counts what was written: ${out}`);
});

/** Saves with Ctrl+S and waits until the editor says everything is saved. */
async function saveByKey() {
  await browser.keys(['Control', 's']);
  await browser.waitUntil(async () => (await browser.$('[data-testid="editor-status"]').getText()) === 'Alla ändringar är sparade', {
    timeoutMsg: 'Ctrl+S should save the course',
  });
}

test('moving module 2 above module 1 and saving renames the folders, and the order stays after reopening', async () => {
  const modules = path.join(folder, 'modules');
  const before = fs.readdirSync(modules).sort();
  assert.equal(before[1], '02-module', `the written module is second on disk: ${before}`);
  const firstName = before[0].replace(/^\d+-/, '');
  await press('[data-testid="nav-course"][data-key="course"]');
  await waitFor('[data-testid="course-form"]');
  await press('[id="mv:module[1]:up"]');
  await saveByKey();
  assert.deepEqual(fs.readdirSync(modules).sort(), ['01-module', `02-${firstName}`], 'the folders are renamed to the new order');

  await press('[data-testid="editor-close"]');
  await waitFor('[data-testid="editor-start"]');
  await answerDialogs(browser, [folder]);
  await press('[data-testid="editor-open-folder"]');
  await waitFor('[data-testid="course-form"]');
  assert.match(await browser.$('[data-testid="nav-module"][data-key="module[0]"]').getText(), /Bemötande/, 'the moved module is first after reopening');
  await screenshot(browser, 'editor-modules-moved-sv');

  // Back again, so the rest finds the module where it was written.
  await press('[id="mv:module[1]:up"]');
  await saveByKey();
  assert.deepEqual(fs.readdirSync(modules).sort(), before, 'moving back restores the folders');
});

test('questions come in from a GIFT file, and the course goes out as a package', async () => {
  const gift = path.join(parent, 'bank.gift');
  fs.writeFileSync(
    gift,
    '// A small bank\n::Hälsning::Vad säger du först? {=Välkommen ~Hej då}\n\n::Sant::Gäster är välkomna. {T}\n\n::Uppsats::Beskriv ett möte. {}\n',
  );
  await press(`[data-testid="nav-module"][data-key="${M}"]`);
  await press('[data-testid="editor-import-gift"]');
  await waitFor('[data-testid="gift-import"]');
  await answerDialogs(browser, [gift]);
  await press('[data-testid="gift-choose"]');
  const add = await waitFor('[data-testid="gift-add"]');
  const shown = await browser.$('[data-testid="gift-import"]').getText();
  assert.match(shown, /rad 2/, `each question is shown with its GIFT line: ${shown}`);
  assert.match(shown, /Hoppades över/, 'the essay question is listed as skipped');
  await screenshot(browser, 'editor-gift-sv');
  await noViolations('the GIFT import (sv)');
  assert.match(await add.getText(), /frågorna \(2\)/, 'two questions can be added');
  await press('[data-testid="gift-add"]');
  await waitFor(`[data-testid="nav-question"][data-key="${M}.question[8]"]`);
  await browser.waitUntil(async () => browser.execute(() => document.activeElement?.hasAttribute('data-form-title') ?? false), {
    timeoutMsg: 'after adding, focus should be on the first added question’s form title',
  });
  assert.equal(await browser.$(`[data-testid="nav-question"][data-key="${M}.question[9]"]`).isExisting(), false, 'exactly two questions were added');

  const pkg = path.join(parent, 'kurs.vdsk');
  await answerDialogs(browser, [pkg]);
  await press('[data-testid="editor-export"]');
  await waitFor('[data-testid="editor-done"]');
  assert.equal(await browser.$('[data-testid="editor-status"]').getText(), 'Alla ändringar är sparade', 'exporting saved the changes first');
  assert.equal(fs.readFileSync(pkg).subarray(0, 2).toString(), 'PK', 'the package is a zip file');
});

test('a question and the role-play are tried as a learner', async () => {
  await press(`[data-testid="nav-question"][data-key="${M}.question[2]"]`);
  await waitFor('[data-testid="question-form"][data-kind="true_false"]');
  await press('[data-testid="editor-preview"]');
  await waitFor('[data-testid="learner-preview"]');
  await tabTo(browser, '[data-testid="learner-preview"] input[type="radio"]', FAR);
  await browser.keys([' ']);
  await press('[data-testid="preview-check"]');
  const feedback = await waitFor('[data-testid="feedback"]');
  assert.match(await feedback.getText(), /Rätt|Fel/, 'the learner’s feedback shows');
  await screenshot(browser, 'editor-preview-sv');
  await noViolations('the learner preview of a question (sv)');

  // The preview stays on for the role-play: it is played from its start.
  await press(`[data-testid="nav-scenario"][data-key="${M}.scenario[0]"]`);
  await waitFor('[data-testid="preview-node"]');
  await press('[data-testid="preview-node"] [data-choice="choice-2"]');
  const debrief = await waitFor('[data-testid="preview-debrief"]');
  assert.match(await debrief.getText(), /Du visade vägen/, 'the linked node’s debrief ends the play-through');
  await noViolations('the learner preview of a role-play (sv)');
  await press('[data-testid="editor-preview"]');
  await waitFor('[data-testid="scenario-form"]');
});

test('the editor screens pass axe in English too, and fit 380 px', async () => {
  await setLanguage('en');
  const screens = [
    ['nav-course', 'course', '[data-testid="course-form"]'],
    ['nav-lesson', `${M}.lesson[0]`, '[data-testid="lesson-form"]'],
    ['nav-question', `${M}.question[6]`, '[data-testid="question-form"]'],
    ['nav-scenario', `${M}.scenario[0]`, '[data-testid="scenario-form"]'],
  ];
  for (const [testid, key, form] of screens) {
    await press(`[data-testid="${testid}"][data-key="${key}"]`);
    await waitFor(form);
    await noViolations(`${form} (en)`);
  }
  await noViolations('the problems panel (en)');
  await screenshot(browser, 'editor-scenario-en');

  const wide = await browser.getWindowRect();
  await browser.setWindowRect(null, null, 380, 800);
  try {
    for (const [testid, key, form] of screens) {
      await press(`[data-testid="${testid}"][data-key="${key}"]`);
      await waitFor(form);
      assert.equal(await overflows(), false, `${form} fits a 380 px window`);
      await screenshot(browser, `editor-${testid.slice(4)}-380`);
    }
  } finally {
    await browser.setWindowRect(null, null, wide.width, wide.height);
  }
});

test('leaving with unsaved changes asks first', async () => {
  await press(`[data-testid="nav-course"][data-key="course"]`);
  await fillText('course.title', 'Testkursen', 'The test course');
  await press('[data-testid="instructor-open"]');
  await waitFor('[data-testid="editor-leave"]');
  await noViolations('the unsaved-changes question (en)');
  // Over AT-SPI it is a dialog named by its heading that holds the focus.
  const leaveTitle = await browser.$('#leave-title').getText();
  await checkScreen(browser, 'the unsaved-changes dialog (en)', (doc) => dialogProblems(doc, leaveTitle));
  await press('[data-testid="editor-leave-stay"]');
  assert.ok(await browser.$('[data-testid="course-form"]').isDisplayed(), 'staying keeps the editor open');
  await press('[data-testid="instructor-open"]');
  await press('[data-testid="editor-leave-save"]');
  await waitFor('[data-testid="instructor-editor"]');
  assert.match(fs.readFileSync(path.join(folder, 'course.toml'), 'utf8'), /The test course/, 'save-and-leave saved the change');
});

test('a course whose files cannot be read says what to fix first; a taken folder is refused with its reason', async () => {
  const broken = path.join(parent, 'trasig');
  fs.mkdirSync(broken);
  fs.writeFileSync(path.join(broken, 'course.toml'), 'id = "trasig"\ntitle = { sv = "Trasig" \n');
  await press('[data-testid="instructor-editor"]');
  await press('[data-testid="editor-close"]');
  await waitFor('[data-testid="editor-start"]');
  await answerDialogs(browser, [broken]);
  await press('[data-testid="editor-open-folder"]');
  const panel = await waitFor('[data-testid="editor-unreadable"]');
  assert.match(await panel.getText(), /course\.toml:\d+:\d+/, 'the problem is shown with its file and line');
  await screenshot(browser, 'editor-unreadable-en');
  await noViolations('a course that cannot be read (en)');

  // A new course in a folder that is taken: the sentence says why, in the core's words too.
  await press('[data-testid="editor-open-other"]');
  await fill('[data-testid="editor-new-title-sv"]', 'Igen');
  await fill('[data-testid="editor-new-title-en"]', 'Again');
  await fill('[data-testid="editor-new-id"]', COURSE);
  await answerDialogs(browser, [parent]);
  await press('[data-testid="editor-new-create"]');
  const refused = await (await waitFor('[data-testid="editor-error"]')).getText();
  assert.match(refused, /Details: .*already exists and is not empty/, `the reason is shown: ${refused}`);
});

test('the exported package is imported, and a learner takes the authored course', async () => {
  const pkg = path.join(parent, 'kurs.vdsk');
  await press('[data-testid="instructor-open"]');
  await waitFor('[data-testid="instructor-import"]');
  await answerDialogs(browser, [pkg]);
  await press('[data-testid="instructor-import"]');
  const done = await waitFor('[data-testid="instructor-done"]');
  assert.match(await done.getText(), /Test course/, `the import names the authored course: ${await done.getText()}`);

  // A learner: a new profile, then the new course from the chooser.
  await press('main .back button');
  await fill('[data-testid="new-name"]', 'Elin');
  await press('[data-testid="create-profile"]');
  await waitFor('[data-testid="course-chooser"]');
  await press(`[data-testid="course-option-${COURSE}"]`);
  await browser.waitUntil(async () => (await browser.$('[data-testid="course-title"]').getText()) === 'Test course', {
    timeoutMsg: 'the authored course did not open for the learner',
  });
  const moduleId = fs
    .readFileSync(path.join(folder, 'modules/02-module/module.toml'), 'utf8')
    .match(/^id = "([^"]+)"/m)[1];
  await press(`[data-testid="module-${moduleId}"] .links button`);
  assert.equal(await (await waitFor('[data-testid="lesson-title"]')).getText(), 'Welcome', 'the authored lesson opens with its title');
  assert.match(await browser.$('[data-testid="lesson-body"]').getText(), /Hello guest, come in\./, 'and its text');

  await press('[data-testid="to-quiz"]');
  const qs = questions(moduleId, folder);
  assert.equal(new Set(qs.map((q) => q.kind)).size, 7, 'the authored quiz has all seven kinds');
  for (const [i, q] of qs.entries()) {
    const section = await waitFor(`[data-testid="question"][data-question="${q.id}"]`);
    assert.equal(await section.getAttribute('data-kind'), q.kind, `question ${q.id} shows as ${q.kind}`);
    await answer(browser, q, 'en');
    await press('[data-testid="save-answer"]');
    const feedback = await waitFor('[data-testid="feedback"]');
    assert.ok((await feedback.getAttribute('class')).includes('correct'), `the author's key to ${q.id} (${q.kind}) is graded right`);
    if (i < qs.length - 1) await press('[data-testid="next-question"]');
  }
  await press('[data-testid="submit"]');
  assert.match(await (await waitFor('[data-testid="result-verdict"]')).getText(), /Passed/, 'the authored quiz is passed');
  await screenshot(browser, 'authored-result-en');
  await noViolations('the result of the authored quiz (en)');

  await press('[data-testid="back-to-course"]');
  const sc = scenario(moduleId, 'scenario', folder);
  await press(`[data-testid="scenario-${moduleId}-scenario"]`);
  assert.equal(await (await waitFor('[data-testid="scenario-title"]')).getText(), 'At the front desk', 'the authored role-play opens');
  for (const choice of goodPath(sc)) await press(`[data-choice="${choice}"]`);
  assert.match(await (await waitFor('[data-testid="debrief"]')).getText(), /Role-play passed/, 'the role-play reaches its good ending');
  await screenshot(browser, 'authored-debrief-en');
  await noViolations('the debrief of the authored role-play (en)');
});

test('closing the window with unsaved changes asks first; leaving without saving closes it', async () => {
  await press('[data-testid="instructor-open"]');
  // The learner's sign-in locked instructor mode: the editor needs the passphrase again.
  await waitFor('[data-testid="unlock-instructor"]');
  await fill('[data-testid="passphrase"]', PASSPHRASE);
  await press('[data-testid="unlock-instructor"]');
  await press('[data-testid="instructor-editor"]');
  // The editor is still on its start panel: open the authored course again.
  await answerDialogs(browser, [folder]);
  await press('[data-testid="editor-open-folder"]');
  // A removal moves focus to the entry that took its place.
  const q0 = `${M}.question[0]`;
  await press(`[data-testid="nav-question"][data-key="${q0}"]`);
  await press('[data-testid="editor-add-option"]');
  await press(`[id="mv:${q0}.option[0]:remove"]`);
  // Two options are the least a question keeps, so that one's remove button is off and focus takes its next button.
  await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.id ?? '')).startsWith(`mv:${q0}.option[0]:`), {
    timeoutMsg: 'after removing the first option, focus should be on a button of the option now first',
  });
  assert.equal(await browser.$$(`[data-testid="option"]`).length, 2, 'one of the three options was removed');

  await press(`[data-testid="nav-course"][data-key="course"]`);
  await fillText('course.title', 'Osparad titel', 'Unsaved title');
  // Escape in the unsaved-changes question means "stay".
  await press('[data-testid="instructor-open"]');
  await waitFor('[data-testid="editor-leave"]');
  await browser.keys(['Escape']);
  await browser.waitUntil(async () => !(await browser.$('[data-testid="editor-leave"]').isExisting()), { timeoutMsg: 'Escape should close the question' });
  assert.ok(await browser.$('[data-testid="course-form"]').isDisplayed(), 'and keep the editor with its changes');
  await browser.waitUntil(async () => (await browser.$('[data-testid="editor-status"]').getText()) === 'Unsaved changes');
  requestClose();
  await waitFor('[data-testid="editor-leave"]');
  assert.ok(appPids().length > 0, 'the window stays open while the question is asked');
  await noViolations('the unsaved-changes question on closing the window (en)');
  await press('[data-testid="editor-leave-stay"]');
  assert.ok(await browser.$('[data-testid="course-form"]').isDisplayed(), 'staying keeps the editor and its changes');

  requestClose();
  await tabTo(browser, '[data-testid="editor-leave-discard"]', FAR);
  // The window goes away during the key press, so WebDriver may report the action as failed.
  await browser.keys(['Enter']).catch(() => {});
  for (let i = 0; i < 100 && appPids().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(appPids().length, 0, 'leaving without saving closes the window and the app');
  assert.doesNotMatch(fs.readFileSync(path.join(folder, 'course.toml'), 'utf8'), /Unsaved title/, 'and the discarded edit was not written');
});
