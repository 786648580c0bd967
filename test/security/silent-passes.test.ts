// Ways a file could once pass without being judged: dropped from a folder or pattern run by its name,
// taken for one of conform's reports by its first bytes, or holding a property twice so that only the
// last value was checked.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInput } from '../../src/batch/inputs.js';
import { repeatedKeys } from '../../src/check/repeated-keys.js';
import { cli, report, ROOT, scratch } from '../helpers.js';
import { spendCsv } from '../batch/make-data.js';

const BAD_SPEND = 'Amount\nnot-a-number\n';

describe('no file name can drop a file out of a folder or pattern run', () => {
  const names = ['\nspend.csv', 'sp\nend.csv', '\r\nspend.csv', 'spend\n.csv', ' spend.csv', '\u2028spend.csv'];

  it('files whose names start with, or hold, a line break are listed and checked', async () => {
    const dir = scratch();
    for (const name of names) writeFileSync(join(dir, name), BAD_SPEND);
    mkdirSync(join(dir, '\nsub'));
    writeFileSync(join(dir, '\nsub', 'inner.csv'), BAD_SPEND);
    const wanted = [...names, '\nsub/inner.csv'].sort();
    expect((await expandInput('.', dir, dir)).inputs.map((i) => i.shown).sort()).toEqual(wanted);
    expect((await expandInput('**/*.csv', dir, dir)).inputs.map((i) => i.shown).sort()).toEqual(wanted);
    expect((await expandInput('*.csv', dir, dir)).inputs.map((i) => i.shown).sort()).toEqual(names.slice().sort());
    expect((await expandInput('*/*.csv', dir, dir)).inputs.map((i) => i.shown)).toEqual(['\nsub/inner.csv']);

    const { code, report: r } = await report(['.', '-s', 'spend-over-500'], { cwd: dir });
    expect(code).toBe(1);
    expect(r.summary).toMatchObject({ files: names.length + 1, failedFiles: names.length + 1 });
  });
});

describe('a pipe or device in a folder run', () => {
  it('is left out with a note, and cannot make the run wait for ever', async () => {
    const dir = scratch({ 'spend.csv': BAD_SPEND });
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    symlinkSync('/dev/zero', join(dir, 'zero.csv'));
    for (const args of [['.'], ['*.csv']]) {
      const result = await cli(['validate', ...args, '-s', 'spend-over-500', '--format', 'json'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout).files.map((f: { path: string }) => f.path)).toEqual(['spend.csv']);
      expect(result.stderr).toBe(
        ['pipe.csv', 'zero.csv'].map((name) => `conform: note: left out ${name}: it is not a regular file (a pipe, socket or device), so it holds no data to check\n`).join(''),
      );
    }
  });
});

describe('a folder inside that cannot be listed', () => {
  // Root can list any folder, so the run is made as another user where the test runs as root (as in CI).
  const asNobody = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv');

  it.skipIf(!asNobody)('is reported unreadable, never passed over, in folder and pattern runs', () => {
    const dir = scratch({ 'spend.csv': spendCsv(1, { rows: 3 }).text });
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'hidden-from-view.csv'), BAD_SPEND);
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'spend.csv'), 0o644);
    chmodSync(join(dir, 'locked'), 0o700);
    for (const args of [['.'], ['**/*.csv']]) {
      const run = spawnSync(
        '/usr/bin/setpriv',
        ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, join(ROOT, 'bin/conform.js'), 'validate', ...args, '-s', 'spend-over-500', '--format', 'json'],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(run.status).toBe(1);
      const files = JSON.parse(run.stdout).files as Array<{ path: string; passed: boolean; issues: Array<{ code: string; message: string }> }>;
      expect(files.map((f) => [f.path, f.passed])).toEqual([
        ['locked', false],
        ['spend.csv', true],
      ]);
      expect(files[0]!.issues.map((i) => i.code)).toEqual(['file-unreadable']);
      expect(files[0]!.issues[0]!.message).toMatch(/permission denied/);
    }
  });
});

describe('a report is told from data by the report schema, not by its first bytes', () => {
  it('a data file that starts with {"reportVersion": is checked', async () => {
    // A JSON object whose first key is reportVersion: data that does not hold to the report schema.
    const dir = scratch({ 'records.json': '{"reportVersion": 1, "Amount": "not-a-number"}' });
    expect((await expandInput('.', dir, dir)).inputs.map((i) => i.shown)).toEqual(['records.json']);
    const result = await cli(['validate', '.', '-s', 'spend-over-500', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).files.map((f: { path: string }) => f.path)).toEqual(['records.json']);
  });

  it('a report conform wrote is still left out of a folder run', async () => {
    const dir = scratch({ 'spend.csv': spendCsv(1, { rows: 3 }).text });
    expect((await cli(['validate', 'spend.csv', '-s', 'spend-over-500', '-f', 'json', '-o', 'report.json'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toMatch(/^\{\s*"reportVersion"/);
    expect((await expandInput('.', dir, dir)).inputs.map((i) => i.shown)).toEqual(['spend.csv']);
    // Left out, and said so.
    const run = await cli(['validate', '.', '-s', 'spend-over-500'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('conform: note: left out report.json: it is a conform JSON report, not data (name it to check it)\n');
  });
});

describe('a property named twice in one JSON object is an issue', () => {
  const standard = 'spend-over-500';
  const record = (amount: string) => `"OrganisationLabel": "Testshire Council", "Amount": ${amount}`;

  it('in a JSON array of records, NDJSON, and a document', async () => {
    const dir = scratch({
      'array.json': `[\n{${record('10')}},\n{${record('"£x"')}, "Amount": 600}\n]\n`,
      'lines.ndjson': `{${record('10')}}\n{${record('"£x"')}, "Amount": 600}\n`,
    });
    for (const file of ['array.json', 'lines.ndjson']) {
      const { report: r } = await report([file, '-s', standard], { cwd: dir });
      const repeated = r.files[0].issues.filter((i: { code: string }) => i.code === 'property-duplicate');
      expect(repeated).toEqual([
        expect.objectContaining({
          code: 'property-duplicate',
          severity: 'error',
          row: 2,
          line: 3 - (file === 'lines.ndjson' ? 1 : 0),
          column: 'Amount',
          pointer: file === 'array.json' ? '/1/Amount' : '/Amount',
        }),
      ]);
      expect(repeated[0].message).toBe('The property "Amount" appears more than once in the same object; only its last value is checked, and other tools may read the first');
      expect(r.files[0].passed).toBe(false);
    }
  });

  it("in a whole document (360Giving), with the grant's row", async () => {
    const dir = scratch({
      'grants.json': '{"grants": [\n{"id": "g1", "amountAwarded": 1, "amountAwarded": 2}\n]}',
    });
    const result = await cli(['validate', 'grants.json', '-s', '360giving', '--format', 'json'], { cwd: dir });
    const issues = JSON.parse(result.stdout).files[0].issues.filter((i: { code: string }) => i.code === 'property-duplicate');
    expect(issues).toEqual([expect.objectContaining({ row: 1, line: 2, pointer: '/grants/0/amountAwarded', record: 'g1' })]);
  });

  it('is found exactly: escapes, nesting and strings that look like keys', () => {
    const find = (text: string) => repeatedKeys(text, JSON.parse(text)).map((r) => [r.object, r.key, r.lineOffset]);
    expect(find('{"a": 1, "b": {"a": 2}}')).toEqual([]);
    expect(find('{"a": "x\\":", "b": "\\"a\\": 1"}')).toEqual([]);
    expect(find('{"a": 1, "\\u0061": 2}')).toEqual([['', 'a', 0]]);
    expect(find('[{"x": [1, {"k/~": 1,\n"k/~": 2}]}]')).toEqual([['/0/x/1', 'k/~', 1]]);
    expect(find('{"__proto__": 1, "__proto__": 2}')).toEqual([['', '__proto__', 0]]);
  });
});
