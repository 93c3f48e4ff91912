// First start: the profile picker, a new profile, the course home, and the
// language switch, with axe on each screen in both languages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshDataDir, launch, screenshot, startDriver, stopDriver } from '../lib/app.mjs';
import { helpers } from '../lib/ui.mjs';
import { activate, tabTo, type } from '../lib/keyboard.mjs';

let browser;
const { noViolations } = helpers(() => browser);

before(async () => {
  await startDriver();
  browser = await launch(freshDataDir('start'));
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver();
});

async function heading() {
  const h1 = await browser.$('main h1');
  await h1.waitForDisplayed({ timeout: 20000 });
  return h1.getText();
}

test('first start shows the profile picker in Swedish', async () => {
  assert.equal(await heading(), 'Vem ska lära sig i dag?', 'Swedish first, with å and ä intact');
  assert.equal(await browser.execute(() => document.documentElement.lang), 'sv');
  await screenshot(browser, 'profiles-sv');
  await noViolations('the profile picker (sv)');
});

test('the language switch changes the screen to English', async () => {
  await activate(browser, '[data-testid="lang-en"]');
  await browser.waitUntil(async () => (await heading()) === 'Who is learning today?', {
    timeout: 10000,
    timeoutMsg: 'the picker did not switch to English',
  });
  assert.equal(await browser.execute(() => document.documentElement.lang), 'en');
  await screenshot(browser, 'profiles-en');
  await noViolations('the profile picker (en)');
});

test('a new profile opens the course home with the title from the core', async () => {
  await tabTo(browser, '[data-testid="new-name"]');
  await type(browser, 'Åsa');
  await activate(browser, '[data-testid="create-profile"]');
  const title = await browser.$('[data-testid="course-title"]');
  await title.waitForDisplayed({ timeout: 20000 });
  assert.equal(await title.getText(), 'Good hosting in Borås', 'the course title in English');
  const modules = await browser.$$('li.module');
  assert.equal(modules.length, 8, 'the eight modules of the built-in course');
  await screenshot(browser, 'home-en');
  await noViolations('the course home (en)');
  await activate(browser, '[data-testid="lang-sv"]');
  await browser.waitUntil(async () => (await title.getText()) === 'Gott värdskap i Borås', {
    timeout: 10000,
    timeoutMsg: 'the course title did not switch to Swedish',
  });
  await screenshot(browser, 'home-sv');
  await noViolations('the course home (sv)');
});

test('the dark theme can be chosen by keyboard and keeps AA contrast', async () => {
  await tabTo(browser, '[data-testid="theme"]');
  for (let i = 0; i < 3; i++) {
    if ((await browser.execute(() => document.documentElement.dataset.theme)) === 'dark') break;
    await browser.keys(['ArrowDown']);
  }
  assert.equal(await browser.execute(() => document.documentElement.dataset.theme), 'dark', 'the override applies');
  await screenshot(browser, 'home-dark-sv');
  await noViolations('the course home in the dark theme');
});

test('the course home reflows in a narrow window', async () => {
  await browser.setWindowSize(380, 760);
  await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) <= 400, {
    timeoutMsg: 'the window did not get narrow',
  });
  const overflow = await browser.execute(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `nothing sticks out sideways at 380 px (overflow ${overflow} px)`);
  const header = await browser.execute(() => document.querySelector('header.top').getBoundingClientRect().height);
  assert.ok(header < 90, `the header folds its tools behind a menu button (${header} px high)`);
  await screenshot(browser, 'home-narrow-sv');
  await noViolations('the course home in a narrow window');
  await activate(browser, '[data-testid="menu-toggle"]');
  await browser.waitUntil(async () => browser.$('[data-testid="my-results"]').isDisplayed(), {
    timeoutMsg: 'the menu opens by keyboard',
  });
  assert.equal(await browser.$('[data-testid="menu-toggle"]').getAttribute('aria-expanded'), 'true', 'the button says the menu is open');
  await screenshot(browser, 'home-narrow-menu-sv');
  await noViolations('the open menu in a narrow window');
});
