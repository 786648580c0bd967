// A JSON record's finding about one of its own fields, judged as a CSV cell's would be: the field's
// x-severity sets its severity, and a value in a form one of the standard's sources accepts (x-accepted)
// is a warning whose hint names that source.
import { acceptedMatchers, sourceHint, type AcceptedMatcher } from '../standards/accepted.js';
import type { Field, Standard } from '../standards/standard.js';
import type { Severity } from '../types.js';
import { fieldSeverity } from './cells.js';
import type { Finding } from './explain.js';

const matchers = new WeakMap<Field, AcceptedMatcher[]>();

/** The severity of a finding at the top level of a record (`/Field`), with its hint completed; undefined when no field rules it. */
export function judgeFieldFinding(standard: Standard, f: Finding, name: string | undefined): Severity | undefined {
  const field = name === undefined ? undefined : standard.fieldByName.get(name);
  if (!field || f.severity !== undefined) return f.severity;
  let accepted = matchers.get(field);
  if (!accepted) matchers.set(field, (accepted = acceptedMatchers(field.schema)));
  const form = typeof f.data === 'string' ? accepted.find((m) => m.test.test(f.data as string)) : undefined;
  const severity = fieldSeverity(f.code, field);
  if (form) {
    f.hint = f.hint ? `${f.hint} (${form.because})` : form.because;
    return severity === 'error' ? 'warning' : severity;
  }
  if (f.code === 'value-missing' && !f.hint) f.hint = sourceHint(field.schema, 'value-missing');
  return severity;
}
