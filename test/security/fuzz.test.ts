// Property-based tests of every reader and of cell typing: random bytes, random CSV dialects, truncated
// files, random JSON. Every run ends with a report (never an exception or a hang), and a file that was
// not read never gets a passing verdict. The seed is printed so any failure can be replayed with
// CONFORM_SEED=<seed>; `npm test` runs a quick budget, CI (CONFORM_FULL_TESTS=1) a larger one.
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CellChecker } from '../../src/check/cells.js';
import { loadStandardFile, validate, type Standard } from '../../src/index.js';
import { FIXTURES, scratch } from '../helpers.js';

const FULL = process.env.CONFORM_FULL_TESTS === '1';
const RUNS = FULL ? 800 : 120;
/** The larger budget shares two cores with the rest of the suite: time enough for it. */
const TIMEOUT = FULL ? 600_000 : 60_000;
const SEED = Number(process.env.CONFORM_SEED ?? 20261125);
console.log(`fuzz: seed ${SEED}, ${RUNS} runs per property (replay with CONFORM_SEED=${SEED})`);

let people: Standard;
const dir = scratch();
let n = 0;

beforeAll(async () => {
  people = await loadStandardFile(`${FIXTURES}/core/people.schema.json`);
});

/** Validate these bytes as a file with this name; the report must come back whatever the bytes are. */
async function check(name: string, bytes: Uint8Array | string) {
  const path = `${dir}/${n++}-${name}`;
  writeFileSync(path, bytes);
  const report = await validate([path], { standard: people, maxIssues: 50 });
  const file = report.files[0]!;
  expect(file.rows).toBeGreaterThanOrEqual(0);
  expect(file.counts.error + file.counts.warning + file.counts.info).toBe(Object.values(file.byCode).reduce((a, b) => a + (b ?? 0), 0));
  return file;
}

const settings = () => ({ numRuns: RUNS, seed: SEED, endOnFailure: true });

describe('readers under random input', { timeout: TIMEOUT }, () => {
  it('random bytes as CSV, JSON and NDJSON: always a report; unreadable files never pass', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('x.csv', 'x.json', 'x.ndjson'), async (bytes, name) => {
        const file = await check(name, bytes);
        const unread = file.byCode['format-invalid'] || file.byCode['file-empty'] || file.byCode['file-unreadable'];
        if (unread) expect(file.passed).toBe(false);
      }),
      settings(),
    );
  });

  it('random CSV in random dialects: always a report, every record counted or reported', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', ';', '\t', '|', '"', '\n', '\r', 'é', '£'), maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 20 }),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        async (records, delimiter, eol, quoteAll) => {
          const quote = (c: string) => (quoteAll || /[",;\t|\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
          const text = ['id', 'name', 'joined'].join(delimiter) + eol + records.map((r) => r.map(quote).join(delimiter)).join(eol);
          const file = await check('dialect.csv', text);
          // Every record after the header is a row, a blank row, or part of a reported problem.
          expect(file.rows).toBeLessThanOrEqual(records.length);
        },
      ),
      settings(),
    );
  });

  it('truncated files: a cut JSON file is never valid, a cut CSV file is still read', async () => {
    const json = JSON.stringify(
      [
        { id: 1, name: 'Ann', joined: '2024-01-01' },
        { id: 2, name: 'Bo', joined: '2024-01-02' },
      ],
      null,
      1,
    );
    const csv = 'id,name,joined\n1,"Ann\nSmith",2024-01-01\n2,Bo,2024-01-02\n';
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: json.length - 2 }), fc.nat({ max: csv.length }), async (cutJson, cutCsv) => {
        const cut = await check('cut.json', json.slice(0, cutJson));
        expect(cut.passed).toBe(false);
        await check('cut.csv', csv.slice(0, cutCsv));
      }),
      settings(),
    );
  });

  it('random JSON values as JSON and NDJSON: always a report', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json({ maxDepth: 6 }), async (text) => {
        await check('v.json', text);
        await check('v.ndjson', `${text}\n${text}\n`);
      }),
      settings(),
    );
  });
});

describe('cell typing under random text', { timeout: TIMEOUT }, () => {
  it('every kind of field takes any text without throwing, and typing is stable', async () => {
    const schemaFor = (type: string) => ({
      type: 'object',
      properties: {
        v: type === 'array' ? { type: 'array', items: { type: 'integer' }, 'x-separator': '|' } : type === 'pattern' ? { type: 'string', pattern: '^(a+)+$' } : { type },
      },
    });
    const dirs = scratch(Object.fromEntries(['string', 'number', 'integer', 'boolean', 'array', 'object', 'pattern'].map((t) => [`${t}.json`, JSON.stringify(schemaFor(t))])));
    const checkers = await Promise.all(
      ['string', 'number', 'integer', 'boolean', 'array', 'object', 'pattern'].map(async (t) => {
        const standard = await loadStandardFile(`${dirs}/${t}.json`);
        return new CellChecker(standard.fields[0]!, standard, () => 'error');
      }),
    );
    await fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        for (const checker of checkers) {
          const first = checker.check(text);
          const summary = JSON.stringify({ value: first.value, codes: first.findings?.map((f) => f.code) });
          const again = checker.check(text);
          expect(JSON.stringify({ value: again.value, codes: again.findings?.map((f) => f.code) })).toBe(summary);
        }
      }),
      { numRuns: RUNS * 10, seed: SEED },
    );
  });
});
