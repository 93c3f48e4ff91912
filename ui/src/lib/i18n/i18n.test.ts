import { describe, expect, it } from 'vitest';
import { catalogues, i18n, t } from './index.svelte';

describe('i18n catalogue', () => {
  it('has the same keys in Swedish and English', () => {
    const sv = Object.keys(catalogues.sv).sort();
    const en = Object.keys(catalogues.en).sort();
    expect(sv, 'every English key needs a Swedish string and vice versa').toEqual(en);
  });

  it('has no empty strings', () => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      for (const [key, value] of Object.entries(messages)) {
        expect(value.trim(), `${locale}:${key} must not be empty`).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(catalogues.en) as (keyof typeof catalogues.en)[]) {
      expect(names(catalogues.sv[key]), `placeholders of ${key}`).toEqual(names(catalogues.en[key]));
    }
  });

  it('fills placeholders and follows the current language', () => {
    i18n.locale = 'en';
    expect(t('course.version', { version: '1.0.0' })).toBe('Version 1.0.0');
    expect(t('home.moduleNumber', { n: 3 })).toBe('Module 3');
    i18n.locale = 'sv';
    expect(t('lang.label')).toBe('Språk');
  });
});
