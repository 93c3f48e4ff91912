// A course package opened with the app (a double-click on a .vdsk, which the
// menu entry's MimeType hands over as an argument): the instructor screen
// shows, names the file while instructor mode is locked, and once the
// passphrase is chosen offers the import first; the import installs the
// course without a file dialog. axe on both screens, in Swedish.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { APP, ROOT, freshDataDir, launch, screenshot, startDriver, stopDriver } from '../lib/app.mjs';
import { courseToml } from '../lib/course.mjs';
import { dialogCalls } from '../lib/dialog.mjs';
import { activate } from '../lib/keyboard.mjs';
import { helpers } from '../lib/ui.mjs';

const PASSPHRASE = 'paket2026';
const FIXTURE = path.join(ROOT, 'crates/vardskap-core/tests/fixtures/valid');
const CLI = process.env.VARDSKAP_E2E_CLI ?? path.join(path.dirname(APP), 'vardskap-cli');
const imported = courseToml(FIXTURE);
const dataDir = freshDataDir('open-package');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vardskap-e2e-open-package-'));
const packagePath = path.join(work, 'Ny kurs.vdsk');
let browser;
const { noViolations, waitFor, fill } = helpers(() => browser);

before(async () => {
  if (!fs.existsSync(CLI)) throw new Error(`the CLI binary is missing: ${CLI} (run make build first)`);
  execFileSync(CLI, ['pack', FIXTURE, '-o', packagePath]);
  await startDriver();
  browser = await launch(dataDir, [packagePath]);
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver();
  fs.rmSync(work, { recursive: true, force: true });
});

test('the app opened with a .vdsk shows the instructor screen, naming the file', async () => {
  const hint = await waitFor('[data-testid="instructor-opened-locked"]');
  assert.match(await hint.getText(), /Ny kurs\.vdsk/, 'the package is named while instructor mode is locked');
  assert.equal(await browser.$('main h1').getText(), 'Instruktörsläge');
  await screenshot(browser, 'open-package-locked-sv');
  await noViolations('the instructor screen with an opened package (sv)');
});

test('once the passphrase is chosen, the opened package is imported without a dialog', async () => {
  await fill('[data-testid="passphrase"]', PASSPHRASE);
  await fill('[data-testid="passphrase-again"]', PASSPHRASE);
  await activate(browser, '[data-testid="set-passphrase"]');
  const offer = await waitFor('[data-testid="instructor-opened"]');
  assert.match(await offer.getText(), /Ny kurs\.vdsk/);
  await browser.waitUntil(async () => browser.execute(() => document.activeElement?.id === 'instructor-import-opened'), {
    timeoutMsg: 'the import of the opened package is not the first thing offered',
  });
  await screenshot(browser, 'open-package-offer-sv');
  await noViolations('the offer to import the opened package (sv)');
  await activate(browser, '[data-testid="instructor-import-opened"]');
  const done = await waitFor('[data-testid="instructor-done"]');
  assert.ok((await done.getText()).includes(imported.title.sv), `the course of the package is installed: ${await done.getText()}`);
  assert.ok(fs.existsSync(path.join(dataDir, 'courses', imported.id)), 'into the data folder');
  assert.equal((await dialogCalls(browser)).length, 0, 'no file dialog was opened');
  await browser.waitUntil(async () => !(await browser.$('[data-testid="instructor-opened"]').isExisting()), {
    timeoutMsg: 'the offer stays after the import',
  });
});
