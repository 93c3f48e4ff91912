// Course packages end to end: the instructor imports a course packed by the
// CLI through the open dialog, a learner picks it in the course chooser and
// takes a lesson, its quiz and its role-play by keyboard; sign-in brings the
// learner back to it; the built-in course is exported through the save
// dialog and really written; a hostile package and one that claims the
// built-in course's id are refused with plain sentences and install nothing.
// Only the native file dialogs are answered by the test (lib/dialog.mjs).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { answer } from '../lib/answer.mjs';
import { APP, ROOT, freshDataDir, launch, screenshot, startDriver, stopDriver } from '../lib/app.mjs';
import { helpers } from '../lib/ui.mjs';
import { courseToml, goodPath, questions, scenario } from '../lib/course.mjs';
import { answerDialogs, dialogCalls, unusedDialogAnswers } from '../lib/dialog.mjs';
import { activate, tabTo, type } from '../lib/keyboard.mjs';
import { writeZip, zipEntryNames } from '../lib/zip.mjs';

const PASSPHRASE = 'packages2026';
const FIXTURE = path.join(ROOT, 'crates/vardskap-core/tests/fixtures/valid');
const CLI = process.env.VARDSKAP_E2E_CLI ?? path.join(path.dirname(APP), 'vardskap-cli');
const imported = courseToml(FIXTURE);
const builtin = courseToml();
const dataDir = freshDataDir('packages');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vardskap-e2e-packages-work-'));
const packagePath = path.join(work, `${imported.id}.vdsk`);
let browser;
const { noViolations, waitFor, fill } = helpers(() => browser);

/** Every file under `dir`, relative, with `/` separators. */
function filesUnder(dir) {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'));
}

before(async () => {
  if (!fs.existsSync(CLI)) throw new Error(`the CLI binary is missing: ${CLI} (run make build first)`);
  // The fixture must be a valid course, or the import would fail for the wrong reason.
  execFileSync(CLI, ['validate', FIXTURE]);
  execFileSync(CLI, ['pack', FIXTURE, '-o', packagePath]);
  await startDriver();
  browser = await launch(dataDir);
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver();
  fs.rmSync(work, { recursive: true, force: true });
});

/** How many questions of the quiz on screen show as answered (saved). */
async function answered() {
  return browser.execute(() => document.querySelectorAll('.question-nav button.answered').length);
}

async function textOf(selector) {
  return (await waitFor(selector)).getText();
}

/** Ids of the courses the chooser lists, in its order, and the one marked current. */
async function chooser() {
  await waitFor('[data-testid="course-chooser"]');
  return browser.execute(() => {
    const buttons = [...document.querySelectorAll('[data-testid="course-chooser"] [data-course-id]')];
    return {
      ids: buttons.map((b) => b.dataset.courseId),
      current: buttons.filter((b) => b.getAttribute('aria-current') === 'true').map((b) => b.dataset.courseId),
    };
  });
}

/** Imports `file` through the instructor screen's open dialog; returns the message shown. */
async function importPackage(file, outcome) {
  await answerDialogs(browser, [file]);
  await activate(browser, '[data-testid="instructor-import"]');
  const shown = await textOf(`[data-testid="instructor-${outcome}"]`);
  assert.equal(await unusedDialogAnswers(browser), 0, 'the import opened the file dialog once');
  return shown;
}

test('the instructor imports a course package through the open dialog (sv)', async () => {
  await waitFor('[data-testid="new-name"]');
  await activate(browser, '[data-testid="lang-sv"]');
  await activate(browser, '[data-testid="instructor-open"]');
  await fill('[data-testid="passphrase"]', PASSPHRASE);
  await fill('[data-testid="passphrase-again"]', PASSPHRASE);
  await activate(browser, '[data-testid="set-passphrase"]');
  await waitFor('[data-testid="instructor-import"]');

  const message = await importPackage(packagePath, 'done');
  assert.match(message, new RegExp(`”${imported.title.sv.replace(/[()]/g, '\\$&')}” version ${imported.version}`), `the message names the course: ${message}`);
  assert.match(message, /under ”Kurser”/, `the message says where learners find it: ${message}`);
  const [call] = await dialogCalls(browser);
  assert.equal(call.kind, 'openFile', 'the import asked the open dialog');
  assert.equal(call.purpose, 'importPackage', 'for a package to import');
  assert.deepEqual(call.filters?.[0]?.extensions, ['vdsk'], 'the open dialog offers course packages');
  assert.ok(
    fs.existsSync(path.join(dataDir, 'courses', imported.id, 'course.toml')),
    'the app really unpacked and installed the package into its data folder',
  );
  await screenshot(browser, 'packages-imported-sv');
  await noViolations('the instructor screen after an import (sv)');
});

test('a learner sees both courses in the chooser (sv and en)', async () => {
  await activate(browser, 'main .back button');
  await tabTo(browser, '[data-testid="new-name"]');
  await type(browser, 'Alva');
  await activate(browser, '[data-testid="create-profile"]');
  assert.equal(await textOf('[data-testid="course-title"]'), builtin.title.sv, 'a new learner starts on the built-in course');
  const listed = await chooser();
  assert.deepEqual([...listed.ids].sort(), [builtin.id, imported.id].sort(), 'the chooser lists every installed course');
  assert.deepEqual(listed.current, [builtin.id], 'the built-in course is marked as the current one');
  const option = await textOf(`[data-testid="course-option-${imported.id}"]`);
  assert.match(option, new RegExp(`Version ${imported.version.replace(/\./g, '\\.')}`), `each course shows its version: ${option}`);
  assert.match(await textOf('#course-chooser-title'), /^Kurser$/, 'the chooser is labelled in Swedish');
  await screenshot(browser, 'course-chooser-sv');
  await noViolations('the course home with the chooser (sv)');

  await activate(browser, '[data-testid="lang-en"]');
  await browser.waitUntil(async () => (await textOf('#course-chooser-title')) === 'Courses', { timeoutMsg: 'the chooser was not shown in English' });
  await browser.waitUntil(async () => (await textOf(`[data-testid="course-option-${imported.id}"]`)).includes(imported.title.en), {
    timeoutMsg: 'the course titles did not follow the language',
  });
  await screenshot(browser, 'course-chooser-en');
  await noViolations('the course home with the chooser (en)');
});

test('choosing the imported course shows its home, and its lesson, quiz and role-play work', async () => {
  await activate(browser, `[data-testid="course-option-${imported.id}"]`);
  await browser.waitUntil(async () => (await textOf('[data-testid="course-title"]')) === imported.title.en, {
    timeoutMsg: 'the imported course did not open',
  });
  const focused = await browser.execute(() => document.activeElement?.getAttribute('data-testid'));
  assert.equal(focused, 'course-title', 'focus moves to the chosen course’s title');
  assert.deepEqual((await chooser()).current, [imported.id], 'the chooser marks the imported course as current');
  await screenshot(browser, 'imported-course-home-en');

  await activate(browser, '[data-testid="module-lokalt"] .links button');
  assert.equal(await textOf('[data-testid="lesson-title"]'), 'The city', 'the imported course’s lesson opens');
  assert.match(await textOf('[data-testid="lesson-body"]'), /textile city/, 'with its own text');
  await activate(browser, '[data-testid="to-quiz"]');
  const qs = questions('lokalt', FIXTURE);
  for (const q of qs) {
    await waitFor(`[data-testid="question"][data-question="${q.id}"]`);
    const before = await answered();
    await answer(browser, q, 'en');
    await activate(browser, '[data-testid="save-answer"]');
    await browser.waitUntil(async () => (await answered()) > before, { timeoutMsg: `the answer to ${q.id} was not saved` });
  }
  assert.equal(await answered(), qs.length, 'every answer of the imported quiz is saved');
  await activate(browser, '[data-testid="submit"]');
  assert.match(await textOf('[data-testid="result-verdict"]'), /Passed/, 'the imported quiz is graded and passed');
  assert.match(await textOf('[data-testid="result-summary"]'), /100/, 'with every point');
  await screenshot(browser, 'imported-quiz-result-en');
  await noViolations('the imported quiz’s result (en)');

  await activate(browser, '[data-testid="back-to-course"]');
  assert.match(await textOf('[data-testid="module-lokalt"]'), /Passed/, 'the imported course’s home shows the module as passed');
  const sc = scenario('valkommen', 'stadshuset', FIXTURE);
  await activate(browser, '[data-testid="scenario-valkommen-stadshuset"]');
  assert.equal(await textOf('[data-testid="scenario-title"]'), sc.title.en, 'the imported course’s role-play opens');
  for (const choice of goodPath(sc)) {
    await activate(browser, `[data-choice="${choice}"]`);
  }
  assert.match(await textOf('[data-testid="debrief"]'), /Role-play passed/, 'the role-play reaches a good ending');
});

test('signing in again brings the learner back to the course they chose', async () => {
  await activate(browser, '[data-testid="sign-out"]');
  await activate(browser, '[data-testid="profile-Alva"]');
  assert.equal(await textOf('[data-testid="course-title"]'), imported.title.en, 'Alva is back on the imported course');
  await activate(browser, '[data-testid="sign-out"]');
  await tabTo(browser, '[data-testid="new-name"]');
  await type(browser, 'Bea');
  await activate(browser, '[data-testid="create-profile"]');
  assert.equal(await textOf('[data-testid="course-title"]'), builtin.title.en, 'another learner starts on the built-in course');
});

test('the built-in course is exported through the save dialog into a real package', async () => {
  const exported = path.join(work, 'exported.vdsk');
  await activate(browser, '[data-testid="instructor-open"]');
  // Signing in and out locked instructor mode: the passphrase is needed again.
  await waitFor('[data-testid="unlock-instructor"]');
  await fill('[data-testid="passphrase"]', PASSPHRASE);
  await activate(browser, '[data-testid="unlock-instructor"]');
  await waitFor('[data-testid="instructor-export"]');
  await answerDialogs(browser, [exported]);
  await activate(browser, '[data-testid="instructor-export"]');
  assert.match(await textOf('[data-testid="instructor-done"]'), new RegExp(exported.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')), 'the message names the saved file');
  const save = (await dialogCalls(browser)).at(-1);
  assert.equal(save.kind, 'saveFile', 'the export asked the save dialog');
  assert.equal(save.defaultPath, `${builtin.id}.vdsk`, 'the save dialog proposes the course id as the file name');

  assert.ok(zipEntryNames(exported).includes('course.toml'), 'the exported file is a zip with course.toml at its root');
  const opened = path.join(work, 'opened');
  execFileSync(CLI, ['unpack', exported, '-o', opened]);
  const packed = courseToml(opened);
  assert.deepEqual([packed.id, packed.version], [builtin.id, builtin.version], 'the package holds the built-in course, same version');
  execFileSync(CLI, ['validate', opened]); // throws on any problem
  const modules = (dir) => fs.readdirSync(path.join(dir, 'modules')).sort();
  assert.deepEqual(modules(opened), modules(path.join(ROOT, 'content')), 'with every module');
  const lessonsAndMedia = (dir) => filesUnder(dir).filter((f) => f.startsWith('modules/') && /\.(md|svg)$/.test(f)).sort();
  assert.deepEqual(lessonsAndMedia(opened), lessonsAndMedia(path.join(ROOT, 'content')), 'and every lesson and image');
});

test('a hostile package and one with the built-in course id are refused and install nothing', async () => {
  const hostile = path.join(work, 'hostile.vdsk');
  writeZip(hostile, [
    ...filesUnder(FIXTURE).map((name) => ({ name, data: fs.readFileSync(path.join(FIXTURE, name)) })),
    { name: '../evil.txt', data: 'this must never be written' },
  ]);
  const refused = await importPackage(hostile, 'error');
  assert.match(refused, /cannot be opened safely as a course package.*nothing was installed/, `a plain sentence says why: ${refused}`);
  assert.match(refused, /Details: .*\.\.\/evil\.txt/, `the instructor also sees which entry was refused: ${refused}`);
  // Unpacking happens in a temporary folder inside the data folder, so `../` lands in it or next to it.
  const leaked = fs.readdirSync(dataDir, { recursive: true }).filter((f) => String(f).endsWith('evil.txt'));
  assert.deepEqual(leaked, [], 'the entry pointing outside the course is written nowhere in the data folder');
  assert.equal(fs.existsSync(path.join(path.dirname(dataDir), 'evil.txt')), false, 'nor next to it');
  assert.deepEqual(fs.readdirSync(dataDir).filter((f) => f.startsWith('.import-')), [], 'no temporary folder is left behind');
  await screenshot(browser, 'packages-hostile-en');
  await noViolations('a refused package (en)');

  const sameId = path.join(work, 'same-id.vdsk');
  execFileSync(CLI, ['pack', path.join(ROOT, 'content'), '-o', sameId]);
  const reserved = await importPackage(sameId, 'error');
  assert.match(reserved, /same id as the built-in course.*reserved/, `the reserved id is explained: ${reserved}`);

  await activate(browser, '[data-testid="instructor-lock"]');
  await waitFor('[data-testid="unlock-instructor"]');
  await activate(browser, '.brand');
  const listed = await chooser();
  assert.deepEqual([...listed.ids].sort(), [builtin.id, imported.id].sort(), 'no new course appears in the chooser');
});
