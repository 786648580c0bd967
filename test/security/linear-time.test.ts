// Hostile input is read in time linear in its size and in bounded memory: long JSON and NDJSON records,
// records with very many fields, and near-misses against a very long code list. Timing is asserted as
// growth, not wall time (see growth.ts); CI (CONFORM_FULL_TESTS=1) runs the larger sizes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodeSuggester, INDEXED_FROM, nearestCodes } from '../../src/standards/code-suggestions.js';
import { JsonRecordSplitter, SKIPPED_RECORD } from '../../src/sources/json-records.js';
import { MAX_RECORD_CHARS, NdjsonLines } from '../../src/sources/ndjson-lines.js';
import { MAX_RECORD_PROPERTIES, tooManyProperties } from '../../src/sources/record-properties.js';
import { report, scratch } from '../helpers.js';
import { FULL, growth, LINEAR_GROWTH } from './growth.js';

const SEED = Number(process.env.CONFORM_SEED ?? 20261205);

/** `text` in chunks of 64 KB, as files are read. */
function chunksOf(text: string, size = 64 << 10): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += size) out.push(text.slice(at, at + size));
  return out;
}

describe('long records', () => {
  const record = (n: number) => `{"id":"1","note":"${'x'.repeat(n)}"}`;

  it('an NDJSON line is read in time linear in its length', () => {
    const make = (n: number) => {
      const chunks = chunksOf(`{"id":"0"}\n${record(n)}\n{"id":"2"}\n`);
      return () => {
        let longest = 0;
        const lines = new NdjsonLines(
          1,
          (r) => (longest = Math.max(longest, r.length)),
          () => {},
        );
        for (const c of chunks) lines.push(c);
        lines.end();
        expect(longest).toBe(n + 20);
      };
    };
    expect(growth(make, FULL ? 2 << 20 : 512 << 10)).toBeLessThan(LINEAR_GROWTH);
  });

  it('a JSON array element is read in time linear in its length', () => {
    const make = (n: number) => {
      const chunks = chunksOf(`[{"id":"0"},\n${record(n)},{"id":"2"}]`);
      return () => {
        const splitter = new JsonRecordSplitter();
        let count = 0;
        for (const c of chunks) count += splitter.push(c).texts.length;
        expect(count).toBe(3);
      };
    };
    expect(growth(make, FULL ? 2 << 20 : 512 << 10)).toBeLessThan(LINEAR_GROWTH);
  });

  it('a string split anywhere between chunks, escapes and all, gives the same records', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '\\\\', '\\"', '"', '{', '}', '[', ']', ',', '\n'), { maxLength: 30 }), fc.integer({ min: 1, max: 7 }), (parts, size) => {
        const text = `[{"k":${JSON.stringify(parts.join(''))}},{"k":"\\\\"},{"k":"\\""}]`;
        const whole = new JsonRecordSplitter().push(text).texts;
        const splitter = new JsonRecordSplitter();
        const pieces = chunksOf(text, size).flatMap((c) => splitter.push(c).texts);
        expect(pieces).toEqual(whole);
        expect(whole.map((t) => JSON.parse(t))).toEqual(JSON.parse(text));
      }),
      { numRuns: FULL ? 2000 : 200, seed: SEED },
    );
  });

  it('a record longer than the limit is skipped and reported by its line; the lines after it are read', () => {
    const records: Array<[string, number]> = [];
    const tooLong: number[] = [];
    const lines = new NdjsonLines(
      1,
      (r, line) => records.push([r, line]),
      (line) => tooLong.push(line),
      { limit: 100 },
    );
    for (const c of chunksOf(`{"a":1}\n{"b":"${'x'.repeat(300)}"}\n{"c":3}`, 7)) lines.push(c);
    lines.end();
    expect(tooLong).toEqual([2]);
    expect(records).toEqual([
      ['{"a":1}', 1],
      ['{"c":3}', 3],
    ]);
    const splitter = new JsonRecordSplitter(100);
    const texts = chunksOf(`[{"a":1},\n{"b":"${'x'.repeat(300)}"},\n{"c":3}]`, 7).flatMap((c) => splitter.push(c).texts);
    expect(texts).toEqual(['{"a":1}', SKIPPED_RECORD, '{"c":3}']);
    expect(MAX_RECORD_CHARS).toBe(64 << 20);
  });

  it.skipIf(!FULL)(
    'a 70 MB NDJSON line and JSON element get one issue naming the line and the limit, and the rest is checked',
    async () => {
      const big = `{"id":"2","note":"${'x'.repeat(70 << 20)}"}`;
      const schema = JSON.stringify({ type: 'object', properties: { id: { type: 'string' } }, required: ['id'] });
      const dir = scratch({ 's.json': schema, 'f.ndjson': `{"id":"1"}\n${big}\n{"note":"no id"}\n`, 'f.json': `[{"id":"1"},\n${big},\n{"note":"no id"}]` });
      for (const [file, jobs] of [
        ['f.ndjson', '1'],
        ['f.ndjson', '2'],
        ['f.json', '1'],
      ] as const) {
        const { report: r } = await report([`${dir}/${file}`, '--standard', `${dir}/s.json`, '--jobs', jobs]);
        const issues = r.files[0].issues.map((i: { code: string; row: number; line: number; message: string }) => [i.code, i.row, i.line]);
        expect(issues, `${file} --jobs ${jobs}`).toEqual([
          ['format-invalid', 2, 2],
          ['value-missing', 3, 3],
        ]);
        expect(r.files[0].issues[0].message).toMatch(/line 2 is longer than 64 MB, so it was skipped \(the rest of the file was checked\)/);
      }
    },
    120_000,
  );
});

describe('records with very many fields', () => {
  it('are counted in one pass over the text, before they are parsed, only when long enough', () => {
    const keys = (n: number) => `{${Array.from({ length: n }, (_, i) => `"k${i}":{"":0}`).join(',')}}`;
    expect(tooManyProperties(keys(10))).toBe(false);
    expect(tooManyProperties(keys(MAX_RECORD_PROPERTIES / 2))).toBe(false);
    // Nested objects' fields count too; a colon inside a string does not.
    expect(tooManyProperties(keys(MAX_RECORD_PROPERTIES / 2 + 1))).toBe(true);
    expect(tooManyProperties(`{"k":"${':'.repeat(MAX_RECORD_PROPERTIES * 6)}"}`)).toBe(false);
    expect(
      growth(
        (n) => {
          const text = keys(n);
          return () => void tooManyProperties(text, Infinity);
        },
        FULL ? 100_000 : 20_000,
      ),
    ).toBeLessThan(LINEAR_GROWTH);
  });

  it('get one issue and are not checked; the other records are', async () => {
    const many = `{"id":"1",${Array.from({ length: MAX_RECORD_PROPERTIES + 1 }, (_, i) => `"k${i}":0`).join(',')}}`;
    const schema = JSON.stringify({ type: 'object', properties: { id: { type: 'string' } }, required: ['id'], additionalProperties: false });
    const dir = scratch({ 's.json': schema, 'f.ndjson': `{"id":"0"}\n${many}\n{"note":"x"}\n` });
    const { report: r } = await report([`${dir}/f.ndjson`, '--standard', `${dir}/s.json`]);
    const issues = r.files[0].issues;
    expect(issues.filter((i: { code: string }) => i.code === 'format-invalid')).toHaveLength(1);
    expect(issues[0].message).toMatch(/more than 100,000 fields/);
    expect(issues[0].line).toBe(2);
    expect(issues.some((i: { code: string; row: number }) => i.code === 'value-missing' && i.row === 3)).toBe(true);
    expect(issues.length).toBeLessThan(5);
  });
});

describe('code-list suggestions', () => {
  /** Codes shaped like GSS codes, and words. */
  const gss = (n: number) => Array.from({ length: n }, (_, i) => `E${String(1_000_000 + ((i * 7919) % 8_999_999)).padStart(8, '0')}`);

  it('keep the same suggestions on lists under INDEXED_FROM codes', () => {
    const codes = ['Cash', 'Card', 'Cheque', 'BACS', 'CHAPS', 'Direct Debit', 'E06000001', 'E06000002', 'e06000002'];
    for (const value of ['cash', 'Crd', 'Cheq', 'bacs', 'Direct Debt', 'E0600001', 'E06000003', 'nothing like it']) {
      expect(new CodeSuggester(codes).nearest(value)).toEqual(nearestCodes(value, codes));
    }
    expect(new CodeSuggester(codes).nearest('Crd')).toEqual(['Card']);
  });

  it('on a long list, suggest the same code in another case, else the codes one edit away, the earlier first', () => {
    const codes = gss(INDEXED_FROM);
    const suggester = new CodeSuggester(codes);
    fc.assert(
      fc.property(fc.nat(codes.length - 1), fc.nat(9), fc.constantFrom('drop', 'change', 'add', 'case'), (k, at, edit) => {
        const code = codes[k]!;
        const value =
          edit === 'case' ? code.toLowerCase() : edit === 'drop' ? code.slice(0, at) + code.slice(at + 1) : code.slice(0, at) + '7' + code.slice(edit === 'change' ? at + 1 : at);
        const lower = value.toLowerCase();
        const same = codes.filter((c) => c.toLowerCase() === lower);
        const expected = same.length ? same.slice(0, 3) : codes.filter((c) => oneEdit(lower, c.toLowerCase())).slice(0, 3);
        expect(suggester.nearest(value)).toEqual(expected);
      }),
      { numRuns: FULL ? 2000 : 200, seed: SEED },
    );
  });

  it('take time that does not grow with the list', () => {
    const make = (n: number) => {
      const codes = gss(n);
      const suggester = new CodeSuggester(codes);
      suggester.nearest('E1'); // the index is built before timing
      const values = Array.from({ length: 300 }, (_, i) => `${codes[(i * 31) % n]!.slice(0, 5)}x${codes[(i * 31) % n]!.slice(6)}${i}`);
      return () => {
        for (const v of values) suggester.nearest(v);
        suggester['remembered'].clear();
      };
    };
    // 16 times the codes: at most a few times the time (a larger index falls out of the caches), where
    // comparing with every code took 16 times as long.
    expect(growth(make, FULL ? 25_000 : INDEXED_FROM, 3)).toBeLessThan(8);
  });
});

/** Whether a and b are one insertion, deletion or substitution apart. */
function oneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i + (a.length >= b.length ? 1 : 0)) === b.slice(i + (b.length >= a.length ? 1 : 0));
}
