// A quick first look at a value for the simple schemas most fields have (a type, lengths, a pattern, a
// list of values, bounds). It only ever says "passes" when ajv would too, so a value it passes needs
// nothing more; a value it fails goes to ajv, which says exactly why. The conditions are joined into one
// small function (as ajv itself does), because it runs for every cell: nothing from the schema is
// written into its code but numbers; patterns and lists of values are passed in as objects.
import type { AnySchemaObject } from 'ajv';
import { safeRegExp, type RegExpLike } from '../standards/safe-regexp.js';

export type QuickCheck = (value: unknown) => boolean;

/** Keywords that change nothing about whether a value is valid. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'default', '$comment', 'deprecated', 'readOnly', 'writeOnly', 'codelist', 'openCodelist']);
/** conform's keywords that are read elsewhere, not by the value's validator. */
const HANDLED_ELSEWHERE = new Set(['x-aliases', 'x-concept', 'x-separator', 'x-severity', 'x-constant', 'x-dateRange', 'x-missingValues']);

interface Parts {
  conditions: string[];
  /** Objects the conditions refer to as o0, o1, …: compiled patterns and sets of allowed values. */
  objects: unknown[];
}

export function compileQuickCheck(schema: AnySchemaObject): QuickCheck | undefined {
  const parts: Parts = { conditions: [], objects: [] };
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword) || HANDLED_ELSEWHERE.has(keyword)) continue;
    const condition = keywordCondition(keyword, value, schema, parts);
    if (condition === undefined) return undefined;
    parts.conditions.push(condition);
  }
  const names = parts.objects.map((_, i) => `o${i}`);
  const body = `return (v) => ${parts.conditions.length ? parts.conditions.map((c) => `(${c})`).join(' && ') : 'true'};`;
  return new Function('codePoints', ...names, body)(codePoints, ...parts.objects) as QuickCheck;
}

/** A JavaScript condition on `v`, or undefined when the keyword is not one checked here. */
function keywordCondition(keyword: string, value: unknown, schema: AnySchemaObject, parts: Parts): string | undefined {
  const number = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? String(n) : undefined);
  switch (keyword) {
    case 'type': {
      const types = (Array.isArray(value) ? value : [value]).map(typeCondition);
      return types.some((t) => t === undefined) ? undefined : types.join(' || ');
    }
    case 'minLength': {
      const n = number(value);
      // A string of 2n UTF-16 units has at least n code points; shorter ones are counted.
      return n === undefined ? undefined : `typeof v !== 'string' || v.length >= 2 * ${n} || codePoints(v, ${n}) >= ${n}`;
    }
    case 'maxLength': {
      const n = number(value);
      return n === undefined ? undefined : `typeof v !== 'string' || v.length <= ${n} || codePoints(v, ${n}) <= ${n}`;
    }
    case 'pattern': {
      if (typeof value !== 'string') return undefined;
      let regex: RegExpLike;
      try {
        regex = safeRegExp(value, 'u');
      } catch {
        return undefined;
      }
      return `typeof v !== 'string' || ${object(parts, regex)}.test(v)`;
    }
    case 'enum':
      if (!Array.isArray(value) || !value.every(isPrimitive)) return undefined;
      return `${object(parts, new Set(value))}.has(v)`;
    case 'const':
      return isPrimitive(value) ? `v === ${object(parts, value)}` : undefined;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      // Draft-04's boolean exclusive bounds change the meaning of minimum/maximum: leave those to ajv.
      const n = number(value);
      if (n === undefined || typeof schema.exclusiveMinimum === 'boolean' || typeof schema.exclusiveMaximum === 'boolean') return undefined;
      const operator = { minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' }[keyword];
      return `typeof v !== 'number' || v ${operator} ${n}`;
    }
    default:
      return undefined;
  }
}

function typeCondition(type: unknown): string | undefined {
  switch (type) {
    case 'string':
      return `typeof v === 'string'`;
    case 'number':
      return `typeof v === 'number' && Number.isFinite(v)`;
    case 'integer':
      return `typeof v === 'number' && Number.isInteger(v)`;
    case 'boolean':
      return `typeof v === 'boolean'`;
    case 'null':
      return `v === null`;
    default:
      return undefined;
  }
}

function object(parts: Parts, value: unknown): string {
  parts.objects.push(value);
  return `o${parts.objects.length - 1}`;
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
