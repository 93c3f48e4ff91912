// The app as a screen reader hears it: reads the running app's AT-SPI tree
// (what WebKitGTK gives Orca) through lib/atspi.py, and checks it.
//
// One atspi.py server per spec process, started on first use. The app runs
// with the accessibility bridge on (scripts/e2e.sh and lib/app.mjs leave
// NO_AT_BRIDGE unset), and the checks run in every e2e run unless
// VARDSKAP_E2E_ATSPI=0. The trees read are kept as
// test-output/a11y/<screen>.json.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { ATSPI, ROOT, appPids } from './app.mjs';

export const A11Y_OUT = path.join(ROOT, 'test-output/a11y');
export const enabled = ATSPI;

let server = null;

function start() {
  const child = spawn('/usr/bin/python3', [path.join(import.meta.dirname, 'atspi.py')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout });
  const waiting = [];
  lines.on('line', (line) => waiting.shift()?.resolve(JSON.parse(line)));
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`atspi.py exited (${code})`));
    server = null;
  });
  // The server must not keep the spec's process alive once its tests are over.
  child.unref();
  child.stdin.unref?.();
  child.stdout.unref?.();
  process.on('exit', () => child.kill('SIGKILL'));
  const ready = new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  server = { child, waiting, ready };
  return server;
}

/** Sends one command to atspi.py and waits for its answer (reading About's tree, over 500 licences, takes 10–20 s). */
async function request(msg, timeout = 60000) {
  const s = server ?? start();
  await s.ready;
  const answer = new Promise((resolve, reject) => s.waiting.push({ resolve, reject }));
  s.child.stdin.write(JSON.stringify(msg) + '\n');
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`atspi.py did not answer ${msg.cmd} within ${timeout} ms`)), timeout);
  });
  try {
    const out = await Promise.race([answer, late]);
    if (out.error) throw new Error(`atspi.py: ${out.error}`);
    return out;
  } finally {
    clearTimeout(timer);
  }
}

/** The visible web document of the app as a tree of {role, name, description, states, attributes, text, locale, children}. */
export async function readTree() {
  return request({ cmd: 'tree', pids: appPids() });
}

/** Every node of `tree` (depth first) with its ancestors. */
export function* walk(node, ancestors = []) {
  if (!node) return;
  yield { node, ancestors };
  for (const child of node.children ?? []) yield* walk(child, [...ancestors, node]);
}

export const nodes = (tree, pred) => [...walk(tree)].filter(({ node, ancestors }) => pred(node, ancestors)).map((w) => w.node);
const has = (node, state) => node.states?.includes(state);
const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
/** The words a node shows: its name, else its own text without embedded-object characters. */
export const words = (node) => squash(node.name) || squash((node.text ?? '').replace(/\uFFFC/g, ' '));
/** All text under a node, in reading order, as one line. */
export function allText(node) {
  const parts = [];
  for (const { node: n } of walk(node)) {
    if (n.text) parts.push(n.text.replace(/\uFFFC/g, ' '));
    else if (!n.children?.length && n.name) parts.push(n.name);
  }
  return squash(parts.join(' '));
}

// Roles a group of choices may have in WebKitGTK's tree (fieldset, role=group, role=radiogroup).
const GROUP_ROLES = new Set(['panel', 'grouping', 'radio group', 'form', 'dialog', 'section']);
const isGroup = (n) => GROUP_ROLES.has(n.role) && (n.role !== 'section' || ['group', 'radiogroup'].includes(n.attributes?.['xml-roles']));
/** The nearest named group around a node (fieldset with legend, role=group or radiogroup). */
export function groupOf(ancestors) {
  return [...ancestors].reverse().find((a) => isGroup(a) && squash(a.name));
}
/** The nearest named landmark around a node (a <section> with a name is a region). */
const regionOf = (ancestors) => [...ancestors].reverse().find((a) => a.role === 'landmark' && squash(a.name));

/**
 * A dialog as AT-SPI shows it: WebKitGTK exposes role="dialog" as a dialog
 * and role="alertdialog" as an alert (with xml-roles alertdialog), which Orca
 * reads as a dialog that needs an answer.
 */
const isDialog = (n) =>
  ['dialog', 'alert dialog'].includes(n.role) || (n.role === 'alert' && n.attributes?.['xml-roles'] === 'alertdialog');

/**
 * What a screen reader user would trip over on this screen, as sentences:
 * a focusable node without a role or a name, a radio button or check box
 * outside a named group, a dialog without a name.
 */
export function problems(doc) {
  const out = [];
  if (doc.role !== 'document web') out.push(`the document could not be read: ${doc.role} ${doc.name}`);
  for (const { node, ancestors } of walk(doc)) {
    const where = `${node.role} "${words(node).slice(0, 60)}"`;
    if (node.role === 'gone') {
      out.push(`a node went away while the tree was read (${node.name})`);
      continue;
    }
    if (node.markerWithoutChild)
      out.push(`${where} starts with a list marker that has no child: WebKitGTK 2.50 aborts when a screen reader reads its text attributes`);
    if (has(node, 'focusable') && node.role !== 'document web') {
      if (!node.role || ['unknown', 'invalid', 'redundant object'].includes(node.role)) out.push(`a focusable node has no role: ${where}`);
      if (!squash(node.name) && !['entry', 'password text', 'paragraph', 'section'].includes(node.role))
        out.push(`a focusable ${node.role} has no name (text: "${words(node).slice(0, 60)}")`);
      if (['entry', 'password text'].includes(node.role) && !squash(node.name)) out.push(`a text field has no name: ${where}`);
    }
    // A radio button means nothing outside its set; a check box may stand
    // alone (the editor's "Shuffle the choices"), but inside a named region
    // at least, so that it is heard with its context. Quiz options are held
    // to the question's own group (questionProblems).
    if (node.role === 'radio button' && has(node, 'focusable') && !groupOf(ancestors)) out.push(`${where} is not inside a named group`);
    if (node.role === 'check box' && has(node, 'focusable') && !groupOf(ancestors) && !regionOf(ancestors))
      out.push(`${where} is neither inside a named group nor in a named region`);
    if (isDialog(node) && !squash(node.name)) out.push(`a ${node.role} has no name`);
  }
  return out;
}

/**
 * Notes which locales the screen's nodes reach AT-SPI with (objectLocale)
 * against the page's lang, one JSON line per screen in
 * test-output/a11y/locales.jsonl (docs/accessibility.md, "Page language").
 */
function noteLocales(doc, what, lang) {
  const locales = {};
  for (const { node } of walk(doc)) {
    const key = node.locale || '(empty)';
    locales[key] = (locales[key] ?? 0) + 1;
  }
  const line = { screen: what, htmlLang: lang, documentLocale: doc.locale ?? '', nodeLocales: locales };
  fs.appendFileSync(path.join(A11Y_OUT, 'locales.jsonl'), JSON.stringify(line) + '\n');
}

let saved = 0;
/** Keeps a tree as test-output/a11y/<spec>-<n>-<what>.json to look at. */
function keep(tree, what) {
  fs.mkdirSync(A11Y_OUT, { recursive: true });
  const spec = path.basename(process.argv[1] ?? 'spec', '.test.mjs');
  const slug = what.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  fs.writeFileSync(path.join(A11Y_OUT, `${spec}-${String(++saved).padStart(2, '0')}-${slug}.json`), JSON.stringify(tree, null, 1));
}

/**
 * Reads the screen's AT-SPI tree and fails with every problem found. The tree
 * can trail the DOM by a frame or two, so a screen with problems is read
 * again (up to three times) before it fails. Returns the document node.
 */
export async function checkScreen(browser, what, extra = () => []) {
  if (!enabled) return null;
  const lang = await browser.execute(() => document.documentElement.lang);
  let tree, found;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 400));
    tree = await readTree();
    found = [...problems(tree.document), ...extra(tree.document)];
    if (found.length === 0) break;
  }
  keep(tree, what);
  noteLocales(tree.document, what, lang);
  assert.deepEqual(found, [], `the AT-SPI tree of ${what} as a screen reader reads it`);
  return tree.document;
}

/** Runs `fn` while recording AT-SPI events; returns the events ({type, role, name, text, live}). */
export async function recordEvents(fn, { settle = 0.8 } = {}) {
  if (!enabled) {
    await fn();
    return [];
  }
  await request({ cmd: 'record-start', pids: appPids() });
  let events;
  try {
    await fn();
  } finally {
    ({ events } = await request({ cmd: 'record-stop', settle }));
  }
  fs.mkdirSync(A11Y_OUT, { recursive: true });
  fs.appendFileSync(path.join(A11Y_OUT, 'events.jsonl'), JSON.stringify(events) + '\n');
  return events;
}

/** The texts a screen reader speaks from a live region among `events` (as one string each). */
export function announced(events) {
  return events
    .filter((e) => e.type.startsWith('object:announcement') || (e.live && e.live['container-live'] !== 'off' && e.text))
    .map((e) => squash(e.text));
}

/**
 * The quiz question on screen as a screen reader meets it: its choices are
 * radio buttons or check boxes in a group named by the question, the
 * ordering buttons say where their item is now, each matching list is named
 * by its left side. Returns problems as sentences (for checkScreen's `extra`).
 */
export function questionProblems(doc, { kind, prompt, lefts = [] }) {
  const out = [];
  const all = [...walk(doc)];
  if (['single', 'multiple', 'true_false'].includes(kind)) {
    const role = kind === 'multiple' ? 'check box' : 'radio button';
    const choices = all.filter(({ node }) => node.role === role);
    if (choices.length < 2) out.push(`the ${kind} question shows ${choices.length} ${role}(es)`);
    for (const { node, ancestors } of choices) {
      const group = groupOf(ancestors);
      if (squash(group?.name) !== squash(prompt))
        out.push(`${role} "${words(node)}" is in a group named "${group?.name ?? ''}", not by the question`);
    }
  }
  if (kind === 'ordering') {
    const movers = all.filter(({ node }) => node.role === 'push button' && /^(Flytta|Move) (upp|ner|up|down)/.test(node.name));
    if (movers.length === 0) out.push('the ordering question has no move buttons');
    for (const { node } of movers) if (!/\d+ (av|of) \d+/.test(node.name)) out.push(`"${node.name}" does not say where its item is`);
  }
  if (kind === 'matching') {
    const combos = all.filter(({ node }) => node.role === 'combo box').map(({ node }) => squash(node.name));
    for (const left of lefts)
      if (!combos.some((c) => c.startsWith(squash(left)))) out.push(`no list is named by "${left}" (lists: ${combos.join(' | ')})`);
  }
  return out;
}

/** Role-play choices are push buttons named by their words. */
export function choiceProblems(doc, texts) {
  const buttons = nodes(doc, (n) => n.role === 'push button').map((n) => squash(n.name));
  return texts.filter((t) => !buttons.includes(squash(t))).map((t) => `no push button is named "${t}" (buttons: ${buttons.join(' | ')})`);
}

/**
 * A dialog on screen (role dialog or alert dialog) with a name, holding the
 * focus. Returns problems as sentences.
 */
export function dialogProblems(doc, name) {
  const dialogs = [...walk(doc)].filter(({ node }) => isDialog(node));
  const mine = dialogs.find(({ node }) => squash(node.name).includes(squash(name)));
  if (!mine)
    return [`no dialog named "${name}" (dialogs: ${dialogs.map(({ node }) => `${node.role} "${node.name}"`).join(', ') || 'none'})`];
  const focused = [...walk(mine.node)].some(({ node }) => has(node, 'focused'));
  return focused ? [] : [`the dialog "${name}" does not hold the focus`];
}
