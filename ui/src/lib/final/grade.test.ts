import { describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/index.svelte';
import { gradeName } from './grade';
import type { FinalGrade } from '$lib/bindings/FinalGrade';

const grades: FinalGrade[] = ['fail', 'pass', 'distinction'];

describe('gradeName', () => {
  it('names each grade in Swedish and English', () => {
    i18n.locale = 'sv';
    expect(grades.map(gradeName), 'the Swedish names are the official grades').toEqual(['Underkänd', 'Godkänd', 'Väl godkänd']);
    i18n.locale = 'en';
    expect(grades.map(gradeName), 'English names for the English interface').toEqual(['Fail', 'Pass', 'Pass with distinction']);
  });
});
