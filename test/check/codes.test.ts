// Every issue code the core checks produce, on fixture files written for them, with exact locations.
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, report, scratch } from '../helpers.js';

const people = `${FIXTURES}/core/people.schema.json`;
const located = (issues: any[]) => issues.map((i) => [i.code, i.severity, i.row ?? null, i.line ?? null, i.column ?? null]);

describe('issue codes from a CSV file', async () => {
  const { code, report: r } = await report([`${FIXTURES}/core/all-codes.csv`, '-s', people]);
  const file = r.files[0];

  it('fails with exit code 1', () => expect(code).toBe(1));

  it('reports header problems once, on the header line', () => {
    expect(located(file.issues.filter((i: any) => i.code.startsWith('header-')))).toEqual([
      ['header-missing', 'error', null, 1, null],
      ['header-mismatch', 'warning', null, 1, 'NAME'],
      ['header-mismatch', 'warning', null, 1, 'Emial'],
      ['header-unknown', 'error', null, 1, 'extra'],
      ['header-blank', 'warning', null, 1, null],
      ['header-duplicate', 'error', null, 1, 'id'],
    ]);
    const mismatch = file.issues.find((i: any) => i.column === 'Emial');
    expect(mismatch).toMatchObject({ suggestion: 'email', field: 'email', columnIndex: 3 });
    expect(file.issues.find((i: any) => i.code === 'header-missing').message).toBe('The required column "joined" is missing, and no column of the file is close to it');
  });

  it("validates a near-miss column under the standard's name", () => {
    expect(file.issues.find((i: any) => i.code === 'value-format' && i.column === 'Emial')).toMatchObject({ row: 2, line: 3, field: 'email', value: 'nope' });
  });

  it('reports each cell problem with its code, row, line, column and value', () => {
    const cells = file.issues.filter((i: any) => i.row === 2);
    expect(cells.map((i: any) => [i.code, i.column, i.value])).toEqual([
      ['value-type', 'id', 'x'],
      ['value-length', 'NAME', 'Bartholomew Jones'],
      ['value-format', 'Emial', 'nope'],
      ['value-format', 'born', '1990-13-40'],
      ['value-enum', 'status', 'Active'],
      ['value-range', 'score', '150'],
      ['value-pattern', 'code', 'ab'],
      ['value-invalid', 'tags', 'a;a'],
    ]);
    expect(cells.map((i: any) => i.message)).toEqual([
      'id must be a whole number, but is "x"',
      'NAME must be at most 12 characters long, but it is 17 characters long',
      'Emial must be an email address, but is "nope"',
      'born must be a date written as YYYY-MM-DD, but is "1990-13-40"',
      'status must be one of "active", "inactive", but is "Active"',
      'score must be at most 100, but is 150',
      'code must match the pattern ^[A-Z]{3}$ (for example "ABC"), but is "ab"',
      'tags must not repeat items (items 1 and 2 are the same), but is "a;a"',
    ]);
    expect(cells.find((i: any) => i.code === 'value-enum')).toMatchObject({ hint: 'use the allowed spelling: active', fix: 'active' });
  });

  it('reports blank rows, ragged rows, missing values and rules over the record', () => {
    expect(located(file.issues.filter((i: any) => i.row >= 3))).toEqual([
      ['row-blank', 'warning', 3, 4, null],
      ['row-length', 'error', 4, 5, null],
      ['value-missing', 'error', 5, 6, 'NAME'],
      ['row-rule', 'error', 5, 6, 'left'],
    ]);
    expect(file.issues.find((i: any) => i.code === 'row-rule').message).toBe('When status is "inactive", left is required');
    expect(file.issues.find((i: any) => i.code === 'row-length').message).toBe('The row has 3 cells, but the header has 12');
  });

  it('counts rows, valid rows and issues by code', () => {
    expect(file).toMatchObject({ rows: 4, validRows: 0, invalidRows: 4, format: 'csv', encoding: 'utf-8', delimiter: ',' });
    expect(file.counts).toEqual({ error: 14, warning: 4, info: 0 });
  });
});

describe('rows and lines', () => {
  it('stay true with CRLF endings, quoted line breaks and blank lines', async () => {
    const { report: r } = await report([`${FIXTURES}/core/crlf-multiline.csv`, '-s', people]);
    const issues = r.files[0].issues;
    expect(located(issues)).toEqual([
      ['value-length', 'error', 1, 2, 'name'],
      ['row-blank', 'warning', 2, 4, null],
      ['value-length', 'error', 4, 6, 'name'],
      ['value-format', 'error', 4, 6, 'joined'],
    ]);
    expect(issues[0].value).toBe('Line one\r\nline two');
    expect(issues[2].value).toBe('a "quoted"\nvalue');
  });

  it('skip title lines above the header without shifting numbers', async () => {
    const { report: r } = await report([`${FIXTURES}/core/title-rows.csv`, '-s', people]);
    expect(located(r.files[0].issues)).toEqual([
      ['title-rows', 'warning', null, 1, null],
      ['value-missing', 'error', 2, 6, 'name'],
    ]);
    expect(r.files[0].issues[0].message).toBe('3 lines above the header were skipped (the first says "People export"); the header is on line 4');
  });
});

describe('malformed and empty files', () => {
  it('an unclosed quote is format-invalid at the line where the quote opened', async () => {
    const { report: r } = await report([`${FIXTURES}/core/unclosed-quote.csv`, '-s', people]);
    expect(located(r.files[0].issues)).toEqual([['format-invalid', 'error', null, 2, null]]);
  });

  it('an empty file and a header without records', async () => {
    const { report: r } = await report([`${FIXTURES}/core/empty.csv`, `${FIXTURES}/core/header-only.csv`, '-s', people]);
    expect(r.files.map((f: any) => f.issues.map((i: any) => [i.code, i.severity]))).toEqual([[['file-empty', 'error']], [['file-empty', 'warning']]]);
  });

  it('a missing file is file-unreadable, and the other files are still checked', async () => {
    const { code, report: r } = await report([`${FIXTURES}/core/no-such-file.csv`, `${FIXTURES}/core/title-rows.csv`, '-s', people]);
    expect(code).toBe(1);
    expect(r.files[0].issues[0]).toMatchObject({ code: 'file-unreadable', severity: 'error' });
    expect(r.files[1].rows).toBe(2);
  });

  it('a Windows-1252 file is read right and reported as not UTF-8', async () => {
    const { report: r } = await report([`${FIXTURES}/core/windows-1252.csv`, '-s', people]);
    expect(r.files[0].encoding).toBe('windows-1252');
    expect(r.files[0].issues.map((i: any) => i.code)).toEqual(['encoding-not-utf8']);
  });

  it('bytes that are not UTF-8 deep in a UTF-8 file are encoding-invalid with offset and line', async () => {
    const rows = Array.from({ length: 30000 }, (_, i) => `${i + 1},Café ${i},2024-01-01`).join('\n');
    const bytes = Buffer.concat([Buffer.from(`id,name,joined\n${rows}\n`), Buffer.from([0x39, 0x39, 0x2c, 0xff, 0x2c, 0x32, 0x0a])]);
    const dir = scratch({ 'deep.csv': bytes });
    const { report: r } = await report([`${dir}/deep.csv`, '-s', people]);
    const bad = r.files[0].issues.find((i: any) => i.code === 'encoding-invalid');
    expect(bad).toMatchObject({ line: 30002, offset: bytes.length - 4, count: 1 });
  });
});

describe('JSON and NDJSON', () => {
  it('validates JSON records as they are, with pointers and lines', async () => {
    const { report: r } = await report([`${FIXTURES}/core/people.json`, '-s', people]);
    expect(r.files[0].issues.map((i: any) => [i.code, i.row, i.line, i.pointer])).toEqual([
      ['value-type', 2, 3, '/1/id'],
      ['value-format', 2, 4, '/1/joined'],
      ['value-missing', 3, 5, '/2/name'],
      ['value-invalid', 3, 5, '/2/shoe'],
    ]);
    expect(r.files[0].issues[3].message).toBe('shoe is not a field the standard allows here');
  });

  it('reports a JSON syntax error in a record with its line', async () => {
    const { report: r } = await report([`${FIXTURES}/core/broken.json`, '-s', people]);
    expect(r.files[0].issues).toEqual([expect.objectContaining({ code: 'format-invalid', row: 2, line: 3, pointer: '/people/1' })]);
  });

  it('validates NDJSON record by record, numbering lines physically', async () => {
    const { report: r } = await report([`${FIXTURES}/core/people.ndjson`, '-s', people]);
    expect(r.files[0].rows).toBe(3);
    expect(r.files[0].issues.map((i: any) => [i.code, i.row, i.line, i.pointer])).toEqual([
      ['value-length', 2, 3, '/name'],
      ['value-missing', 3, 4, '/joined'],
    ]);
  });

  it('text after the end of the JSON value fails the file, in the first chunk read or a later one', async () => {
    const person = (k: number) => `{"id": ${k}, "name": "Person ${k}", "joined": "2024-01-01"}`;
    const records = Array.from({ length: 2000 }, (_, k) => person(k + 1));
    const long = `[\n${records.join(',\n')}\n]`;
    expect(Buffer.byteLength(long)).toBeGreaterThan(64 << 10);
    const dir = scratch({ 'two.json': `${person(1)} ${person(2)}\n`, 'long.json': `${long}\nx\n`, 'clean.json': `${long}\n\n` });
    const { code, report: r } = await report([`${dir}/two.json`, `${dir}/long.json`, `${dir}/clean.json`, '-s', people]);
    expect(code).toBe(1);
    const trailing = (file: any) => file.issues.map((i: any) => [i.code, i.line, i.message.includes('there is more text after the end of the JSON value')]);
    expect(trailing(r.files[0])).toEqual([['format-invalid', 1, true]]);
    expect(trailing(r.files[1])).toEqual([['format-invalid', 2003, true]]);
    expect(r.files.map((f: any) => f.passed)).toEqual([false, false, true]);
  });

  it('reads standard input', async () => {
    const { report: r } = await report(['-', '-s', people, '--input-format', 'csv'], { stdin: 'id,name,joined\n1,Ann,2024-01-01\n' });
    expect(r.files[0]).toMatchObject({ path: '<stdin>', rows: 1, passed: true });
  });
});

describe('JSON Schema drafts', () => {
  it.each([
    ['draft-04', ['value-length 2', 'value-range 2', 'header-unknown -']],
    ['draft-07', ['value-length 2', 'value-range 2', 'header-unknown -']],
    ['draft-2019-09', ['value-length 2', 'value-range 2', 'row-rule 3']],
  ])('%s is validated by its own rules', async (draft, expected) => {
    const { report: r } = await report([`${FIXTURES}/core/drafts.csv`, '-s', `${FIXTURES}/core/${draft}.schema.json`]);
    expect(r.files[0].issues.map((i: any) => `${i.code} ${i.row ?? '-'}`).sort()).toEqual([...expected].sort());
  });

  it('2020-12 is the default when a schema has no $schema', async () => {
    const dir = scratch({
      's.json': JSON.stringify({ type: 'object', properties: { a: { type: 'integer' }, b: { type: 'string' } }, dependentRequired: { a: ['b'] } }),
      'd.csv': 'a,b\n1,\n',
    });
    const { report: r } = await report([`${dir}/d.csv`, '-s', `${dir}/s.json`]);
    expect(r.files[0].issues.map((i: any) => i.code)).toEqual(['row-rule']);
  });
});

describe('exit codes', () => {
  it('0 when every file passes, 1 when one fails', async () => {
    expect((await cli(['validate', `${FIXTURES}/core/people.ndjson`, '-s', people, '--fail-on', 'never'])).code).toBe(0);
    expect((await cli(['validate', `${FIXTURES}/core/people.ndjson`, '-s', people])).code).toBe(1);
  });

  it('--fail-on warning fails on warnings', async () => {
    const args = ['validate', `${FIXTURES}/core/windows-1252.csv`, '-s', people];
    expect((await cli(args)).code).toBe(0);
    expect((await cli([...args, '--fail-on', 'warning'])).code).toBe(1);
  });

  it.each([
    [['validate', '-'], /Standard input needs a standard/],
    [['validate', '-s', people], /No files given/],
    [['validate', 'x.csv', '-s', 'no-such-standard'], /Unknown standard "no-such-standard"/],
    [['validate', 'x.csv', '-s', people, '--fail-on', 'sometimes'], /--fail-on must be one of/],
    [['validate', 'x.csv', '-s', people, '--max-issues', '-1'], /--max-issues must be a whole number/],
    [['validate', 'x.csv', '-s', people, '--format', 'pdf'], /unknown format "pdf"/],
    [['validate', 'x.csv', '-s', people, '--delimiter', 'x'], /--delimiter must be one of/],
    [['validate', 'x.csv', '-s', people, '--encoding', 'klingon'], /not an encoding conform knows/],
    [['validate', 'x.csv', '-s', `${FIXTURES}/core/bad-json.schema.json`], /bad-json\.schema\.json is not valid JSON: .*\(line 1, column 62\)/],
    [['validate', 'x.csv', '-s', `${FIXTURES}/core/bad-type.schema.json`], /not a valid draft-07 JSON Schema: at \/properties\/a\/type/],
    [['validate', '--no-such-flag'], /unknown option/],
  ])('2 with a one-line message for %j', async (argv, message) => {
    const { code, stderr, stdout } = await cli(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
  });
});

describe('what JSON Schema ignores, conform warns of and does not refuse', () => {
  it('an unknown keyword is a note in the report, with where it is and the keyword it is near', async () => {
    const dir = scratch({ 'x.csv': 'a\nabcdef\n' });
    const { code, report: r } = await report([`${dir}/x.csv`, '-s', `${FIXTURES}/core/unknown-keyword.schema.json`]);
    expect(code).toBe(0);
    const notes = r.files[0].issues.filter((i: any) => i.code === 'standard-warning');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: 'info' });
    expect(notes[0].message).toContain('"maxLenght" at /properties/a/maxLenght');
    expect(notes[0].message).toContain('did you mean "maxLength"?');
  });

  it('an unknown format is accepted as JSON Schema accepts it, and warned of', async () => {
    const dir = scratch({
      's.json': JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { a: { type: 'string', format: 'uk-postcode' } } }),
      'x.csv': 'a\nSW1A 1AA\n',
    });
    const { code, report: r } = await report([`${dir}/x.csv`, '-s', `${dir}/s.json`]);
    expect(code).toBe(0);
    expect(r.files[0].issues.map((i: any) => i.code)).toEqual(['standard-warning']);
    expect(r.files[0].issues[0].message).toContain('"uk-postcode"');
  });
});

describe('--max-issues', () => {
  it('keeps the counts true past the cap and says how many were dropped', async () => {
    const { report: r } = await report([`${FIXTURES}/core/all-codes.csv`, '-s', people, '--max-issues', '2']);
    const file = r.files[0];
    expect(file.counts.error + file.counts.warning).toBe(18);
    const rowIssues = file.issues.filter((i: any) => i.row !== undefined && i.endRow === undefined);
    expect(rowIssues).toHaveLength(2);
    expect(file.truncated).toBe(10);
  });
});
