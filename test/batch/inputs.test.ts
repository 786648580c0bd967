import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInput } from '../../src/batch/inputs.js';
import { cli, report } from '../helpers.js';
import { spendCsv, tree } from './make-data.js';

const spend = spendCsv(3, { rows: 4 }).text;

function dataTree() {
  return tree({
    'published/spend/2024/q1.csv': spend,
    'published/spend/2024/q2.CSV': spend,
    'published/spend/2023/q4.csv': spend,
    'published/spend/readme.txt': 'not data',
    'published/spend/datapackage.json': '{"resources": []}',
    'published/spend/q4.csv-metadata.json': '{"tables": []}',
    'published/records.ndjson': '{"a": 1}\n',
    'published/lines.jsonl': '{"a": 1}\n',
    'published/node_modules/pkg/data.csv': spend,
    'published/.hidden/secret.csv': spend,
  });
}

describe('files, folders and patterns', () => {
  it('takes every data file of a folder, recursively and in sorted order, leaving out metadata and tool folders', async () => {
    const dir = dataTree();
    const { inputs, empty } = await expandInput('published', dir, dir);
    expect(empty).toBe(false);
    expect(inputs.map((i) => i.shown)).toEqual([
      'published/lines.jsonl',
      'published/records.ndjson',
      'published/spend/2023/q4.csv',
      'published/spend/2024/q1.csv',
      'published/spend/2024/q2.CSV',
    ]);
    expect(inputs[0]!.path).toBe(join(dir, 'published', 'lines.jsonl'));
  });

  it('matches glob patterns, relative to the folder they are given in', async () => {
    const dir = dataTree();
    expect((await expandInput('published/spend/**/*.csv', dir, dir)).inputs.map((i) => i.shown)).toEqual(['published/spend/2023/q4.csv', 'published/spend/2024/q1.csv']);
    expect((await expandInput('spend/*/q{1,4}.csv', join(dir, 'published'), dir)).inputs.map((i) => i.shown)).toEqual([
      'published/spend/2023/q4.csv',
      'published/spend/2024/q1.csv',
    ]);
    // A named file is taken as it is, even a metadata file, and shown as written.
    expect((await expandInput('./published/spend/datapackage.json', dir, dir, true)).inputs).toEqual([
      { path: join(dir, 'published/spend/datapackage.json'), shown: './published/spend/datapackage.json' },
    ]);
  });

  it("leaves conform's own JSON reports out of folders and patterns, but not out of a named file", async () => {
    const dir = dataTree();
    const { writeFileSync } = await import('node:fs');
    const empty = { files: 0, passedFiles: 0, failedFiles: 0, rows: 0, errors: 0, warnings: 0, infos: 0 };
    writeFileSync(
      join(dir, 'published/report.json'),
      JSON.stringify({ reportVersion: 1, tool: { name: 'conform', version: '0.1.0' }, passed: true, failOn: 'error', summary: empty, files: [] }, null, 2),
    );
    expect((await expandInput('published', dir, dir)).inputs.map((i) => i.shown)).not.toContain('published/report.json');
    expect((await expandInput('published/*.json', dir, dir)).inputs).toEqual([]);
    expect((await expandInput('published/report.json', dir, dir)).inputs.map((i) => i.shown)).toEqual(['published/report.json']);
  });

  it('checks files, folders and patterns in the order given, each file once', async () => {
    const dir = dataTree();
    const { report: r } = await report(['published/spend/2024/q1.csv', 'published/spend/**/*.csv', 'published/spend/2024', '-s', 'spend-over-500'], { cwd: dir });
    expect(r.files.map((f: any) => f.path)).toEqual(['published/spend/2024/q1.csv', 'published/spend/2023/q4.csv', 'published/spend/2024/q2.CSV']);
    expect(r.summary).toMatchObject({ files: 3, passedFiles: 3, rows: 12 });
  });

  it('stops with exit 2 when nothing matches', async () => {
    const dir = dataTree();
    const { code, stdout, stderr } = await cli(['validate', 'published/**/*.xlsx', 'published/spend/readme-folder-*/', '-s', 'spend-over-500'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'conform: No input files matched "published/**/*.xlsx", "published/spend/readme-folder-*/": check the paths and patterns (folders are searched for .csv, .json, .geojson, .ndjson, .jsonl, .xlsx and .ods files)\n',
    );
  });

  it('stops with exit 2 at an empty path (an unset shell variable), rather than checking the whole folder', async () => {
    const dir = dataTree();
    const { code, stdout, stderr } = await cli(['validate', 'published/spend/2023', '', '-s', 'spend-over-500'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('conform: An empty path was given: name a file, folder or pattern (is a shell variable unset?)\n');
  });

  it('goes on, with a note, when one pattern matches nothing but others do', async () => {
    const dir = dataTree();
    const { code, stderr, report: r } = await report(['published/spend/2023', 'published/*.xlsx', '-s', 'spend-over-500'], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toBe('conform: "published/*.xlsx" matched no data files\n');
    expect(r.files).toHaveLength(1);
  });

  it('reports a named file that is not there as a finding (exit 1), and checks the others', async () => {
    const dir = dataTree();
    const { code, report: r } = await report(['published/spend/2024/q9.csv', 'published/spend/2024/q1.csv', '-s', 'spend-over-500'], { cwd: dir });
    expect(code).toBe(1);
    expect(r.files[0]).toMatchObject({ path: 'published/spend/2024/q9.csv', passed: false, byCode: { 'file-unreadable': 1 } });
    expect(r.files[0].issues[0].message).toBe('The file cannot be read: the file does not exist (it may have been moved or deleted)');
    expect(r.files[1]).toMatchObject({ path: 'published/spend/2024/q1.csv', passed: true });
  });

  it('reads standard input for -, which needs a standard', async () => {
    const piped = await report(['-', '-s', 'spend-over-500'], { stdin: spend, cwd: tree({}) });
    expect(piped.code).toBe(0);
    expect(piped.report.files[0]).toMatchObject({ path: '<stdin>', rows: 4, format: 'csv', publisher: 'Testshire Council' });

    const ndjson = await report(['-', '-s', 'spend-over-500', '--input-format', 'ndjson'], { stdin: '{"OrganisationalUnit": "A"}\n', cwd: tree({}) });
    expect(ndjson.report.files[0]).toMatchObject({ path: '<stdin>', format: 'ndjson', rows: 1 });

    const unnamed = await cli(['validate', '-'], { stdin: spend, cwd: tree({}) });
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toBe('conform: Standard input needs a standard: add --standard <id or schema file>\n');
  });

  it('says how to start when no files are named and there is no config', async () => {
    const { code, stderr } = await cli(['validate'], { cwd: tree({}) });
    expect(code).toBe(2);
    expect(stderr).toBe('conform: No files given: name the files, folders or patterns to check (- for standard input), or write a conform.config.yaml (conform init)\n');
  });
});
