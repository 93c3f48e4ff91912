// A damaged progress file: the learner's data is backed up when the app
// opens it on a later start, the file is then damaged on disk, and the next
// start shows the recovery screen in plain words (the technical detail folded
// away); restoring the latest backup brings the learner's profile back.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { freshDataDir, killApp, launch, screenshot, startDriver, stopDriver } from '../lib/app.mjs';
import { activate, tabTo, type } from '../lib/keyboard.mjs';
import { helpers } from '../lib/ui.mjs';

const dataDir = freshDataDir('recovery');
let browser;
const { noViolations, waitFor } = helpers(() => browser);

before(async () => {
  await startDriver();
  browser = await launch(dataDir);
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver();
});

async function restart() {
  await killApp();
  await browser.deleteSession().catch(() => {});
  browser = await launch(dataDir);
}

test('a damaged progress file shows the recovery screen, and the backup brings the profile back', async () => {
  await tabTo(browser, '[data-testid="new-name"]');
  await type(browser, 'Dana');
  await activate(browser, '[data-testid="create-profile"]');
  await waitFor('[data-testid="course-title"]');
  // The second start takes the day's backup of the existing database.
  await restart();
  await waitFor('[data-testid="profile-Dana"]');
  assert.ok(fs.readdirSync(path.join(dataDir, 'backups')).length > 0, 'a backup was taken at the second start');
  await killApp();

  // The file is overwritten with garbage; its write-ahead log goes too (SQLite
  // would otherwise read the newest pages, header included, from the log).
  const db = path.join(dataDir, 'vardskap.sqlite3');
  fs.writeFileSync(db, Buffer.alloc(64 * 1024, 0x5a));
  for (const side of ['-wal', '-shm']) fs.rmSync(db + side, { force: true });
  await browser.deleteSession().catch(() => {});
  browser = await launch(dataDir);

  const reason = await waitFor('[data-testid="recovery-reason"]');
  assert.equal(await reason.getText(), 'Filen med dina framsteg är skadad.', 'the learner reads a plain Swedish sentence, not the database error');
  assert.equal(await browser.$('details').getAttribute('open'), null, 'the technical detail is folded away');
  await screenshot(browser, 'recovery-sv');
  await noViolations('the recovery screen (sv)');

  await activate(browser, '[data-testid="recovery-restore"]');
  await waitFor('[data-testid="profile-Dana"]', 30000);
  assert.ok(
    fs.readdirSync(dataDir).some((f) => f.startsWith('vardskap.sqlite3.damaged-')),
    'the damaged file is kept aside, not deleted',
  );
});

test('a healthy file the app cannot open is never replaced by a backup', async () => {
  await killApp();
  // A database written by a newer app: SQLite's user_version (the schema
  // version) is 4 bytes, big-endian, at offset 60 of the file header. The
  // write-ahead log goes too, so the header is read from the file.
  const db = path.join(dataDir, 'vardskap.sqlite3');
  for (const side of ['-wal', '-shm']) fs.rmSync(db + side, { force: true });
  const fd = fs.openSync(db, 'r+');
  const version = Buffer.alloc(4);
  version.writeUInt32BE(999);
  fs.writeSync(fd, version, 0, 4, 60);
  fs.closeSync(fd);
  const before = fs.readFileSync(db);
  await browser.deleteSession().catch(() => {});
  browser = await launch(dataDir);

  const reason = await waitFor('[data-testid="recovery-reason"]');
  assert.match(await reason.getText(), /nyare version/, `the reason is told in its own words: ${await reason.getText()}`);
  assert.ok(await browser.$('[data-testid="recovery-not-damaged"]').isExisting(), 'the learner is told the file is not damaged');
  assert.equal(await browser.$('[data-testid="recovery-restore"]').isExisting(), false, 'no restore is offered for a healthy file');
  await screenshot(browser, 'recovery-too-new-sv');
  await noViolations('the recovery screen for a newer file (sv)');
  await killApp();
  assert.ok(fs.readFileSync(db).equals(before), 'the file is left exactly as it was');
});
