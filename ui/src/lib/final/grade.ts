// The final test's grade in the learner's language. Pure, so it is unit-tested.
import type { FinalGrade } from '$lib/bindings/FinalGrade';
import { t } from '$lib/i18n/index.svelte';

/** Underkänd / Godkänd / Väl godkänd, or Fail / Pass / Pass with distinction. */
export function gradeName(grade: FinalGrade): string {
  return t(`final.grade.${grade}`);
}
