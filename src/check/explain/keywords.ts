// One entry per ajv keyword: each turns that keyword's error into a finding with an issue code and the
// words for what was expected. A keyword with no entry of its own is said in ajv's words.
import type { ErrorObject } from 'ajv';
import type { Finding } from './finding.js';
import { COMPARISON, DATE_COMPARISON, codePoints, enumPhrase, escape, fieldOf, formatPhrase, plural, typePhrase } from './words.js';

/** What every finding of one error starts from: where it is, what was found, and which keyword found it. */
type Base = Pick<Finding, 'path' | 'data' | 'keyword'>;

/** The standard's example values for the value at a path, when it gives any. */
export type Examples = (path: string) => unknown[];

/** Turns one ajv error of its keyword into a finding. */
type Explainer = (error: ErrorObject, base: Base, examples?: Examples) => Finding;

// ajv's `params` are typed loosely (`Record<string, any>`); each entry reads the ones its keyword sets.

const required: Explainer = ({ instancePath, params: p }, base) => ({ ...base, code: 'value-missing', path: `${instancePath}/${escape(p.missingProperty)}` });

const type: Explainer = ({ params: p }, base) => ({ ...base, code: 'value-type', expected: typePhrase(String(p.type).split(',')) });

const format: Explainer = ({ params: p }, base) => ({ ...base, code: 'value-format', expected: formatPhrase(p.format), formats: [String(p.format)] });

const pattern: Explainer = ({ instancePath, params: p }, base, examples) => {
  const example = examples?.(instancePath).find((e) => typeof e === 'string');
  return {
    ...base,
    code: 'value-pattern',
    expected: `match the pattern ${p.pattern}${example !== undefined ? ` (for example ${JSON.stringify(example)})` : ''}`,
  };
};

const enumeration: Explainer = ({ params: p }, base) => ({ ...base, code: 'value-enum', expected: enumPhrase(p.allowedValues) });

const constant: Explainer = ({ params: p }, base) => ({ ...base, code: 'value-enum', expected: JSON.stringify(p.allowedValue) });

/** minimum, maximum and their exclusive forms. */
const range: Explainer = ({ params: p }, base) => ({ ...base, code: 'value-range', expected: `${COMPARISON[p.comparison] ?? p.comparison} ${p.limit}` });

const multipleOf: Explainer = ({ params: p }, base) => ({ ...base, code: 'value-range', expected: `a multiple of ${p.multipleOf}` });

/** formatMinimum, formatMaximum and their exclusive forms: limits on dates, so said as before and after. */
const dateRange: Explainer = ({ params: p }, base) => ({ ...base, code: 'value-range', expected: `${DATE_COMPARISON[p.comparison] ?? p.comparison} ${p.limit}` });

/** minLength and maxLength: counted in characters as JSON Schema counts them. */
const textLength: Explainer = ({ keyword, data, params: p }, base) => {
  const length = typeof data === 'string' ? codePoints(data) : 0;
  const bound = keyword === 'minLength' ? 'at least' : 'at most';
  return { ...base, code: 'value-length', expected: `be ${bound} ${plural(p.limit, 'character')} long`, found: { characters: length } };
};

/** minItems and maxItems. */
const listLength: Explainer = ({ keyword, data, params: p }, base) => {
  const count = Array.isArray(data) ? data.length : 0;
  const bound = keyword === 'minItems' ? 'at least' : 'at most';
  return { ...base, code: 'value-length', expected: `have ${bound} ${plural(p.limit, 'item')}`, found: { items: count } };
};

/** conform's code-list keyword: an open list only warns, and the nearest codes make the hint. */
const codelist: Explainer = ({ params: p }, base) => {
  const nearest = (p.nearest as string[]).map((c) => JSON.stringify(c));
  return {
    ...base,
    code: 'key-reference',
    detail: `the code list ${p.list}`,
    severity: p.open ? 'warning' : undefined,
    hint: nearest.length ? `did you mean ${nearest.join(' or ')}?` : `use a code from ${p.list}`,
  };
};

/** dependentRequired and draft-07's dependencies: one field asks for another. */
const dependentRequired: Explainer = ({ instancePath, params: p }, base) => ({
  ...base,
  code: 'row-rule',
  path: `${instancePath}/${escape(p.missingProperty)}`,
  detail: `when ${p.property} is given, ${p.missingProperty} is required too`,
});

/** additionalProperties and unevaluatedProperties: the finding is about the field, not its value. */
const extraField: Explainer = ({ instancePath, params: p }, base) => ({
  ...base,
  code: 'value-invalid',
  path: `${instancePath}/${escape(p.additionalProperty ?? p.unevaluatedProperty)}`,
  detail: 'is not a field the standard allows here',
  data: undefined,
});

const propertyNames: Explainer = ({ params: p }, base) => ({
  ...base,
  code: 'value-invalid',
  detail: `has a field named ${JSON.stringify(p.propertyName)}, a name the standard does not allow`,
  data: undefined,
});

/** minProperties and maxProperties: counted in fields given. */
const fieldCount: Explainer = ({ keyword, data, params: p }, base) => {
  const count = data && typeof data === 'object' ? Object.keys(data).length : 0;
  const bound = keyword === 'minProperties' ? 'at least' : 'at most';
  return { ...base, code: 'value-invalid', detail: `must have ${bound} ${plural(p.limit, 'field')} given, but has ${count}`, data: undefined };
};

/** A `false` schema: nothing may be given there. */
const falseSchema: Explainer = (_error, base) => ({ ...base, code: 'value-invalid', detail: 'must not be given: the standard allows no value here' });

/** ajv counts items from 0 and names the later repeat first. */
const uniqueItems: Explainer = ({ params: p }, base) => ({
  ...base,
  code: 'value-invalid',
  detail: `must not repeat items (items ${p.j + 1} and ${p.i + 1} are the same)`,
  data: undefined,
});

const not: Explainer = (_error, base) => ({ ...base, code: 'value-invalid', detail: 'must not match the form the standard rules out' });

/** Any other keyword (an unknown extension among them): ajv's own message, or the keyword's name. */
const fallback: Explainer = ({ keyword, message }, base) => ({ ...base, code: 'value-invalid', detail: message ?? `breaks the rule "${keyword}"` });

/** The explainer of each keyword. A Map, so a keyword named like an Object method finds no entry. */
export const EXPLAINERS: ReadonlyMap<string, Explainer> = new Map(
  Object.entries({
    required,
    type,
    format,
    pattern,
    enum: enumeration,
    const: constant,
    minimum: range,
    maximum: range,
    exclusiveMinimum: range,
    exclusiveMaximum: range,
    multipleOf,
    minLength: textLength,
    maxLength: textLength,
    minItems: listLength,
    maxItems: listLength,
    formatMinimum: dateRange,
    formatMaximum: dateRange,
    formatExclusiveMinimum: dateRange,
    formatExclusiveMaximum: dateRange,
    'x-codelist': codelist,
    dependentRequired,
    dependencies: dependentRequired,
    additionalProperties: extraField,
    unevaluatedProperties: extraField,
    propertyNames,
    minProperties: fieldCount,
    maxProperties: fieldCount,
    'false schema': falseSchema,
    uniqueItems,
    not,
  }),
);

/** A finding for one error: a comparison with another field first, else its keyword's entry. */
export function explainOne(error: ErrorObject, examples?: Examples): Finding {
  const base: Base = { path: error.instancePath, data: error.data, keyword: error.keyword };
  return compared(error, base) ?? (EXPLAINERS.get(error.keyword) ?? fallback)(error, base, examples);
}

/**
 * A rule that compares the value with another field through `$data` (`{ "$data": "1/StartDate" }`), of
 * any keyword: said as a rule of the row, naming both fields.
 */
function compared(error: ErrorObject, base: Base): Finding | undefined {
  const rule = (error.parentSchema as Record<string, unknown> | undefined)?.[error.keyword];
  if (!rule || typeof rule !== 'object' || !('$data' in rule)) return undefined;
  const other = fieldOf(String((rule as { $data: unknown }).$data));
  const p = error.params;
  if (!p.comparison) return undefined;
  const words = error.keyword.startsWith('format') ? DATE_COMPARISON : COMPARISON;
  return {
    ...base,
    code: 'row-rule',
    detail: `${fieldOf(error.instancePath)} must be ${words[p.comparison] ?? p.comparison} ${other} (${p.limit}), but is ${JSON.stringify(error.data)}`,
  };
}
