// A file with more keys than the key table holds (131,072) has its keys written to disk, and some
// duplicates are found only when the runs on disk are merged, where key texts are not kept. Their values
// are read from their lines again, so the report names them as it names any other duplicate: the same
// message, value and places whatever the file's size, format or number of threads.
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/types.js';
import { validate } from '../../src/validate.js';
import { tree } from '../batch/make-data.js';

const KEYS = 140_000;

const schema = JSON.stringify({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  'x-primaryKey': ['code', 'id'],
  properties: { code: { type: 'string' }, id: { type: 'string' }, name: { type: 'string' } },
  required: ['code', 'id'],
});

/** Rows 1..KEYS with keys (A, K0)…; then a repeat of row 6's key (its run is on disk by then) and of the last row's. */
function records(): Array<{ code: string; id: string; name: string }> {
  const rows = Array.from({ length: KEYS }, (_, i) => ({ code: 'A', id: `K${i}`, name: `row ${i + 1}` }));
  rows.push({ code: 'A', id: 'K5', name: 'again' }, { code: 'A', id: `K${KEYS - 1}`, name: 'again' });
  return rows;
}

function files() {
  const rows = records();
  return tree({
    'schema.json': schema,
    // A title line above the header, and a cell across two lines: lines and rows differ.
    'data.csv': 'Keys of a test\ncode,id,name\n' + rows.map((r, i) => (i === 2 ? `${r.code},${r.id},"two\nlines"` : `${r.code},${r.id},${r.name}`)).join('\n') + '\n',
    'data.ndjson': rows.map((r) => JSON.stringify(r)).join('\n') + '\n',
    'data.json': JSON.stringify(rows, null, 2),
  });
}

const duplicates = (issues: Issue[]) =>
  issues.filter((i) => i.code === 'key-duplicate').map(({ message, row, line, value, firstRow, firstLine }) => ({ message, row, line, value, firstRow, firstLine }));

describe('duplicate keys found when the keys on disk are merged', () => {
  const dir = files();
  const check = async (name: string, options: { threads?: number } = {}) => {
    const report = await validate([join(dir, name)], { standard: { path: join(dir, 'schema.json') }, partsFrom: 0, partSize: 1 << 20, ...options });
    return duplicates(report.files[0]!.issues);
  };

  it('are reported with their value, in CSV', async () => {
    expect(await check('data.csv')).toEqual([
      // Row r starts on line r + 2 up to row 3, which takes two lines; then on line r + 3.
      { message: 'code + id "A, K5" is used more than once (first in row 6, line 9)', row: KEYS + 1, line: KEYS + 4, value: 'A, K5', firstRow: 6, firstLine: 9 },
      {
        message: `code + id "A, K${KEYS - 1}" is used more than once (first in row ${KEYS}, line ${KEYS + 3})`,
        row: KEYS + 2,
        line: KEYS + 5,
        value: `A, K${KEYS - 1}`,
        firstRow: KEYS,
        firstLine: KEYS + 3,
      },
    ]);
  });

  it('have their fields in the order of a duplicate found at once', async () => {
    const report = await validate([join(dir, 'data.csv')], { standard: { path: join(dir, 'schema.json') } });
    // Row 6's key had gone to disk; the last row's was still in memory (so it has its value on standard input too).
    const [late, atOnce] = report.files[0]!.issues.filter((i) => i.code === 'key-duplicate');
    expect(Object.keys(late!)).toEqual(Object.keys(atOnce!));
  });

  it('are reported with their value, in NDJSON and in a JSON array', async () => {
    const ndjson = await check('data.ndjson');
    expect(ndjson.map((d) => d.value)).toEqual(['A, K5', `A, K${KEYS - 1}`]);
    expect(ndjson[0]).toMatchObject({ row: KEYS + 1, line: KEYS + 1, firstRow: 6, firstLine: 6 });
    const json = await check('data.json');
    expect(json.map((d) => d.value)).toEqual(['A, K5', `A, K${KEYS - 1}`]);
    // Each record of the pretty-printed array starts on its own line: five lines a record, after "[".
    expect(json[0]).toMatchObject({ row: KEYS + 1, line: 2 + 5 * KEYS, firstRow: 6, firstLine: 2 + 5 * 5 });
    expect(json[0]!.message).toBe('code + id "A, K5" is used more than once (first in row 6, line 27)');
  });

  it('are read again in the encoding the file was read in', async () => {
    // Windows-1252, as Excel writes a CSV: é is one byte, not valid UTF-8.
    const text =
      'code,id\n' +
      records()
        .map((r) => `${r.code},Café ${r.id}`)
        .join('\r\n') +
      '\r\n';
    const windows = tree({ 'schema.json': schema, 'data.csv': Buffer.from(text, 'latin1') });
    const report = await validate([join(windows, 'data.csv')], { standard: { path: join(windows, 'schema.json') } });
    expect(duplicates(report.files[0]!.issues).map((d) => d.message)[0]).toBe('code + id "A, Café K5" is used more than once (first in row 6, line 7)');
  });

  it('are the same checked in parts on two threads', async () => {
    expect(await check('data.csv', { threads: 2 })).toEqual(await check('data.csv'));
    expect(await check('data.ndjson', { threads: 2 })).toEqual(await check('data.ndjson'));
  });

  it('keep no value when the data came from standard input, which cannot be read again', async () => {
    const report = await validate(['-'], {
      standard: { path: join(dir, 'schema.json') },
      inputFormat: 'ndjson',
      stdin: Readable.from([
        records()
          .map((r) => JSON.stringify(r))
          .join('\n'),
      ]),
    });
    const found = duplicates(report.files[0]!.issues);
    expect(found[0]).toMatchObject({ message: 'This code + id value is used more than once (first in row 6, line 6)', value: undefined });
    expect(found[1]!.value).toBe(`A, K${KEYS - 1}`);
  });
});
