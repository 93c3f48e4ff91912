// Answers the system file dialogs, because WebDriver cannot drive a native
// GTK dialog. The shell opens every dialog itself (the page never passes a
// path); the e2e build of the app (cargo feature `e2e-dialogs`, never in a
// release) takes its answers from the queue file named in
// VARDSKAP_E2E_DIALOGS and records each dialog it was asked for in
// `<queue>.calls`. Everything else, and the Rust side that reads and writes
// the chosen files, stays real.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// One queue per spec file (each runs in its own process); the app inherits
// the variable through tauri-driver and WebKitWebDriver.
if (!process.env.VARDSKAP_E2E_DIALOGS) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vardskap-e2e-dialogs-'));
  process.env.VARDSKAP_E2E_DIALOGS = path.join(dir, 'answers.jsonl');
}
const QUEUE = process.env.VARDSKAP_E2E_DIALOGS;
const CALLS = `${QUEUE}.calls`;

const lines = (file) =>
  fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
    : [];

/**
 * Queues answers for the next file dialogs, in order: a path string is what
 * the user picked, `null` is a cancelled dialog. A dialog opened with the
 * queue empty fails with "no answer queued …" instead of waiting.
 * Example: `await answerDialogs(browser, ['/tmp/course.vdsk'])`.
 */
export async function answerDialogs(_browser, answers) {
  fs.appendFileSync(QUEUE, answers.map((a) => `${JSON.stringify(a)}\n`).join(''));
}

/**
 * The dialogs opened so far, oldest first: `{ purpose, kind: 'openFile' |
 * 'openFolder' | 'saveFile', title, filters: [{ name, extensions }], defaultPath }`.
 */
export async function dialogCalls(_browser) {
  return lines(CALLS).map((l) => JSON.parse(l));
}

/** How many queued answers no dialog has taken yet. */
export async function unusedDialogAnswers(_browser) {
  return lines(QUEUE).length;
}
