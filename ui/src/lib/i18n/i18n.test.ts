import { describe, expect, it } from 'vitest';
import { FluentResource } from '@fluent/bundle';
import keysSource from './keys.ts?raw';
import { keysModule } from '../../../scripts/i18n-keys.mjs';
import { bundles, hasMessage, i18n, locales, t, tMessage, type Locale } from './index.svelte';
import en from '../../../../locales/en.ftl?raw';
import sv from '../../../../locales/sv.ftl?raw';
import enParsed from '../../../../locales/en.ftl?parsed';
import svParsed from '../../../../locales/sv.ftl?parsed';
import { messageKeys } from './keys';

/** Each language's catalogue file as text. */
const sources: Record<Locale, string> = { sv, en };

type Entry = FluentResource['body'][number];
type Pattern = NonNullable<Entry['value']>;

/** `id` or `id.attribute` → pattern, for one language's file. */
function patterns(locale: Locale): Map<string, Pattern> {
  const out = new Map<string, Pattern>();
  for (const entry of new FluentResource(sources[locale]).body) {
    expect(out.has(entry.id), `${locale}: ${entry.id} is defined once`).toBe(false);
    if (entry.value !== null) out.set(entry.id, entry.value);
    for (const [name, value] of Object.entries(entry.attributes)) out.set(`${entry.id}.${name}`, value);
  }
  return out;
}

/** The variables a pattern needs, also through the messages it refers to. */
function variables(all: Map<string, Pattern>, pattern: Pattern, out = new Set<string>(), depth = 0): Set<string> {
  expect(depth, 'message references must not loop').toBeLessThan(10);
  if (typeof pattern === 'string') return out;
  const walk = (e: Exclude<Pattern, string>[number]): void => {
    if (typeof e === 'string') return;
    if (e.type === 'var') out.add(e.name);
    else if (e.type === 'mesg') {
      const key = e.attr ? `${e.name}.${e.attr}` : e.name;
      const target = all.get(key);
      expect(target, `${key} is referred to, so it must exist`).toBeDefined();
      if (target !== undefined) variables(all, target, out, depth + 1);
    } else if (e.type === 'select') {
      walk(e.selector);
      for (const v of e.variants) variables(all, v.value, out, depth);
    } else if (e.type === 'func' || e.type === 'term') {
      for (const a of e.args) walk(a.type === 'narg' ? a.value : a);
    }
  };
  pattern.forEach(walk);
  return out;
}

const catalogues = Object.fromEntries(locales.map((l) => [l, patterns(l)])) as Record<Locale, Map<string, Pattern>>;
const sorted = (s: Iterable<string>) => [...s].sort();

describe('the catalogue (locales/*.ftl)', () => {
  it('has the same messages and attributes in every language', () => {
    for (const locale of locales) {
      expect(sorted(catalogues[locale].keys()), `${locale}.ftl and en.ftl must have the same ids`).toEqual(sorted(catalogues.en.keys()));
    }
  });

  it('uses the same placeholders in every language', () => {
    for (const locale of locales) {
      for (const [key, pattern] of catalogues.en) {
        const want = sorted(variables(catalogues.en, pattern));
        const got = sorted(variables(catalogues[locale], catalogues[locale].get(key) ?? ''));
        expect(got, `${locale}: placeholders of ${key}`).toEqual(want);
      }
    }
  });

  it('has nothing empty', () => {
    for (const locale of locales) {
      for (const [key, pattern] of catalogues[locale]) {
        const words = typeof pattern === 'string' ? pattern : pattern.filter((e) => typeof e !== 'string' || e.trim());
        expect(words.length > 0 && (typeof words !== 'string' || words.trim() !== ''), `${locale}: ${key} is empty`).toBe(true);
      }
    }
  });

  it('formats every MessageKey in every language without errors', () => {
    expect(messageKeys.length, 'the whole UI is in the catalogue').toBeGreaterThan(400);
    for (const locale of locales) {
      for (const key of messageKeys) {
        const id = key.replaceAll('.', '-');
        const message = bundles[locale].getMessage(id);
        expect(message?.value, `${locale}: ${key} has words`).toBeTruthy();
        const args = Object.fromEntries([...variables(catalogues[locale], message!.value!)].map((n) => [n, 2]));
        const errors: Error[] = [];
        const text = bundles[locale].formatPattern(message!.value!, args, errors);
        expect(errors, `${locale}: ${key} → ${text}`).toEqual([]);
        expect(text, `${locale}: ${key} has no isolation marks`).not.toMatch(/[\u2068\u2069]/);
      }
    }
  });

  it('the catalogues parsed at build time (ui/fluent.ts) are the files as Fluent reads them', () => {
    expect(JSON.parse(svParsed)).toEqual(new FluentResource(sv).body);
    expect(JSON.parse(enParsed)).toEqual(new FluentResource(en).body);
    expect(JSON.parse(svParsed).length).toBeGreaterThan(100);
  });

  it('keys.ts lists exactly the messages of en.ftl (run `npm run i18n-keys` if not)', () => {
    expect(keysSource).toBe(keysModule(sources.en));
  });
});

describe('t', () => {
  it('fills placeholders and follows the current language', () => {
    i18n.locale = 'en';
    expect(t('course.version', { version: '1.0.0' })).toBe('Version 1.0.0');
    expect(t('home.moduleNumber', { n: 3 })).toBe('Module 3');
    i18n.locale = 'sv';
    expect(t('lang.label')).toBe('Språk');
    expect(t('app.signedInAs', { name: 'Åsa' })).toBe('Inloggad som Åsa');
  });

  it('writes numbers as before: no digit grouping, a decimal point', () => {
    i18n.locale = 'sv';
    expect(t('home.moduleNumber', { n: 12345 }), 'Swedish grouping would put a space in').toBe('Modul 12345');
    i18n.locale = 'en';
    expect(t('home.moduleNumber', { n: 2.5 })).toBe('Module 2.5');
  });

  it('lets the catalogue pick the sentence for a count (plural selectors)', () => {
    i18n.locale = 'en';
    expect(t('instructor.wrong', { secs: 0 }), 'no wait').toBe('That passphrase is not right. Try again.');
    expect(t('instructor.wrong', { secs: 1 })).toBe('That passphrase is not right. You can try again in 1 second.');
    expect(t('instructor.wrong', { secs: 2 })).toBe('That passphrase is not right. You can try again in 2 seconds.');
    expect(t('instructor.wait', { secs: 1 })).toBe('Too many wrong passphrases in a row. Wait a second and try again.');
    i18n.locale = 'sv';
    expect(t('instructor.wait', { secs: 30 })).toBe('För många felaktiga lösenfraser i rad. Vänta 30 sekunder och försök igen.');
    expect(t('instructor.wrong', { secs: 1 })).toBe('Lösenfrasen stämmer inte. Du kan försöka igen om 1 sekund.');
  });

  it("says the core's sentences by their message id, else in the core's English", () => {
    i18n.locale = 'sv';
    const path = { id: 'check-path', params: { steps: 2, head: '`a` → `b`', more: 0, tail: '', loopCount: 0, loop: '', loopMore: 0 } };
    expect(tMessage({ ...path, message: '' }), 'message references fill from the same placeholders').toBe('`a` → `b`');
    expect(
      tMessage({ id: 'giftImport-sideTwice', params: { side: 'left', text: 'Hej' }, message: 'two pairs have …' }),
      'a GIFT remark in Swedish',
    ).toBe('två par har vänstersidan ”Hej”: här har varje vänstersida en egen högersida');
    expect(
      tMessage({ id: 'errors-NotFound.detail', params: { what: 'module', id: 'm9' }, message: 'module "m9" was not found' }),
      "an error's full sentence by `id.detail`",
    ).toBe('module ”m9” hittades inte');
    expect(tMessage({ id: 'check-noSuchThing', params: {}, message: 'the English words' }), 'an id the catalogue lacks').toBe(
      'the English words',
    );
  });

  it('knows which keys are messages', () => {
    expect(hasMessage('errors.WrongPin'), 'an error kind with words').toBe(true);
    expect(hasMessage('errors.InvalidContent'), 'only a .detail for the core: not a UI message').toBe(false);
    expect(hasMessage('errors.NoSuchKind')).toBe(false);
  });
});
