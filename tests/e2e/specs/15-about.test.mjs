// The About screen, from the header by keyboard, signed out and signed in:
// the app's version, the course and its version, the data folder (opened in
// the file manager: a stand-in xdg-open records what it was asked to open),
// and the licences of the Rust crates and npm packages made at build time,
// with axe in Swedish, in English and in a narrow window.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, freshDataDir, launch, screenshot, startDriver, stopDriver } from '../lib/app.mjs';
import { helpers } from '../lib/ui.mjs';
import { activate, tabTo, type } from '../lib/keyboard.mjs';

let browser;
const { noViolations, waitFor, fill } = helpers(() => browser);
const dataDir = freshDataDir('about');
const version = /^\[workspace\.package\][^[]*?^version = "([^"]+)"/ms.exec(fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8'))[1];

// The file manager is whatever xdg-open starts; here a script that writes
// down its argument, first on the PATH the app inherits.
const fakeBin = fs.mkdtempSync(path.join(os.tmpdir(), 'vardskap-e2e-about-bin-'));
const opened = path.join(fakeBin, 'opened.txt');
fs.writeFileSync(path.join(fakeBin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`, { mode: 0o755 });

before(async () => {
  process.env.PATH = `${fakeBin}:${process.env.PATH}`;
  await startDriver();
  browser = await launch(dataDir);
  await waitFor('[data-testid="new-name"]');
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver();
});

const text = async (selector) => (await waitFor(selector)).getText();

/** The package rows as "kind name licence", for the names asked. */
async function rows(names) {
  return browser.execute(
    (wanted) =>
      [...document.querySelectorAll('[data-testid="about-package"]')]
        .filter((tr) => wanted.includes(tr.dataset.name))
        .map((tr) => `${tr.dataset.kind} ${tr.dataset.name} ${tr.children[2].textContent.trim()}`),
    names,
  );
}

test('a signed-out user opens About from the header by keyboard, in Swedish', async () => {
  await activate(browser, '[data-testid="about-open"]');
  assert.equal(await text('main h1'), 'Om Värdskap');
  assert.equal(await browser.execute(() => document.activeElement?.matches('main h1')), true, 'focus starts at the heading');
  assert.equal(await text('[data-testid="about-version"]'), version, 'the version of the workspace (as `vardskap --version`)');
  await browser.waitUntil(async () => (await text('[data-testid="about-course"]')) !== '', { timeoutMsg: 'no course shown' });
  assert.equal(await text('[data-testid="about-course"]'), 'Gott värdskap i Borås, version 1.0.0', 'the built-in course and its version');
  assert.equal(await text('[data-testid="about-data-dir"]'), dataDir, 'the data folder the app was started on');

  await waitFor('[data-testid="about-packages"]');
  const found = await rows(['serde', 'tauri', 'svelte', '@sveltejs/kit', '@tauri-apps/api']);
  for (const name of ['serde', 'tauri']) {
    const row = found.find((r) => r.startsWith(`crate ${name} `));
    assert.ok(row && /MIT/.test(row) && /Apache-2\.0/.test(row), `the crate ${name} with its licence: ${found.join('; ')}`);
  }
  assert.ok(found.includes('npm svelte MIT'), `svelte, bundled into the page, with its licence: ${found.join('; ')}`);
  assert.ok(
    found.some((r) => r.startsWith('npm @tauri-apps/api ')),
    `the npm packages in the bundle: ${found.join('; ')}`,
  );
  const count = await browser.execute(() => document.querySelectorAll('[data-testid="about-package"]').length);
  assert.ok(count > 100, `every crate and package is listed (${count})`);

  await browser.execute(() => window.scrollTo(0, 0));
  await screenshot(browser, 'about-sv');
  await noViolations('About (sv)');

  // A licence's text opens by keyboard.
  await activate(browser, '[data-testid="about-licence"][data-id="MIT"] summary');
  const mit = await waitFor('[data-testid="about-licence"][data-id="MIT"] pre');
  assert.match(await mit.getText(), /Permission is hereby granted, free of charge/);
  await screenshot(browser, 'about-licence-text-sv');
  await noViolations('About with a licence text open (sv)');
});

test('the data folder opens in the file manager', async () => {
  await activate(browser, '[data-testid="about-open-data-dir"]');
  await browser.waitUntil(() => fs.existsSync(opened), { timeout: 10000, timeoutMsg: 'xdg-open was not started' });
  assert.equal(fs.readFileSync(opened, 'utf8').trim(), dataDir, 'the app asked the file manager to open its data folder');
  assert.equal(await browser.$('[role="alert"]').isExisting(), false, 'no error is shown');
});

test('About in English, filtered by keyboard', async () => {
  await activate(browser, '[data-testid="lang-en"]');
  await browser.waitUntil(async () => (await text('main h1')) === 'About Värdskap', { timeoutMsg: 'not in English' });
  await browser.waitUntil(async () => (await text('[data-testid="about-course"]')) === 'Good hosting in Borås, version 1.0.0', {
    timeoutMsg: 'the course title did not follow the language',
  });
  const shownNames = () =>
    browser.execute(() => [...document.querySelectorAll('[data-testid="about-package"]')].map((tr) => tr.dataset.name));
  const total = (await shownNames()).length;
  await fill('[data-testid="about-filter"]', 'serde');
  await browser.waitUntil(async () => (await shownNames()).every((n) => n.includes('serde')), {
    timeoutMsg: 'the list did not follow the filter',
  });
  const names = await shownNames();
  assert.ok(names.includes('serde') && names.includes('serde_json'), `serde's crates are shown: ${names.join(', ')}`);
  assert.equal(await text('[data-testid="about-shown"]'), `${names.length} of ${total} shown`, 'the count says how many are shown');
  await screenshot(browser, 'about-en');
  await noViolations('About (en)');
  await fill('[data-testid="about-filter"]', '');
});

test('About reflows in a narrow window', async () => {
  await browser.setWindowSize(380, 760);
  await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) <= 400, {
    timeoutMsg: 'the window did not get narrow',
  });
  const overflow = await browser.execute(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `nothing sticks out sideways at 380 px (overflow ${overflow} px)`);
  await screenshot(browser, 'about-narrow-en');
  await noViolations('About in a narrow window');
  await browser.setWindowSize(1200, 860);
});

test('a signed-in learner reaches About too, and goes back to the course', async () => {
  await activate(browser, '[data-testid="about-back"]');
  await tabTo(browser, '[data-testid="new-name"]');
  await type(browser, 'Elin');
  await activate(browser, '[data-testid="create-profile"]');
  await waitFor('[data-testid="course-title"]');
  await activate(browser, '[data-testid="about-open"]');
  assert.equal(await text('main h1'), 'About Värdskap');
  await browser.waitUntil(async () => (await text('[data-testid="about-course"]')) === 'Good hosting in Borås, version 1.0.0', {
    timeoutMsg: 'the learner’s course is not shown',
  });
  assert.equal(await browser.$('[data-testid="about-back"]').isExisting(), false, 'the way back is to the course, not the profiles');
  await noViolations('About, signed in (en)');
});
