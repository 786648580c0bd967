// A quick first look at a value for the simple schemas most fields have (a type, lengths, a pattern, a
// list of values, bounds), written as plain JavaScript. It only ever says "passes" when ajv would too,
// so a value it passes needs nothing more; a value it fails goes to ajv, which says exactly why.
import type { AnySchemaObject } from 'ajv';
import { safeRegExp, type RegExpLike } from '../standards/safe-regexp.js';

export type QuickCheck = (value: unknown) => boolean;

/** Keywords that change nothing about whether a value is valid. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'default', '$comment', 'deprecated', 'readOnly', 'writeOnly', 'codelist', 'openCodelist']);
/** conform's keywords that are read elsewhere, not by the value's validator. */
const HANDLED_ELSEWHERE = new Set(['x-aliases', 'x-separator', 'x-severity', 'x-constant', 'x-dateRange', 'x-missingValues']);

export function compileQuickCheck(schema: AnySchemaObject): QuickCheck | undefined {
  const tests: QuickCheck[] = [];
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword) || HANDLED_ELSEWHERE.has(keyword)) continue;
    const test = keywordTest(keyword, value, schema);
    if (!test) return undefined;
    tests.push(test);
  }
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0];
  return (v) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i]!(v)) return false;
    return true;
  };
}

function keywordTest(keyword: string, value: unknown, schema: AnySchemaObject): QuickCheck | undefined {
  switch (keyword) {
    case 'type': {
      const types = Array.isArray(value) ? value : [value];
      const checks = types.map(typeTest);
      if (checks.some((c) => !c)) return undefined;
      return (v) => checks.some((c) => c!(v));
    }
    case 'minLength':
      return typeof value === 'number' ? (v) => typeof v !== 'string' || codePoints(v, value) >= value : undefined;
    case 'maxLength':
      return typeof value === 'number' ? (v) => typeof v !== 'string' || v.length <= value || codePoints(v, value) <= value : undefined;
    case 'pattern': {
      if (typeof value !== 'string') return undefined;
      let regex: RegExpLike;
      try {
        regex = safeRegExp(value, 'u');
      } catch {
        return undefined;
      }
      return (v) => typeof v !== 'string' || regex.test(v);
    }
    case 'enum': {
      if (!Array.isArray(value) || !value.every(isPrimitive)) return undefined;
      const allowed = new Set(value);
      return (v) => allowed.has(v as never);
    }
    case 'const':
      return isPrimitive(value) ? (v) => v === value : undefined;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      // Draft-04's boolean exclusive bounds change the meaning of minimum/maximum: leave those to ajv.
      if (typeof value !== 'number' || typeof schema.exclusiveMinimum === 'boolean' || typeof schema.exclusiveMaximum === 'boolean') return undefined;
      const compare = { minimum: (n: number) => n >= value, maximum: (n: number) => n <= value, exclusiveMinimum: (n: number) => n > value, exclusiveMaximum: (n: number) => n < value }[keyword];
      return (v) => typeof v !== 'number' || compare(v);
    }
    default:
      return undefined;
  }
}

function typeTest(type: unknown): QuickCheck | undefined {
  switch (type) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return (v) => typeof v === 'number' && Number.isInteger(v);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'null':
      return (v) => v === null;
    default:
      return undefined;
  }
}

const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** Code points in `s` (what JSON Schema lengths count), stopping early once past `limit`. */
function codePoints(s: string, limit: number): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    if (++count > limit + 1) return count;
  }
  return count;
}
