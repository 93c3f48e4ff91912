// The shell around the page: one app per data folder (a second launch hands
// over to the first window and exits), and a window that stays on the app's
// own pages whatever the page tries.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { APP, ROOT, appPids, freshDataDir, launch, screenshot, startDriver, startEnvOf, stopDriver, webProcessesOf } from '../lib/app.mjs';
import { activate, tabTo, type } from '../lib/keyboard.mjs';
import { writeInvitation } from '../lib/lrs.mjs';

let browser;
const dataDir = freshDataDir('shell');
const FIXTURE = path.join(ROOT, 'crates/vardskap-core/tests/fixtures/valid');
const CLI = process.env.VARDSKAP_E2E_CLI ?? path.join(path.dirname(APP), 'vardskap-cli');

before(async () => {
  await startDriver();
  browser = await launch(dataDir);
  const name = await browser.$('[data-testid="new-name"]');
  await name.waitForDisplayed({ timeout: 20000 });
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver();
});

const appUrl = () => browser.execute(() => window.location.href);

test('a second launch on the same data folder hands over to the open window and exits', async () => {
  const first = appPids();
  assert.equal(first.length, 1, 'one app is running');
  const second = spawn(APP, ['--data-dir', dataDir], { stdio: 'ignore', env: process.env });
  const code = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the second launch did not exit within 30 s')), 30000);
    second.once('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  assert.equal(code, 0, 'the second launch exits cleanly');
  assert.deepEqual(appPids(), first, 'the first app is still the only one');
  assert.ok(fs.existsSync(path.join(dataDir, 'vardskap.lock')), 'the data folder is marked as in use');

  // The first window still works: a profile is made and the course opens.
  await tabTo(browser, '[data-testid="new-name"]');
  await type(browser, 'Elin');
  await activate(browser, '[data-testid="create-profile"]');
  const home = await browser.$('[data-testid="course-title"]');
  await home.waitForDisplayed({ timeout: 20000 });
  await screenshot(browser, 'shell-after-second-launch');
});

test('without a GPU the app has WebKit draw with its CPU rasterizer (src-tauri/src/raster.rs)', async () => {
  // A launch of its own, on another folder, without the variable this run
  // sets for every app (scripts/e2e.sh): the app's own choice is what is read.
  const env = { ...process.env };
  delete env.WEBKIT_SKIA_ENABLE_CPU_RENDERING;
  const app = spawn(APP, ['--data-dir', freshDataDir('shell-raster')], { stdio: 'ignore', env });
  const exited = new Promise((resolve) => {
    app.once('exit', resolve);
    app.once('error', resolve);
  });
  try {
    let web = [];
    for (let i = 0; i < 300 && web.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      web = webProcessesOf(app.pid);
    }
    assert.ok(web.length >= 1, 'the app started a web process');
    const dri = fs.existsSync('/dev/dri') ? fs.readdirSync('/dev/dri') : [];
    const softwareGl = /^(1|y|yes|t|true)$/i.test(env.LIBGL_ALWAYS_SOFTWARE ?? '');
    const expected = !dri.some((n) => n.startsWith('renderD')) || softwareGl ? '1' : undefined;
    for (const pid of web) {
      assert.equal(
        startEnvOf(pid, 'WEBKIT_SKIA_ENABLE_CPU_RENDERING'),
        expected,
        `render nodes: ${dri.join(', ') || 'none'}; LIBGL_ALWAYS_SOFTWARE: ${env.LIBGL_ALWAYS_SOFTWARE ?? 'unset'}`,
      );
    }
  } finally {
    app.kill('SIGKILL');
    let timer;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 10000)))]);
    clearTimeout(timer);
  }
});

/** A second launch with `file`, on the running app's folder: it hands over and exits. */
async function handOver(file) {
  const second = spawn(APP, ['--data-dir', dataDir, file], { stdio: 'ignore', env: process.env });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the second launch did not exit within 30 s')), 30000);
    second.once('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
}

test('files opened while the app runs reach its window: a course package, then a class invitation', async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vardskap-e2e-handover-'));
  try {
    const packagePath = path.join(work, 'Ny kurs.vdsk');
    execFileSync(CLI, ['pack', FIXTURE, '-o', packagePath]);
    assert.equal(await handOver(packagePath), 0, 'the launch with the package exits cleanly');
    const hint = await browser.$('[data-testid="instructor-opened-locked"]');
    await hint.waitForDisplayed({ timeout: 20000, timeoutMsg: 'the instructor screen did not show the handed-over package' });
    assert.match(await hint.getText(), /Ny kurs\.vdsk/, 'the package is named');

    const invitation = writeInvitation(path.join(work, 'klass.vdsk-class'), { id: 'ht26-b', name: 'Värdskap HT26, grupp B' }, 'http://127.0.0.1:9/xapi/');
    assert.equal(await handOver(invitation), 0, 'the launch with the invitation exits cleanly');
    const consent = await browser.$('[data-testid="class-consent"]');
    await consent.waitForDisplayed({ timeout: 20000, timeoutMsg: 'the join screen did not show the handed-over invitation' });
    assert.match(await consent.getText(), /Gå med i Värdskap HT26, grupp B\?/);
    await screenshot(browser, 'shell-handed-over-invitation-sv');
    assert.equal(appPids().length, 1, 'still one app');
    // Back to the course, for the tests below.
    await (await browser.$('header .brand')).click();
    await (await browser.$('[data-testid="course-title"]')).waitForDisplayed({ timeout: 20000 });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('a launch on another data folder is an app of its own', async () => {
  const first = appPids();
  const other = freshDataDir('shell-other');
  const second = spawn(APP, ['--data-dir', other], { stdio: 'ignore', env: process.env });
  let exited = null;
  second.once('exit', (c) => (exited = c));
  // It opens its own folder (its lock file appears) instead of handing over.
  for (let i = 0; i < 300 && !fs.existsSync(path.join(other, 'vardskap.lock')); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(exited, null, 'the second app did not hand over and exit');
  assert.ok(fs.existsSync(path.join(other, 'vardskap.lock')), 'it opened its own data folder');
  second.kill('SIGKILL');
  await new Promise((r) => (exited === null ? second.once('exit', r) : r()));
  assert.deepEqual(appPids(), first, 'the first app goes on');
});

test('the window stays on the app: a web link opens elsewhere, other places are refused', async () => {
  const before = await appUrl();
  // A link as a lesson would have it, clicked.
  await browser.execute(() => {
    const a = document.createElement('a');
    a.href = 'https://www.boras.se/';
    a.textContent = 'Borås';
    a.id = 'e2e-link';
    document.querySelector('main')?.append(a);
  });
  await (await browser.$('#e2e-link')).click();
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(await appUrl(), before, 'an https link does not load in the app window');

  await browser.execute(() => {
    window.location.href = 'file:///etc/passwd';
  });
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(await appUrl(), before, 'a file: page is refused');
  const home = await browser.$('[data-testid="course-title"]');
  assert.ok(await home.isDisplayed(), 'the app is still on its own page');
});
