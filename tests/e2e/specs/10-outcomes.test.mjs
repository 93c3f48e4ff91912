// Learning outcomes and time: the course home gives every module and lesson
// an estimated time in Swedish and English, and a module's first lesson opens
// with the module's outcomes from module.toml. axe on each screen.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'smol-toml';
import { ROOT, freshDataDir, launch, screenshot, startDriver, stopDriver } from '../lib/app.mjs';
import { activate, tabTo, type } from '../lib/keyboard.mjs';
import { helpers } from '../lib/ui.mjs';

let browser;
const { noViolations, waitFor } = helpers(() => browser);

/** module.toml of every module of the built-in course, in course order. */
const modules = fs
  .readdirSync(path.join(ROOT, 'content/modules'))
  .sort()
  .map((dir) => parse(fs.readFileSync(path.join(ROOT, 'content/modules', dir, 'module.toml'), 'utf8')));
const first = modules.find((m) => (m.outcomes ?? []).length > 0);

before(async () => {
  await startDriver();
  browser = await launch(freshDataDir('outcomes'));
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver();
});

/** The time shown for each module, by module id. */
async function moduleTimes() {
  const times = {};
  for (const m of modules) times[m.id] = await browser.$(`[data-testid="module-minutes-${m.id}"]`).getText();
  return times;
}

/** Minutes of each lesson of module `id` as shown, read from "ca 5 min" / "about 5 min". */
async function lessonMinutes(id) {
  const shown = await browser.$$(`[data-testid="module-${id}"] [data-testid="lesson-minutes"]`);
  const out = [];
  for (const el of shown) out.push(Number((await el.getText()).match(/(\d+)/)[1]));
  return out;
}

test('a new learner reaches the course home', async () => {
  assert.ok(first, 'the built-in course has a module with outcomes');
  await waitFor('[data-testid="new-name"]');
  await tabTo(browser, '[data-testid="new-name"]');
  await type(browser, 'Ola');
  await activate(browser, '[data-testid="create-profile"]');
  await waitFor('[data-testid="course-title"]');
});

test('the course home gives each module and lesson a time, in Swedish', async () => {
  const times = await moduleTimes();
  for (const m of modules) {
    assert.match(times[m.id], /^ca \d+ min$/, `module ${m.id} shows its time in Swedish`);
    const lessons = await lessonMinutes(m.id);
    const total = Number(times[m.id].match(/\d+/)[0]);
    assert.ok(
      lessons.every((n) => n >= 1),
      `every lesson of ${m.id} takes at least a minute: ${lessons}`,
    );
    assert.ok(
      total >= lessons.reduce((a, b) => a + b, 0),
      `module ${m.id} takes at least as long as its lessons (${total} vs ${lessons})`,
    );
  }
  await screenshot(browser, 'home-times-sv');
  await noViolations('the course home with times (sv)');
});

test('the times are said in English too', async () => {
  await activate(browser, '[data-testid="lang-en"]');
  await browser.waitUntil(async () => (await browser.$('[data-testid="course-title"]').getText()) === 'Good hosting in Borås', {
    timeout: 10000,
    timeoutMsg: 'the course home did not switch to English',
  });
  const times = await moduleTimes();
  for (const m of modules) assert.match(times[m.id], /^about \d+ min$/, `module ${m.id} shows its time in English`);
  await screenshot(browser, 'home-times-en');
  await noViolations('the course home with times (en)');
  await activate(browser, '[data-testid="lang-sv"]');
  await browser.waitUntil(async () => (await browser.$('[data-testid="course-title"]').getText()) === 'Gott värdskap i Borås', {
    timeout: 10000,
    timeoutMsg: 'the course home did not switch back to Swedish',
  });
});

test('the course home folds each module’s outcomes away under a summary', async () => {
  const details = await waitFor(`[data-testid="outcomes-${first.id}"]`);
  assert.equal(await details.getAttribute('open'), null, 'the outcomes start folded, keeping the home short');
  await activate(browser, `[data-testid="outcomes-${first.id}"] summary`);
  const items = await browser.$$(`[data-testid="outcomes-${first.id}"] li`);
  const texts = [];
  for (const li of items) texts.push(await li.getText());
  assert.deepEqual(texts, first.outcomes.map((o) => o.sv), 'opened, they list module.toml’s outcomes in Swedish');
  await noViolations('the course home with outcomes open (sv)');
});

test('a module starts with its outcomes on the first lesson, not on the next', async () => {
  await activate(browser, `[data-testid="module-${first.id}"] .links button`);
  const box = await waitFor('[data-testid="module-outcomes"]');
  assert.equal(await box.$('h2').getText(), 'Det här kan du när du är klar med modulen', 'the Swedish lead-in heads the list');
  const items = await box.$$('li');
  const texts = [];
  for (const li of items) texts.push(await li.getText());
  assert.deepEqual(texts, first.outcomes.map((o) => o.sv), 'the module’s outcomes, in order');
  await screenshot(browser, 'lesson-outcomes-sv');
  await noViolations('the first lesson with the module’s outcomes (sv)');
  if (await browser.$('[data-testid="next-lesson"]').isExisting()) {
    const title = await browser.$('[data-testid="lesson-title"]');
    const before = await title.getText();
    await activate(browser, '[data-testid="next-lesson"]');
    await browser.waitUntil(async () => (await title.getText()) !== before, { timeoutMsg: 'the next lesson did not open' });
    assert.equal(await browser.$('[data-testid="module-outcomes"]').isExisting(), false, 'the second lesson goes straight to its text');
  }
});
