// An instructor follows a class: creates it in instructor mode (a real
// Ralph as its LRS), exports the invitation; a learner joins with it,
// takes a module quiz and the results are sent; the instructor fetches them,
// sees the learner in the class table and exports the table as CSV, whose
// cells match the screen, and saves the class report as a PDF with the same
// figure. axe on every class screen, in sv and en.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { answer } from '../lib/answer.mjs';
import { freshDataDir, launch, screenshot, startDriver, stopDriver } from '../lib/app.mjs';
import { questions } from '../lib/course.mjs';
import { answerDialogs, dialogCalls } from '../lib/dialog.mjs';
import { activate, tabTo, type } from '../lib/keyboard.mjs';
import { Lrs } from '../lib/lrs.mjs';
import { helpers } from '../lib/ui.mjs';

const MODULE = 'sanningens-ogonblick';
const OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'vardskap-e2e-classview-'));
let browser;
let this_invitation = '';
const lrs = new Lrs();
const { fill, noViolations, waitFor } = helpers(() => browser);

/** One CSV line's cells (quoted cells may hold commas and doubled quotes). */
function cellsOf(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (cells.push(cell), (cell = ''));
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** Selects the class view's tab `name` by keyboard: to the selected tab, then arrow keys. */
async function showTab(name) {
  await tabTo(browser, '[role="tab"][aria-selected="true"]');
  for (let i = 0; i < 4; i++) {
    if (await browser.execute((n) => document.getElementById(`tab-${n}`)?.getAttribute('aria-selected') === 'true', name)) return;
    await browser.keys(['ArrowRight']);
  }
  throw new Error(`the tab ${name} could not be selected`);
}

before(async () => {
  await lrs.start();
  await startDriver();
  browser = await launch(freshDataDir('classview'));
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver();
  await lrs.stop();
});

test('an instructor creates a class and exports its invitation', async () => {
  await waitFor('[data-testid="new-name"]');
  await tabTo(browser, '[data-testid="new-name"]');
  await type(browser, 'Elin');
  await activate(browser, '[data-testid="create-profile"]');
  await waitFor('[data-testid="course-title"]');
  await activate(browser, '[data-testid="instructor-open"]');
  await fill('[data-testid="passphrase"]', 'en lång lösenfras');
  await fill('[data-testid="passphrase-again"]', 'en lång lösenfras');
  await activate(browser, '[data-testid="set-passphrase"]');
  await activate(browser, '[data-testid="instructor-classes"]');
  await waitFor('[data-testid="classes-none"]');
  await noViolations('the classes screen, no class yet (sv)');
  await activate(browser, '[data-testid="class-new"]');
  await waitFor('[data-testid="class-new-form"]');
  await fill('[data-testid="class-new-name"]', 'HT26 grupp A');
  await fill('[data-testid="class-new-endpoint"]', lrs.endpoint);
  await fill('[data-testid="class-new-read-user"]', 'class');
  await fill('[data-testid="class-new-read-password"]', 'secret');
  await fill('[data-testid="class-new-write-user"]', 'class');
  await fill('[data-testid="class-new-write-password"]', 'secret');
  await noViolations('the new class form (sv)');
  await screenshot(browser, '14-class-new-sv');
  await activate(browser, '[data-testid="class-new-create"]');
  await waitFor('[data-testid="classes-list"]');
  const invitation = path.join(OUT, 'ht26.vdsk-class');
  await answerDialogs(browser, [invitation]);
  const exportButton = await browser.execute(() => document.querySelector('[data-testid^="class-invitation-"]').dataset.testid);
  await activate(browser, `[data-testid="${exportButton}"]`);
  await waitFor('[data-testid="classes-notice"]');
  const file = JSON.parse(fs.readFileSync(invitation, 'utf8'));
  assert.equal(file.format, 'vardskap-class');
  assert.equal(file.lrs.endpoint, lrs.endpoint);
  this_invitation = invitation;
});

test('a learner joins with the invitation, takes a quiz, and it is sent', async () => {
  await activate(browser, '[data-testid="class-open"]');
  await answerDialogs(browser, [this_invitation]);
  await activate(browser, '[data-testid="class-choose"]');
  await waitFor('[data-testid="class-consent"]');
  await activate(browser, '[data-testid="class-join"]');
  await waitFor('[data-testid="class-current"]');
  await activate(browser, '.brand');
  await activate(browser, `[data-testid="quiz-${MODULE}"]`);
  const qs = questions(MODULE);
  for (const [i, q] of qs.entries()) {
    await waitFor(`[data-testid="question"][data-question="${q.id}"]`);
    await answer(browser, q, 'sv');
    await activate(browser, '[data-testid="save-answer"]');
    await waitFor('[data-testid="feedback"]');
    if (i < qs.length - 1) await activate(browser, '[data-testid="next-question"]');
  }
  await activate(browser, '[data-testid="submit"]');
  await waitFor('[data-testid="result-verdict"]');
  await browser.waitUntil(
    async () => (await browser.execute(() => document.querySelector('[data-testid="sync-status"]')?.dataset.state ?? null)) === 'sent',
    { timeout: 30000, timeoutMsg: 'the results were not sent' },
  );
});

test('the instructor fetches the class, sees the learner and exports the table as the screen shows it', async () => {
  await activate(browser, '[data-testid="instructor-open"]');
  await activate(browser, '[data-testid="instructor-classes"]');
  const open = await browser.execute(() => document.querySelector('[data-testid^="class-show-"]').dataset.testid);
  await activate(browser, `[data-testid="${open}"]`);
  await waitFor('[data-testid="class-table"]', 30000);
  const row = await browser.execute(() => {
    const tr = document.querySelector('[data-testid="class-row"]');
    return {
      name: tr.querySelector('th').textContent.trim(),
      cells: [...tr.querySelectorAll('[data-testid="class-cell"]')].map((td) => td.textContent),
    };
  });
  assert.equal(row.name, 'Elin');
  const modules = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="class-table"] thead th')].map((th) => th.textContent.trim()),
  );
  const moduleIndex = modules.findIndex((m) => /Sanningens ögonblick/i.test(m)) - 1;
  assert.ok(moduleIndex >= 0, `the table has module 2's column: ${modules}`);
  assert.match(row.cells[moduleIndex], /^\s*100 %/, `module 2 shows 100 %: ${row.cells[moduleIndex]}`);
  await noViolations('the class table (sv)');
  await screenshot(browser, '14-class-table-sv');

  const csvPath = path.join(OUT, 'klass.csv');
  await answerDialogs(browser, [csvPath]);
  await activate(browser, '[data-testid="class-export-table-csv"]');
  await browser.waitUntil(() => fs.existsSync(csvPath), { timeout: 10000, timeoutMsg: 'the CSV was not saved' });
  const csv = fs.readFileSync(csvPath, 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  const header = cellsOf(lines[0]);
  // One line per learner and module; the best-percent column holds the screen's number.
  const rows = lines.slice(1).map(cellsOf);
  const moduleColumn = header.indexOf('module');
  const cells = rows.find((r) => r[0] === 'Elin' && r[moduleColumn] === MODULE);
  assert.ok(cells, `the CSV has Elin's line for module 2:\n${csv}`);
  const best = header.findIndex((h) => /best.*percent/i.test(h));
  assert.ok(best >= 0, `the CSV has a best-percent column: ${header}`);
  assert.equal(
    `${cells[best]} %`,
    row.cells[moduleIndex].trim().split(/\s/).slice(0, 2).join(' '),
    `the CSV's ${header[best]} is the screen's`,
  );
  const other = rows.find((r) => r[0] === 'Elin' && r[moduleColumn] === 'valkommen');
  assert.ok(other, 'a module without an attempt has its line too');

  // The printable report: a PDF the core writes from the same report.
  const pdfPath = path.join(OUT, 'klassrapport.pdf');
  await answerDialogs(browser, [pdfPath]);
  await activate(browser, '[data-testid="class-print"]');
  await browser.waitUntil(() => fs.existsSync(pdfPath), { timeout: 20000, timeoutMsg: 'the class report PDF was not saved' });
  await waitFor('[data-testid="class-saved"]');
  const pdfDialog = (await dialogCalls(browser)).at(-1);
  assert.equal(pdfDialog.purpose, 'classReportPdf');
  assert.match(pdfDialog.defaultPath, /\.pdf$/, `the dialog proposes a PDF: ${pdfDialog.defaultPath}`);
  const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  for (const want of ['Klassrapport', 'HT26 grupp A', 'Elin', '100 %']) {
    assert.ok(pdfText.includes(want), `the class report PDF holds ${want}:\n${pdfText}`);
  }

  for (const tab of ['mastery', 'items', 'roleplays']) {
    await showTab(tab);
    await noViolations(`the class view, ${tab} (sv)`);
    if (tab === 'mastery') {
      // The bars are drawn from a style attribute: the CSP must let it through
      // (a nonce in style-src would silently drop it and every bar be empty).
      const shares = await browser.execute(() =>
        [...document.querySelectorAll('.bar')].map((b) => getComputedStyle(b).getPropertyValue('--share').trim()),
      );
      assert.ok(shares.length > 0, 'the mastery tab draws bars');
      assert.ok(
        shares.every((v) => /^\d+(\.\d+)?%$/.test(v)) && shares.some((v) => v !== '0%'),
        `every mastery bar has its share from its style attribute: ${JSON.stringify(shares)}`,
      );
    }
  }
  await activate(browser, '[data-testid="lang-en"]');
  for (const tab of ['table', 'mastery', 'items', 'roleplays']) {
    await showTab(tab);
    await noViolations(`the class view, ${tab} (en)`);
  }
  await showTab('items');
  await screenshot(browser, '14-class-items-en');
  await browser.setWindowSize(380, 760);
  await showTab('table');
  await screenshot(browser, '14-class-table-narrow');
  await browser.setWindowSize(1024, 768);

  // The learner's page: the same scores-over-time chart the learner sees, and their tables.
  await activate(browser, '[data-testid="class-row"] th button');
  await waitFor('[data-testid="score-chart"]');
  await waitFor('[data-testid="learner-modules"]');
  await noViolations("a learner's page in the class view (en)");
  await screenshot(browser, '14-class-learner-en');
});
