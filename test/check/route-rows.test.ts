// --valid-rows / --invalid-rows: every record lands in exactly one of the two files, in the input's format.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, scratch } from '../helpers.js';

const people = `${FIXTURES}/core/people.schema.json`;

describe('valid and invalid row files', () => {
  it('split a CSV file (title lines, blank rows, quoted line breaks) so that each record is in one file', async () => {
    const dir = scratch();
    const input = `${FIXTURES}/core/crlf-multiline.csv`;
    const { code } = await cli(['validate', input, '-s', people, '--valid-rows', `${dir}/ok.csv`, '--invalid-rows', `${dir}/bad.csv`]);
    expect(code).toBe(1);
    const read = (f: string) => parse(readFileSync(f), { relax_column_count: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n'] }) as string[][];
    const original = read(input);
    const ok = read(`${dir}/ok.csv`);
    const bad = read(`${dir}/bad.csv`);
    expect(ok[0]).toEqual(original[0]);
    expect(bad[0]).toEqual(original[0]);
    expect([...ok.slice(1), ...bad.slice(1)].map((r) => r.join('|')).sort()).toEqual(
      original
        .slice(1)
        .map((r) => r.join('|'))
        .sort(),
    );
    expect(bad.slice(1).map((r) => r[0])).toEqual(['1', '3']);
  });

  it('write a big file without piling up listeners on the output (no warning on standard error)', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `${i + 1},Name ${i},2024-01-01`).join('\n');
    const dir = scratch({ 'big.csv': `id,name,joined\n${rows}\n` });
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      await cli(['validate', `${dir}/big.csv`, '-s', people, '--valid-rows', `${dir}/ok.csv`, '--invalid-rows', `${dir}/bad.csv`]);
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.map((w) => w.name)).toEqual([]);
    expect(readFileSync(`${dir}/ok.csv`, 'utf8').split('\r\n')).toHaveLength(50_002);
  });

  it('leave template rows under the header out of both files', async () => {
    const dir = scratch({ 't.csv': 'id,name,joined\nMandatory,Mandatory,Optional\n1,Ann,2024-01-01\n2,,2024-01-02\n' });
    await cli(['validate', `${dir}/t.csv`, '-s', people, '--valid-rows', `${dir}/ok.csv`, '--invalid-rows', `${dir}/bad.csv`]);
    expect(readFileSync(`${dir}/ok.csv`, 'utf8')).toBe('id,name,joined\r\n1,Ann,2024-01-01\r\n');
    expect(readFileSync(`${dir}/bad.csv`, 'utf8')).toBe('id,name,joined\r\n2,,2024-01-02\r\n');
  });

  it('leave title lines out and keep the delimiter', async () => {
    const dir = scratch({ 'semi.csv': 'Export of 1 May\nid;name;joined\n1;Ann;2024-01-01\n2;;2024-01-02\n' });
    await cli(['validate', `${dir}/semi.csv`, '-s', people, '--valid-rows', `${dir}/ok.csv`, '--invalid-rows', `${dir}/bad.csv`]);
    expect(readFileSync(`${dir}/ok.csv`, 'utf8')).toBe('id;name;joined\r\n1;Ann;2024-01-01\r\n');
    expect(readFileSync(`${dir}/bad.csv`, 'utf8')).toBe('id;name;joined\r\n2;;2024-01-02\r\n');
  });

  it('split JSON records into JSON arrays and NDJSON into NDJSON', async () => {
    const dir = scratch();
    await cli(['validate', `${FIXTURES}/core/people.json`, '-s', people, '--valid-rows', `${dir}/ok.json`, '--invalid-rows', `${dir}/bad.json`]);
    expect(JSON.parse(readFileSync(`${dir}/ok.json`, 'utf8')).map((r: any) => r.id)).toEqual([1]);
    expect(JSON.parse(readFileSync(`${dir}/bad.json`, 'utf8')).map((r: any) => r.id)).toEqual(['2', 3]);
    await cli(['validate', `${FIXTURES}/core/people.ndjson`, '-s', people, '--valid-rows', `${dir}/ok.ndjson`, '--invalid-rows', `${dir}/bad.ndjson`]);
    expect(
      readFileSync(`${dir}/ok.ndjson`, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual([1]);
    expect(
      readFileSync(`${dir}/bad.ndjson`, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual([2, 3]);
  });

  it('take {name} for each of several files, and refuse several files without it', async () => {
    const dir = scratch();
    const files = [`${FIXTURES}/core/people.ndjson`, `${FIXTURES}/core/title-rows.csv`];
    expect((await cli(['validate', ...files, '-s', people, '--valid-rows', `${dir}/ok.csv`])).code).toBe(2);
    await cli(['validate', ...files, '-s', people, '--valid-rows', `${dir}/{name}.ok`]);
    expect(readdirSync(dir).sort()).toEqual(['people.ok', 'title-rows.ok']);
  });

  it('are refused for standard input, and leave nothing half-written', async () => {
    const dir = scratch();
    const { code, stderr } = await cli(['validate', '-', '-s', people, '--input-format', 'csv', '--valid-rows', `${dir}/ok.csv`], { stdin: 'id,name,joined\n' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot be used with standard input/);
    const missingFolder = await cli(['validate', `${FIXTURES}/core/title-rows.csv`, '-s', people, '--valid-rows', `${dir}/no/such/folder/ok.csv`]);
    expect(missingFolder.code).toBe(2);
    expect(missingFolder.stderr).toMatch(/Cannot write .*ok\.csv: the folder does not exist/);
    expect(existsSync(`${dir}/no`)).toBe(false);
  });
});
