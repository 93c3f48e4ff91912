// The UI's words and the current language. The words are the one catalogue,
// locales/<lang>.ftl (Fluent), which the core reads too. A key is a message
// id with '.' for '-': t('recovery.title') says recovery-title.
import { FluentBundle, FluentNumber, FluentResource, type FluentVariable } from '@fluent/bundle';
import en from '../../../../locales/en.ftl?parsed';
import sv from '../../../../locales/sv.ftl?parsed';
import type { MessageKey } from './keys';

export type { MessageKey } from './keys';
export type Locale = 'sv' | 'en';

export const locales: Locale[] = ['sv', 'en'];

/** Each language's catalogue file, parsed when the UI was built (ui/fluent.ts), as JSON. */
const catalogues: Record<Locale, string> = { sv, en };

/** A catalogue's resource from its entries parsed at build time: nothing is parsed again. */
class ParsedResource extends FluentResource {
  constructor(body: FluentResource['body']) {
    super('');
    this.body = body;
  }
}

/**
 * A number written as the UI has always written it, `String(n)` (no digit
 * grouping), that a message's plural forms can still select on.
 */
class PlainNumber extends FluentNumber {
  override toString(): string {
    return String(this.value);
  }
}

function bundle(locale: Locale): FluentBundle {
  // No Unicode isolation marks around placeholders: the text is shown as is.
  const b = new FluentBundle(locale, { useIsolating: false });
  const errors = b.addResource(new ParsedResource(JSON.parse(catalogues[locale])));
  if (errors.length > 0) throw errors[0];
  return b;
}

/** The bundles made so far. */
const made: Partial<Record<Locale, FluentBundle>> = {};

/**
 * The catalogue of each language, ready to format. Each bundle is made when
 * first used, so a start in one language does not pay for the other.
 */
export const bundles: Readonly<Record<Locale, FluentBundle>> = {
  get sv() {
    return (made.sv ??= bundle('sv'));
  },
  get en() {
    return (made.en ??= bundle('en'));
  },
};

let current = $state<Locale>('sv');

export const i18n = {
  get locale(): Locale {
    return current;
  },
  set locale(value: Locale) {
    current = value;
    if (typeof document !== 'undefined') document.documentElement.lang = value;
  },
};

const messageId = (key: string) => key.replaceAll('.', '-');

/** Whether `key` names a message the UI can show (one with a value). */
export function hasMessage(key: string): key is MessageKey {
  return bundles.en.getMessage(messageId(key))?.value != null;
}

type Params = Readonly<Record<string, string | number | undefined>>;

function fluentArgs(params: Params): Record<string, FluentVariable> {
  const args: Record<string, FluentVariable> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) args[name] = typeof value === 'number' ? new PlainNumber(value) : value;
  }
  return args;
}

/**
 * The message `key` in the current language (else in English), with its
 * `{ $name }` placeholders filled from `params`.
 */
export function t(key: MessageKey, params: Params = {}): string {
  return format(key, null, params) ?? key;
}

/**
 * The attribute `attribute` of the message `key` (an error's `detail`) in
 * the current language (else in English), filled as `t` fills; null when the
 * message has no such attribute.
 */
export function tAttribute(key: MessageKey, attribute: string, params: Params = {}): string | null {
  return format(key, attribute, params);
}

/**
 * A sentence the core made (a course problem, a GIFT remark) in the current
 * language: the catalogue's message `id` (`check-…`, `giftImport-…`, or
 * `errors-<Kind>.detail`) filled from `params`; the core's English `message`
 * when the catalogue has no such message.
 */
export function tMessage(said: { id: string; params?: Params; message: string }): string {
  const [key, attribute = null] = said.id.split('.', 2);
  return format(key as MessageKey, attribute, said.params ?? {}) ?? said.message;
}

function format(key: MessageKey, attribute: string | null, params: Params): string | null {
  const args = fluentArgs(params);
  // The current language first, then English; English is parsed only when needed.
  for (const locale of current === 'en' ? (['en'] as const) : ([current, 'en'] as const)) {
    const b = bundles[locale];
    const message = b.getMessage(messageId(key));
    const pattern = attribute === null ? message?.value : message?.attributes[attribute];
    // A placeholder without a value shows as {$name}; nothing throws.
    if (pattern) return b.formatPattern(pattern, args, []);
  }
  return null;
}
