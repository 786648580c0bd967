// Formats decided in time linear in the value. ajv-formats checks most formats with regular expressions
// run on the engine's backtracking RegExp, and some of them take time quadratic in the value, which a
// long cell makes seconds (docs/performance.md). Each of those formats is given here with the same
// regular expression, run on the engine's RegExp while the value is short (where even a quadratic one is
// quick, and which keeps the verdicts of every ordinary value exactly ajv-formats') and on RE2 (linear)
// past that. The formats ajv-formats checks with code (date, time, date-time and their iso- forms, byte,
// regex) are linear already.
import { createRequire } from 'node:module';
import type { FormatDefinition } from 'ajv';
import type { Ajv } from './ajv.js';
import { provenLinear, re2Of, type RegExpLike } from './safe-regexp.js';

const require = createRequire(import.meta.url);
const { fullFormats } = require('ajv-formats/dist/formats') as { fullFormats: Record<string, unknown> };

/**
 * Values up to this length run on the native engine: even the slowest format (url) is quick on the worst
 * value of this length, and ordinary URLs, e-mail addresses and identifiers are shorter.
 */
export const NATIVE_UP_TO = 256;

/**
 * ajv-formats' `uri` is a function around a regular expression it does not export: the expression, as
 * ajv-formats 3.0.1 writes it (test/security/formats.test.ts holds the verdicts to the package's own).
 */
const URI =
  /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
const NOT_URI_FRAGMENT = /\/|:/;

/**
 * ajv-formats' `url` with its user-information part, `(?:\S+(?::\S*)?@)?`, written as `(?:\S+@)?`: the
 * same strings (a colon is not a space), without the choice of where the colon is, which made the
 * engine try every split of a long value (quadratic time).
 */
const URL = new RegExp((fullFormats.url as RegExp).source.replace('(?:\\S+(?::\\S*)?@)?', '(?:\\S+@)?'), (fullFormats.url as RegExp).flags);
if (URL.source === (fullFormats.url as RegExp).source) throw new Error('ajv-formats changed its url format: see linear-formats.ts');

/**
 * A check of a string by `re`, linear in its length: on the engine's own RegExp while the value is short
 * (see NATIVE_UP_TO), on RE2 past that (whose automaton takes a short, fixed time a character), or still
 * natively when the expression looks ahead (RE2 cannot) and is proven linear there (`duration`).
 */
export function linearTest(re: RegExp): (value: string) => boolean {
  // Translated at the first long value: translating every format's expression would slow every start.
  let linear: RegExpLike | undefined;
  return (value) => (value.length <= NATIVE_UP_TO ? re.test(value) : (linear ??= forLongValues(re)).test(value));
}

function forLongValues(re: RegExp): RegExpLike {
  try {
    return re2Of(re);
  } catch (error) {
    if (provenLinear(re)) return re;
    throw error;
  }
}

/** The formats ajv-formats checks with a regular expression, each checked in linear time. */
export function linearFormats(): Record<string, (value: string) => boolean> {
  const formats: Record<string, (value: string) => boolean> = {};
  for (const [name, format] of Object.entries(fullFormats)) {
    if (format instanceof RegExp && !(name in BY_HAND)) formats[name] = linearTest(format);
  }
  return { ...formats, ...BY_HAND };
}

/** The formats whose expressions look ahead, which RE2 cannot run, each made linear by hand. */
const BY_HAND: Record<string, (value: string) => boolean> = {
  uri: (
    (uri) => (value: string) =>
      NOT_URI_FRAGMENT.test(value) && uri(value)
  )(linearTest(URI)),
  // The expression starts by looking ahead for at most 254 characters: a longer value never matches.
  hostname: (value) => value.length <= 254 && (fullFormats.hostname as RegExp).test(value),
  url: (value) => URL.test(value),
};
const LINEAR = linearFormats();

/** Put the linear formats in place of ajv-formats' own (after addFormats). */
export function useLinearFormats(ajv: Ajv): void {
  for (const [name, validate] of Object.entries(LINEAR)) ajv.addFormat(name, { type: 'string', validate } satisfies FormatDefinition<string>);
}
