import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeViolations, freshDataDir, launch, screenshot, startDriver, stopDriver } from '../lib/app.mjs';

let browser;

before(async () => {
  await startDriver();
  browser = await launch(freshDataDir('start'));
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver();
});

test('the app starts and shows the course title from the core', async () => {
  const title = await browser.$('[data-testid="course-title"]');
  await title.waitForDisplayed({ timeout: 20000 });
  assert.equal(await title.getText(), 'Gott värdskap i Borås', 'the Swedish title, with å and ä intact');
  assert.equal(await browser.execute(() => document.documentElement.lang), 'sv');
  await screenshot(browser, 'start-sv');
  assert.deepEqual(await axeViolations(browser), [], 'no WCAG 2.1 AA violations on the start screen (sv)');
});

test('switching language changes the title', async () => {
  await browser.$('[data-testid="lang-en"]').click();
  const title = await browser.$('[data-testid="course-title"]');
  await browser.waitUntil(async () => (await title.getText()) === 'Good hosting in Borås', {
    timeout: 10000,
    timeoutMsg: 'the title did not switch to English',
  });
  assert.equal(await browser.execute(() => document.documentElement.lang), 'en');
  await screenshot(browser, 'start-en');
  assert.deepEqual(await axeViolations(browser), [], 'no WCAG 2.1 AA violations on the start screen (en)');
});
