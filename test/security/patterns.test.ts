// Patterns give ECMAScript's verdict on whichever engine runs them, and every pattern is decided in time
// linear in the cell. The differential test prints its seed (replay with CONFORM_SEED=<seed>); `npm test`
// runs a quick budget, CI (CONFORM_FULL_TESTS=1) a larger one.
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../src/standards/ajv.js';
import { engineFor, re2RegExp, safeRegExp } from '../../src/standards/safe-regexp.js';
import { growth, LINEAR_GROWTH } from './growth.js';

const FULL = process.env.CONFORM_FULL_TESTS === '1';
const RUNS = FULL ? 3000 : 300;
const SEED = Number(process.env.CONFORM_SEED ?? 20261205);
console.log(`patterns: seed ${SEED}, ${RUNS} runs (replay with CONFORM_SEED=${SEED})`);

// Characters where ECMAScript and RE2 disagree unless translated: line terminators, Unicode spaces, a BOM,
// an astral character, a lone surrogate, word and non-word characters.
const CHARS = [
  'a',
  'b',
  'Z',
  '0',
  '_',
  ' ',
  '\t',
  '\v',
  '\n',
  '\r',
  '\u00a0',
  '\u1680',
  '\u2003',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u3000',
  '\ufeff',
  '\u{1F600}',
  '\ud800',
  'é',
  '-',
  '.',
];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 10 }).map((cs) => cs.join(''));

const ATOMS = [
  'a',
  'b',
  '0',
  ' ',
  '.',
  '\\s',
  '\\S',
  '\\d',
  '\\D',
  '\\w',
  '\\W',
  '\\n',
  '\\r',
  '\\u00a0',
  '\\u{1F600}',
  '[a-z]',
  '[^a ]',
  '[\\s\\d]',
  '[^\\s]',
  '[^]',
  '[]',
  '\\p{L}',
  '\\P{Lu}',
  '\\p{Zs}',
  '[\\u2000-\\u200a]',
  '[\\-a]',
  '\\.',
  'é',
];
const ASSERTS = ['^', '$', '\\b', '\\B'];
const QUANTS = ['', '', '?', '*', '+', '{2}', '{1,3}', '{0,}', '*?', '+?'];
const pattern: fc.Arbitrary<string> = fc
  .letrec((tie) => ({
    atom: fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...ATOMS) },
      { weight: 1, arbitrary: fc.constantFrom(...ASSERTS) },
      { weight: 1, arbitrary: tie('alt').map((p) => `(${p})`) },
      { weight: 1, arbitrary: tie('alt').map((p) => `(?:${p})`) },
    ),
    term: fc.tuple(tie('atom') as fc.Arbitrary<string>, fc.constantFrom(...QUANTS)).map(([a, q]) => (ASSERTS.includes(a) ? a : a + q)),
    seq: fc.array(tie('term') as fc.Arbitrary<string>, { minLength: 1, maxLength: 4 }).map((t) => t.join('')),
    alt: fc.array(tie('seq') as fc.Arbitrary<string>, { minLength: 1, maxLength: 2 }).map((t) => t.join('|')),
  }))
  .alt.filter((p) => p.length <= 32) as fc.Arbitrary<string>;
// (Short patterns: the reference engine itself backtracks without end on long nested ones.)

describe('pattern semantics', () => {
  it('RE2 gives ECMAScript’s verdict on generated patterns and strings', () => {
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 6 }), (p, texts) => {
        if (process.env.CONFORM_TRACE) writeFileSync('/tmp/lastpat', p);
        const js = new RegExp(p, 'u');
        const re2 = re2RegExp(p);
        const chosen = safeRegExp(p, 'u');
        for (const t of texts) {
          expect(re2.test(t), `${JSON.stringify(p)} on ${JSON.stringify(t)}`).toBe(js.test(t));
          expect(chosen.test(t)).toBe(js.test(t));
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it.each([
    ['^\\s$', '\u00a0', true],
    ['^\\s$', '\ufeff', true],
    ['^\\s$', '\u2028', true],
    ['^\\s$', '\u3000', true],
    ['^\\S$', '\u00a0', false],
    ['^.$', '\r', false],
    ['^.$', '\u2028', false],
    ['^.$', '\u{1F600}', true],
    ['a$', 'a\n', false],
    ['^\\w+$', 'é', false],
  ])('%j on %j is %s, on RE2 as natively', (p, t, expected) => {
    expect(new RegExp(p, 'u').test(t)).toBe(expected);
    expect(re2RegExp(p).test(t)).toBe(expected);
    // Forced onto RE2 by a shape that is not provably linear.
    expect(safeRegExp(`(?:${p})|(x+)+y`, 'u').test(t)).toBe(expected);
  });
});

/** Nanoseconds per character to test `text`, the better of two runs. */
function perChar(re: { test(t: string): boolean }, t: string): number {
  let best = Infinity;
  for (let k = 0; k < 2; k++) {
    const start = process.hrtime.bigint();
    re.test(t);
    best = Math.min(best, Number(process.hrtime.bigint() - start));
  }
  return best / t.length;
}

// A linear engine takes well under 1 µs a character; a quadratic one on these lengths takes tens.
const BOUND_NS = 2000;

describe('the backtracking guard', () => {
  it.each([
    ['^(a+)+$', 'a'.repeat(50_000) + '!'],
    ['(a?a?)+b', 'a'.repeat(100_000)],
    ['^(a?a?)+$', 'a'.repeat(100_000) + '!'],
    ['a*a*a*a*b', 'a'.repeat(100_000)],
    ['^a*a*a*a*$', 'a'.repeat(100_000) + '!'],
    ['\\s+$', ' '.repeat(300_000) + 'x'],
    ['^[a-z]+[a-z]+x$', 'a'.repeat(100_000)],
    ['^.*x.*y$', 'x'.repeat(100_000)],
    ['(\\w+\\s?)+$', 'word '.repeat(20_000) + '!'],
  ])('%j runs on RE2 and is decided in linear time', (p, t) => {
    expect(engineFor(p)).toBe('re2');
    expect(perChar(safeRegExp(p, 'u'), t)).toBeLessThan(BOUND_NS);
    // The same, as growth: 16 times the text, at most about 16 times the time.
    const re = safeRegExp(p, 'u');
    const body = t.slice(0, -1);
    const tail = t.slice(-1);
    expect(
      growth(
        (n) => {
          const text = body.slice(0, n) + tail;
          return () => void re.test(text);
        },
        Math.floor(body.length / 16),
      ),
    ).toBeLessThan(LINEAR_GROWTH);
  });

  // ajv compiles pattern, patternProperties and propertyNames (a pattern on names) through safeRegExp,
  // the factory it is given; the whole-record check of CSV rows and each cell's check use ajv's.
  it.each([
    ['pattern', { type: 'object', properties: { v: { type: 'string', pattern: '\\s+$' } } }, (n: number) => ({ v: ' '.repeat(n) + 'x' })],
    ['pattern', { type: 'object', properties: { v: { type: 'string', pattern: '(a?a?)+b' } } }, (n: number) => ({ v: 'a'.repeat(n) })],
    ['patternProperties', { type: 'object', patternProperties: { 'a*a*a*a*b': { type: 'string' } }, additionalProperties: false }, (n: number) => ({ ['a'.repeat(n)]: 1 })],
    ['propertyNames', { type: 'object', propertyNames: { pattern: '^(a+)+$' } }, (n: number) => ({ ['a'.repeat(n) + '!']: 1 })],
  ])('%s in a standard is decided in linear time (%j)', (_keyword, schema, data) => {
    const validate = createAjv('2020-12').compile(schema);
    expect(validate(data(1000))).toBe(false);
    expect(
      growth((n) => {
        const value = data(n);
        return () => void validate(value);
      }, 20_000),
    ).toBeLessThan(LINEAR_GROWTH);
  });

  it.each([
    '^[a-z][a-z0-9-]*:[^\\s:]+$',
    '^(0[1-9]|[12][0-9]|3[01])/(0[1-9]|1[0-2])/[12][0-9]{3}$',
    '^\\s*POINT\\s*\\(\\s*-?\\d+(?:\\.\\d+)?\\s+-?\\d+(?:\\.\\d+)?\\s*\\)\\s*$',
    '^[A-Z]{2}[0-9]{6}$',
    '^(?!.*  ).*$',
  ])('%j is proven linear and runs natively, in linear time', (p) => {
    expect(engineFor(p)).toBe('native');
    for (const t of ['a'.repeat(200_000), ' '.repeat(200_000) + 'x', 'POINT(' + '1'.repeat(200_000)]) {
      expect(perChar(safeRegExp(p, 'u'), t)).toBeLessThan(BOUND_NS);
    }
  });

  it('every generated pattern the guard runs natively is linear on pumped strings', () => {
    fc.assert(
      fc.property(pattern, fc.constantFrom('a', ' ', '0', 'ab', 'a ', '\u00a0'), fc.constantFrom('', '!', '\n', 'b'), (p, pump, tail) => {
        const re = safeRegExp(p, 'u');
        const t = pump.repeat(Math.ceil(20_000 / pump.length)) + tail;
        expect(perChar(re, t), `${JSON.stringify(p)} on ${JSON.stringify(pump)}…${JSON.stringify(tail)}`).toBeLessThan(BOUND_NS * 5);
      }),
      { numRuns: FULL ? 1000 : 100, seed: SEED },
    );
  });

  it('a back-reference in a pattern that is not provably linear is refused, naming it', () => {
    expect(() => safeRegExp('^(a+)+\\1$', 'u')).toThrow(/the pattern "\^\(a\+\)\+\\\\1\$" could take more than linear time.*a back-reference/);
    // A bounded back-reference is linear, and runs natively.
    expect(safeRegExp('^(ab)\\1$', 'u').test('abab')).toBe(true);
  });
});
