// What a standard's sources say about a field, for the checks to speak of: forms of a value a source
// accepts although the standard's own rule prefers a stricter one (a UK date where the later schema asks
// for ISO), which are warnings with the repair, not errors; and the law or guidance that asks for it.
import type { AnySchemaObject } from 'ajv';
import { safeRegExp, type RegExpLike } from './safe-regexp.js';

export interface AcceptedForm {
  /** The form, as a regular expression over the whole cell text. */
  pattern: string;
  /** Which source accepts it, in words shown after the hint. */
  because: string;
}

/** The forms a field's `x-accepted` lists, or undefined when it lists none. */
export function acceptedForms(schema: AnySchemaObject): AcceptedForm[] | undefined {
  const list = schema['x-accepted'];
  if (!Array.isArray(list)) return undefined;
  const forms = list.filter(
    (f): f is AcceptedForm => !!f && typeof f === 'object' && typeof (f as AcceptedForm).pattern === 'string' && typeof (f as AcceptedForm).because === 'string',
  );
  return forms.length ? forms : undefined;
}

/**
 * For a field whose absence is only a warning although a law or guidance asks for it (its x-source, with
 * an x-severity lowering `code`): the hint naming that source. A field the schema itself requires says so
 * in its message, and needs no hint.
 */
export function sourceHint(schema: AnySchemaObject, code: 'header-missing' | 'value-missing'): string | undefined {
  const source = schema['x-source'];
  const severity = schema['x-severity'];
  const lowered =
    typeof severity === 'string'
      ? severity !== 'error'
      : !!severity && typeof severity === 'object' && (severity as Record<string, string>)[code] !== undefined && (severity as Record<string, string>)[code] !== 'error';
  return lowered && typeof source === 'string' && source !== '' ? `asked for by ${source}` : undefined;
}

export interface AcceptedMatcher {
  test: RegExpLike;
  because: string;
}

/** The field's accepted forms, compiled; an empty list when there are none or a pattern does not compile. */
export function acceptedMatchers(schema: AnySchemaObject): AcceptedMatcher[] {
  const matchers: AcceptedMatcher[] = [];
  for (const form of acceptedForms(schema) ?? []) {
    try {
      matchers.push({ test: safeRegExp(form.pattern, 'u'), because: form.because });
    } catch {
      // A pattern that cannot be run in linear time is left out: values in that form stay errors.
    }
  }
  return matchers;
}
