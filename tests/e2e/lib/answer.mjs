// Answers one question of the quiz player with the keyboard alone, using the
// key from the course files. Works on whatever question is on screen.
import { tabTo, type } from './keyboard.mjs';

const focused = (browser) => browser.execute(() => document.activeElement);

/** Puts the radio group of `name` on the value `wanted` with Space and arrow keys. */
async function pickRadio(browser, name, wanted) {
  await tabTo(browser, `input[name="${name}"]`);
  await browser.keys([' ']);
  for (let i = 0; i < 20; i++) {
    const value = await browser.execute((n) => document.querySelector(`input[name="${n}"]:checked`)?.value, name);
    if (value === wanted) return;
    await browser.keys(['ArrowDown']);
  }
  throw new Error(`could not pick ${wanted} in ${name}`);
}

export async function answer(browser, q, lang) {
  switch (q.kind) {
    case 'single':
      return pickRadio(browser, `q-${q.id}`, q.option.find((o) => o.correct).id);
    case 'true_false': {
      await tabTo(browser, `input[name="q-${q.id}"]`);
      await browser.keys([' ']);
      if (!q.answer) await browser.keys(['ArrowDown']);
      const checked = await browser.execute((n) => [...document.querySelectorAll(`input[name="${n}"]`)].findIndex((i) => i.checked), `q-${q.id}`);
      if (checked !== (q.answer ? 0 : 1)) throw new Error(`true/false ${q.id} not set`);
      return;
    }
    case 'multiple':
      for (const option of q.option) {
        if (!option.correct) continue;
        await tabTo(browser, `input[type="checkbox"][value="${option.id}"]`);
        await browser.keys([' ']);
      }
      return;
    case 'short_text':
      await tabTo(browser, '[data-testid="text-answer"]');
      return type(browser, q.accept[lang][0]);
    case 'numeric':
      await tabTo(browser, '[data-testid="number-answer"]');
      return type(browser, String(q.answer).replace('.', lang === 'sv' ? ',' : '.'));
    case 'ordering': {
      // Items are shown under per-attempt tokens, so the learner (and this
      // test) knows them by their text only.
      const want = q.item.map((i) => i.text[lang]);
      for (let position = 0; position < want.length; position++) {
        for (let guard = 0; guard < want.length; guard++) {
          const shown = await browser.execute(() =>
            [...document.querySelectorAll('.order li')].map((li) => ({
              text: li.querySelector('.item-text').textContent.trim(),
              token: li.querySelector('button[id^="move-up-"]').id.slice('move-up-'.length),
            })),
          );
          const at = shown.findIndex((s) => s.text === want[position]);
          if (at < 0) throw new Error(`ordering ${q.id} shows no item "${want[position]}"`);
          if (at === position) break;
          await tabTo(browser, `#move-up-${shown[at].token}`);
          await browser.keys(['Enter']);
        }
      }
      return;
    }
    case 'matching': {
      // Both sides are shown under per-attempt tokens: a left side is found by its text.
      for (const pair of q.pair) {
        const token = await browser.execute((text) => {
          const label = [...document.querySelectorAll('.matching .pair')].find((l) => l.querySelector('span')?.textContent.trim() === text);
          return label?.querySelector('select')?.dataset.left ?? null;
        }, pair.left[lang]);
        if (!token) throw new Error(`matching ${q.id} shows no left side "${pair.left[lang]}"`);
        const selector = `select[data-left="${token}"]`;
        await tabTo(browser, selector);
        for (let i = 0; i < 20; i++) {
          const shown = await browser.execute((s) => {
            const select = document.querySelector(s);
            return select.options[select.selectedIndex]?.text;
          }, selector);
          if (shown === pair.right[lang]) break;
          await browser.keys(['ArrowDown']);
        }
      }
      return;
    }
    default:
      throw new Error(`unknown kind ${q.kind}`);
  }
}

export { focused };
