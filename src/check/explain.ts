// ajv reports which keyword failed; this turns its errors into findings with an issue code and the words
// for what was expected. Alternatives (anyOf/oneOf) become one finding, not one per branch, and the
// branches of if/then/else say under which condition they apply.
import type { ErrorObject, SchemaObject } from 'ajv';
import type { IssueCode } from '../types.js';

/** The codes a finding of the schema's validation can have. */
export type FindingCode = Extract<IssueCode, `value-${string}` | 'key-reference' | 'row-rule'>;

export interface Finding {
  code: FindingCode;
  /** JSON Pointer, below the value validated, of the value the finding is about ('' for the value itself). */
  path: string;
  /** Completes "must be …" (or "must …" for patterns and lengths). */
  expected?: string;
  /** A whole clause or sentence for findings that are not about one value. */
  detail?: string;
  /** The value found, when ajv has it. */
  data?: unknown;
  keyword: string;
  /** A severity the rule itself sets (an open code list warns). */
  severity?: 'error' | 'warning' | 'info';
  /** How to fix it, when the rule knows (the nearest codes of a list). */
  hint?: string;
  /** For a value not written in a required format: the formats that would do ('date', 'date-time', …). */
  formats?: string[];
}

const SPECIFIC = ['format', 'pattern', 'enum', 'const', 'type'];
const RECORD_KEYWORDS = new Set(['if', 'then', 'else', 'dependentRequired', 'dependencies', 'dependentSchemas', 'allOf', 'anyOf', 'oneOf', 'not', 'minProperties', 'maxProperties']);

/**
 * Findings for a validator's errors. `recordLevel` marks errors about the record as a whole (found by the
 * record's own keywords) so they are reported as row rules.
 */
export function explainErrors(errors: ErrorObject[], options: { examples?: (path: string) => unknown[] } = {}): Finding[] {
  const findings: Finding[] = [];
  const consumed = new Set<ErrorObject>();
  // Alternatives come after the errors of their branches; fold each group into one finding.
  errors.forEach((error, index) => {
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') return;
    // A branch's errors come just before the alternative's own error, at or below the same value (the
    // same schema path recurs for every record of a document, so the value's path must match too).
    const prefix = error.schemaPath + '/';
    const within = error.instancePath + '/';
    const branches = errors
      .slice(0, index)
      .filter((e) => e.schemaPath.startsWith(prefix) && (e.instancePath === error.instancePath || e.instancePath.startsWith(within)) && !consumed.has(e));
    branches.forEach((e) => consumed.add(e));
    consumed.add(error);
    const finding = explainAlternatives(error, branches);
    if (isRecordRule(error)) {
      finding.detail = sentence(finding);
      finding.code = 'row-rule';
    }
    findings.push(finding);
  });
  // if/then/else: the branch's own errors carry the finding; the "if" error only names the condition.
  const conditions = new Map<string, string>();
  for (const error of errors) {
    if (error.keyword !== 'if') continue;
    consumed.add(error);
    const branch = (error.params as { failingKeyword: string }).failingKeyword;
    const condition = describeCondition((error.parentSchema as Record<string, unknown>)?.if, branch === 'else');
    conditions.set(error.schemaPath.replace(/\/if$/, `/${branch}/`), condition);
  }
  for (const error of errors) {
    if (consumed.has(error)) continue;
    // A name refused by propertyNames is said once, by the propertyNames error, not again by its reason.
    if ((error as ErrorObject & { propertyName?: string }).propertyName !== undefined) continue;
    const finding = explainOne(error, options.examples);
    for (const [prefix, condition] of conditions) {
      if (error.schemaPath.startsWith(prefix)) {
        finding.detail = `${condition}, ${sentence(finding)}`;
        finding.code = 'row-rule';
      }
    }
    if (finding.code !== 'row-rule' && isRecordRule(error)) {
      finding.detail = sentence(finding);
      finding.code = 'row-rule';
    }
    findings.push(finding);
  }
  return findings;
}

/** An error raised by one of the record's own combining keywords (not by a property's schema). */
function isRecordRule(error: ErrorObject): boolean {
  const parts = error.schemaPath.split('/');
  return parts.length > 1 && RECORD_KEYWORDS.has(parts[1]!) && error.instancePath.split('/').length <= 2;
}

function explainOne(error: ErrorObject, examples?: (path: string) => unknown[]): Finding {
  const p = error.params;
  const base = { path: error.instancePath, data: error.data, keyword: error.keyword };
  const compared = comparedField(error);
  if (compared !== undefined && p.comparison) {
    const words = error.keyword.startsWith('format') ? DATE_COMPARISON : COMPARISON;
    return {
      ...base,
      code: 'row-rule',
      detail: `${fieldOf(error.instancePath)} must be ${words[p.comparison] ?? p.comparison} ${compared} (${p.limit}), but is ${JSON.stringify(error.data)}`,
    };
  }
  switch (error.keyword) {
    case 'required':
      return { ...base, code: 'value-missing', path: `${error.instancePath}/${escape(p.missingProperty)}` };
    case 'type':
      return { ...base, code: 'value-type', expected: typePhrase(String(p.type).split(',')) };
    case 'format':
      return { ...base, code: 'value-format', expected: formatPhrase(p.format), formats: [String(p.format)] };
    case 'pattern': {
      const example = examples?.(error.instancePath).find((e) => typeof e === 'string');
      return {
        ...base,
        code: 'value-pattern',
        expected: `match the pattern ${p.pattern}${example !== undefined ? ` (for example ${JSON.stringify(example)})` : ''}`,
      };
    }
    case 'enum':
      return { ...base, code: 'value-enum', expected: enumPhrase(p.allowedValues) };
    case 'const':
      return { ...base, code: 'value-enum', expected: JSON.stringify(p.allowedValue) };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { ...base, code: 'value-range', expected: `${COMPARISON[p.comparison] ?? p.comparison} ${p.limit}` };
    case 'multipleOf':
      return { ...base, code: 'value-range', expected: `a multiple of ${p.multipleOf}` };
    case 'minLength':
    case 'maxLength': {
      const length = typeof error.data === 'string' ? codePoints(error.data) : 0;
      const bound = error.keyword === 'minLength' ? 'at least' : 'at most';
      return {
        ...base,
        code: 'value-length',
        expected: `be ${bound} ${plural(p.limit, 'character')} long`,
        detail: `it is ${plural(length, 'character')} long`,
      };
    }
    case 'minItems':
    case 'maxItems': {
      const count = Array.isArray(error.data) ? error.data.length : 0;
      const bound = error.keyword === 'minItems' ? 'at least' : 'at most';
      return { ...base, code: 'value-length', expected: `have ${bound} ${plural(p.limit, 'item')}`, detail: `it has ${count}` };
    }
    case 'formatMinimum':
    case 'formatMaximum':
    case 'formatExclusiveMinimum':
    case 'formatExclusiveMaximum':
      return { ...base, code: 'value-range', expected: `${DATE_COMPARISON[p.comparison] ?? p.comparison} ${p.limit}` };
    case 'x-codelist': {
      const nearest = (p.nearest as string[]).map((c) => JSON.stringify(c));
      return {
        ...base,
        code: 'key-reference',
        detail: `the code list ${p.list}`,
        severity: p.open ? 'warning' : undefined,
        hint: nearest.length ? `did you mean ${nearest.join(' or ')}?` : `use a code from ${p.list}`,
      };
    }
    case 'dependentRequired':
    case 'dependencies':
      return {
        ...base,
        code: 'row-rule',
        path: `${error.instancePath}/${escape(p.missingProperty)}`,
        detail: `when ${p.property} is given, ${p.missingProperty} is required too`,
      };
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return {
        ...base,
        code: 'value-invalid',
        path: `${error.instancePath}/${escape(p.additionalProperty ?? p.unevaluatedProperty)}`,
        detail: 'is not a field the standard allows here',
        data: undefined,
      };
    case 'propertyNames':
      return { ...base, code: 'value-invalid', detail: `has a field named ${JSON.stringify(p.propertyName)}, a name the standard does not allow`, data: undefined };
    case 'minProperties':
    case 'maxProperties': {
      const count = error.data && typeof error.data === 'object' ? Object.keys(error.data).length : 0;
      const bound = error.keyword === 'minProperties' ? 'at least' : 'at most';
      return { ...base, code: 'value-invalid', detail: `must have ${bound} ${plural(p.limit, 'field')} given, but has ${count}`, data: undefined };
    }
    case 'false schema':
      return { ...base, code: 'value-invalid', detail: 'must not be given: the standard allows no value here' };
    case 'uniqueItems':
      return { ...base, code: 'value-invalid', detail: `must not repeat items (items ${p.j + 1} and ${p.i + 1} are the same)`, data: undefined };
    case 'not':
      return { ...base, code: 'value-invalid', detail: 'must not match the form the standard rules out' };
    default:
      return { ...base, code: 'value-invalid', detail: error.message ?? `breaks the rule "${error.keyword}"` };
  }
}

function explainAlternatives(error: ErrorObject, branches: ErrorObject[]): Finding {
  const base = { path: error.instancePath, data: error.data, keyword: error.keyword };
  const passing = (error.params as { passingSchemas?: number[] | null }).passingSchemas;
  if (passing) return { ...base, code: 'value-invalid', detail: 'matches more than one of the allowed forms, but must match exactly one' };
  // "one of these fields is required": each branch failed only for want of one field.
  const missing = oneMissingFieldPerBranch(error, branches);
  if (missing) {
    const either = `${missing.slice(0, -1).join(', ')} or ${missing.at(-1)}`;
    return { ...base, code: 'value-invalid', data: undefined, detail: `needs at least one of ${either}, but has none of them`, hint: `give at least one of ${either}` };
  }
  const simple = branches.length > 0 && branches.every((b) => b.instancePath === error.instancePath && SPECIFIC.includes(b.keyword));
  if (simple) {
    const explained = branches.map((b) => explainOne(b));
    if (explained.every((f) => f.code === 'value-pattern')) {
      const patterns = branches.map((b) => String((b.params as { pattern: string }).pattern));
      return { ...base, code: 'value-pattern', expected: `match one of the patterns ${patterns.join(', ')}` };
    }
    // Phrased to follow "must be": a pattern among other alternatives reads as "text matching …".
    const phrases = explained.map((f) => (f.code === 'value-pattern' ? `text matching the pattern ${(branches[explained.indexOf(f)]!.params as { pattern: string }).pattern}` : f.expected!));
    const specific = SPECIFIC.find((k) => branches.some((b) => b.keyword === k))!;
    const code = explained.find((f) => f.keyword === specific)!.code;
    const formats = explained.flatMap((f) => f.formats ?? []);
    return { ...base, code, expected: [...new Set(phrases)].join(' or '), ...(formats.length ? { formats } : {}) };
  }
  const first = branches.find((b) => b.instancePath === error.instancePath) ?? branches[0];
  const hint = first ? ` (for example, ${sentence(explainOne(first))})` : '';
  return { ...base, code: 'value-invalid', detail: `must match one of the allowed forms${hint}` };
}

/** The other field a rule compares with through `$data` (`{ "$data": "1/StartDate" }`), if it does. */
function comparedField(error: ErrorObject): string | undefined {
  const rule = (error.parentSchema as Record<string, unknown> | undefined)?.[error.keyword];
  if (!rule || typeof rule !== 'object' || !('$data' in rule)) return undefined;
  return fieldOf(String((rule as { $data: unknown }).$data));
}

/** The field each branch of an alternative misses, when every branch failed only because one field is missing. */
function oneMissingFieldPerBranch(error: ErrorObject, branches: ErrorObject[]): string[] | undefined {
  const count = Array.isArray(error.schema) ? error.schema.length : 0;
  if (count < 2 || branches.length !== count) return undefined;
  const byBranch = new Map<string, string>();
  for (const b of branches) {
    if (b.keyword !== 'required' || b.instancePath !== error.instancePath) return undefined;
    const branch = b.schemaPath.slice(error.schemaPath.length + 1).split('/')[0]!;
    if (byBranch.has(branch)) return undefined;
    byBranch.set(branch, String((b.params as { missingProperty: string }).missingProperty));
  }
  return [...byBranch.values()];
}

/** A finding as a clause, for folding into a bigger sentence. */
export function sentence(finding: Finding): string {
  const name = fieldOf(finding.path) || 'the record';
  if (finding.code === 'value-missing') return `${name} is required`;
  if (finding.detail && !finding.expected) return `${name} ${finding.detail}`.replace(/^the record when/, 'when');
  if (finding.code === 'value-pattern' || finding.code === 'value-length') return `${name} must ${finding.expected}`;
  return `${name} must be ${finding.expected}`;
}

function describeCondition(ifSchema: unknown, negated: boolean): string {
  const parts: string[] = [];
  if (ifSchema && typeof ifSchema === 'object') {
    const s = ifSchema as SchemaObject;
    for (const [name, sub] of Object.entries((s.properties ?? {}) as Record<string, SchemaObject>)) {
      if (sub && typeof sub === 'object' && 'const' in sub) parts.push(`${name} is ${JSON.stringify(sub.const)}`);
      else if (sub && Array.isArray(sub.enum)) parts.push(`${name} is ${sub.enum.map((v: unknown) => JSON.stringify(v)).join(' or ')}`);
    }
    for (const name of Array.isArray(s.required) ? s.required : []) {
      if (!parts.some((p) => p.startsWith(`${name} `))) parts.push(`${name} is given`);
    }
  }
  if (!parts.length) return negated ? 'when the record does not meet the standard\'s condition' : 'when the record meets the standard\'s condition';
  return `${negated ? 'unless' : 'when'} ${parts.join(' and ')}`;
}

const COMPARISON: Record<string, string> = { '<=': 'at most', '<': 'less than', '>=': 'at least', '>': 'more than' };
const DATE_COMPARISON: Record<string, string> = { '<=': 'on or before', '<': 'before', '>=': 'on or after', '>': 'after' };

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'empty',
};

export function typePhrase(types: string[]): string {
  return types.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
}

const FORMAT_WORDS: Record<string, string> = {
  date: 'a date written as YYYY-MM-DD',
  'date-time': 'a date and time such as 2024-03-31T09:30:00Z',
  time: 'a time such as 09:30:00Z',
  'iso-time': 'a time such as 09:30:00',
  email: 'an email address',
  'idn-email': 'an email address',
  uri: 'a full web address (URI), such as https://example.org/page',
  url: 'a full web address, such as https://example.org/page',
  'uri-reference': 'a web address or a path',
  iri: 'a full web address',
  uuid: 'a UUID such as 123e4567-e89b-12d3-a456-426614174000',
  duration: 'a duration such as P1D or PT2H',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  hostname: 'a host name',
  regex: 'a regular expression',
  'wkt-point': 'a POINT in well-known text, such as POINT (-1.2345 52.3456): two numbers, longitude then latitude, in the UK',
  'wkt-polygon': 'a POLYGON in well-known text with closed rings (the last point the same as the first) of UK coordinates',
  'wkt-multipolygon': 'a POLYGON or MULTIPOLYGON in well-known text with closed rings (the last point the same as the first) of UK coordinates, longitude then latitude',
  'geojson-geometry': 'a GeoJSON geometry (Point, Polygon, MultiPolygon…) with closed rings of UK coordinates',
};

export function formatPhrase(format: string): string {
  return FORMAT_WORDS[format] ?? `in the "${format}" format`;
}

export function enumPhrase(values: unknown[]): string {
  const shown = values.slice(0, 12).map((v) => JSON.stringify(v));
  if (values.length === 1) return shown[0]!;
  if (values.length > 12) return `one of the ${values.length} allowed values (${shown.join(', ')}, …)`;
  return `one of ${shown.join(', ')}`;
}

/** The property name at the end of a JSON Pointer. */
export function fieldOf(pointer: string): string {
  const last = pointer.split('/').pop() ?? '';
  return last.replace(/~1/g, '/').replace(/~0/g, '~');
}

const escape = (name: string) => String(name).replace(/~/g, '~0').replace(/\//g, '~1');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Characters as JSON Schema counts them (code points), without making an array of a long value's characters. */
function codePoints(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
}
