import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShard, shardPositions } from '../../src/batch/shard.js';
import { cli, report } from '../helpers.js';
import { spendCsv, tree } from './make-data.js';

/** 60 spend files in three folders, some with errors, from three councils. */
function sixtyFiles(): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < 60; i++) {
    const council = ['Northshire Council', 'Southshire Council', 'Eastshire Council'][i % 3]!;
    files[`published/${['2022', '2023', '2024'][i % 3]}/spend-${String(i).padStart(2, '0')}.csv`] = spendCsv(1000 + i, {
      rows: 20 + i,
      badShare: i % 4 === 0 ? 0.2 : 0,
      publisher: council,
    }).text;
  }
  files['conform.config.yaml'] = 'checks:\n  - files: "published/**/*.csv"\n    standard: spend-over-500\n';
  return tree(files);
}

const withoutTimes = (value: unknown) => JSON.parse(JSON.stringify(value, (key, v) => (key === 'elapsed' || key === 'checkedAt' ? undefined : v)));
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('--shard k/n and conform report merge', () => {
  it('merges the reports of shards 1/3, 2/3 and 3/3 into the report of one run over all the files', async () => {
    const dir = sixtyFiles();
    const whole = await report([], { cwd: dir });
    expect(whole.report.summary).toMatchObject({ files: 60, passedFiles: 45, failedFiles: 15 });

    const shards: string[] = [];
    for (const k of [1, 2, 3]) {
      const out = `shard-${k}.json`;
      const { code } = await cli(['validate', '--shard', `${k}/3`, '-f', 'json', '-o', out, '--jobs', k === 2 ? '2' : '1'], { cwd: dir });
      expect(code).toBe(1);
      shards.push(out);
      const part = read(join(dir, out));
      expect(part.files).toHaveLength(20);
      expect(part.shard).toEqual({
        index: k,
        count: 3,
        totalFiles: 60,
        positions: Array.from({ length: 20 }, (_, i) => k - 1 + 3 * i),
        runId: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
    }

    const merged = await cli(['report', 'merge', 'shard-3.json', 'shard-1.json', 'shard-2.json', '-f', 'json'], { cwd: dir });
    expect(merged.code).toBe(1);
    expect(withoutTimes(JSON.parse(merged.stdout))).toEqual(withoutTimes(whole.report));

    // Any format, written to a file: the terminal report of the merge is the terminal report of one run.
    const single = await cli(['validate', '--no-color'], { cwd: dir });
    const stylish = await cli(['report', 'merge', ...shards, '-o', 'merged.txt'], { cwd: dir });
    expect(stylish.code).toBe(1);
    expect(readFileSync(join(dir, 'merged.txt'), 'utf8')).toBe(single.stdout);

    // As validate, the name given to -o picks the format, and the merge says what it wrote.
    const html = await cli(['report', 'merge', ...shards, '-o', 'merged.html'], { cwd: dir });
    expect(html.code).toBe(1);
    expect(readFileSync(join(dir, 'merged.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(html.stderr).toBe('conform: wrote the HTML report to merged.html\n');
    const sarif = await cli(['report', 'merge', ...shards, '-o', 'merged.sarif'], { cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, 'merged.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(sarif.stdout).toBe('');
  });

  it('gives every file to exactly one shard, in turn, the same on every machine', () => {
    expect(shardPositions(7, { index: 1, count: 3 })).toEqual([0, 3, 6]);
    expect(shardPositions(7, { index: 2, count: 3 })).toEqual([1, 4]);
    expect(shardPositions(7, { index: 3, count: 3 })).toEqual([2, 5]);
    expect(shardPositions(2, { index: 3, count: 3 })).toEqual([]);
    expect(parseShard(' 2/5 ')).toEqual({ index: 2, count: 5 });
  });

  it('lets a shard with no files pass, so a small run can still be split', async () => {
    const dir = tree({ 'a.csv': spendCsv(1, { rows: 2 }).text, 'b.csv': spendCsv(2, { rows: 2 }).text });
    const { code, report: r } = await report(['.', '-s', 'spend-over-500', '--shard', '3/3'], { cwd: dir });
    expect(code).toBe(0);
    expect(r.files).toEqual([]);
    expect(r.shard).toEqual({ index: 3, count: 3, totalFiles: 2, positions: [], runId: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });

  it.each([['0/3'], ['4/3'], ['1/0'], ['half']])('stops with exit 2 for --shard %s', async (value) => {
    const { code, stderr } = await cli(['validate', 'examples/spend-sample.csv', '-s', 'spend-over-500', '--shard', value]);
    expect(code).toBe(2);
    expect(stderr).toBe(`conform: --shard takes k/n with 1 ≤ k ≤ n, such as --shard 2/4 (got "${value}")\n`);
  });

  describe('refuses to merge what is not one whole sharded run', () => {
    async function shardReports() {
      const dir = tree({ 'a.csv': spendCsv(1, { rows: 2 }).text, 'b.csv': spendCsv(2, { rows: 2 }).text, 'c.csv': spendCsv(3, { rows: 2 }).text });
      for (const k of [1, 2]) await cli(['validate', '.', '-s', 'spend-over-500', '--shard', `${k}/2`, '-f', 'json', '-o', `s${k}.json`, '--jobs', '1'], { cwd: dir });
      await cli(['validate', '.', '-s', 'spend-over-500', '-f', 'json', '-o', 'whole.json', '--jobs', '1'], { cwd: dir });
      await cli(['validate', '.', '-s', 'spend-over-500', '--shard', '1/3', '-f', 'json', '-o', 'other.json', '--jobs', '1'], { cwd: dir });
      writeFileSync(join(dir, 'notes.txt'), 'hello');
      return dir;
    }

    it.each([
      [['s1.json'], 'The report of shard 2/2 is missing: merge the reports of every shard'],
      [['s1.json', 's1.json', 's2.json'], "s1.json and s1.json are both shard 1/2: name each shard's report once"],
      [['s1.json', 'whole.json'], 'whole.json is not the report of a shard (--shard k/n), but s1.json is: merge the reports of one sharded run'],
      [['s1.json', 'other.json'], 'other.json is shard 1/3 of a run of 3 files, but s1.json is shard 1/2 of 3: merge the reports of one run'],
      [['s1.json', 'notes.txt'], 'notes.txt is not a JSON report: write shard reports with --format json (or --report json=<file>)'],
      [['s1.json', 'gone.json'], 'Cannot read the report gone.json: no such file'],
    ])('%j', async (args, message) => {
      const dir = await shardReports();
      const { code, stdout, stderr } = await cli(['report', 'merge', ...args], { cwd: dir });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`conform: ${message}\n`);
    });

    it('joins plain reports in the order given', async () => {
      const dir = await shardReports();
      const { code, stdout } = await cli(['report', 'merge', 'whole.json', 'whole.json', '-f', 'json'], { cwd: dir });
      expect(code).toBe(0);
      const merged = JSON.parse(stdout);
      expect(merged.files.map((f: any) => f.path)).toEqual(['a.csv', 'b.csv', 'c.csv', 'a.csv', 'b.csv', 'c.csv']);
      expect(merged.summary).toMatchObject({ files: 6, rows: 12 });
    });
  });
});
