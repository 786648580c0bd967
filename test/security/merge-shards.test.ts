// `conform report merge` trusts nothing in a shard's report it can work out again: each shard must hold to
// the report schema, each file's verdict comes from its counts, the counts must agree with the issues,
// shards of different runs are refused, and every string is shown through the formatters' escaping.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { SPEND_HEADER, spendCsv, tree } from '../batch/make-data.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** Two spend files, the second with errors (and a hostile value), and the JSON report of each of 2 shards. */
async function shardedRun(env: Record<string, string> = {}, files = ['a.csv', 'b.csv']) {
  // The same file with its last row's Amount replaced by hostile text: a value-type error that shows it.
  const rows = spendCsv(2, { rows: 3 }).text.trimEnd().split('\n');
  const cells = rows[rows.length - 1]!.split(',');
  cells[SPEND_HEADER.split(',').indexOf('Amount')] = HOSTILE;
  rows[rows.length - 1] = cells.join(',');
  const bad = `${rows.join('\n')}\n`;
  const dir = tree({ [files[0]!]: spendCsv(1, { rows: 3 }).text, [files[1]!]: bad });
  for (const k of [1, 2]) {
    const result = await cli(['validate', '.', '-s', 'spend-over-500', '--shard', `${k}/2`, '-f', 'json', '-o', `shard-${k}.json`], { cwd: dir, env });
    expect(result.code).toBe(k === 1 ? 0 : 1);
  }
  return dir;
}

const read = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const write = (dir: string, name: string, value: unknown) => writeFileSync(join(dir, name), JSON.stringify(value));

describe('report merge', () => {
  it('works out each file\'s verdict again: a shard edited to say "passed" still fails', async () => {
    const dir = await shardedRun();
    const shard = read(dir, 'shard-2.json');
    expect(shard.files[0].counts.error).toBeGreaterThan(0);
    shard.passed = true;
    shard.files[0].passed = true;
    shard.summary = { ...shard.summary, passedFiles: 1, failedFiles: 0 };
    write(dir, 'shard-2.json', shard);
    const merged = await cli(['report', 'merge', 'shard-1.json', 'shard-2.json', '-f', 'json'], { cwd: dir });
    expect(merged.code).toBe(1);
    const report = JSON.parse(merged.stdout);
    expect(report.passed).toBe(false);
    expect(report.files.map((f: { passed: boolean }) => f.passed)).toEqual([true, false]);
    expect(report.summary).toMatchObject({ passedFiles: 1, failedFiles: 1 });
  });

  it('refuses counts that are negative, not numbers, or that disagree with the issues listed', async () => {
    const dir = await shardedRun();
    const shard = read(dir, 'shard-2.json');
    const edits: Array<[string, (s: any) => void, RegExp]> = [
      ['negative', (s) => (s.files[0].counts.error = -5), /is not a valid conform report \(at \/files\/0\/counts\/error: must be >= 0\)/],
      ['text', (s) => (s.files[0].rows = HOSTILE), /is not a valid conform report \(at \/files\/0\/rows: must be integer\)/],
      ['hidden errors', (s) => (s.files[0].counts = { error: 0, warning: 0, info: 0 }), /is damaged: for "b\.csv", it lists \d+ issues of severity error but counts 0/],
      ['dropped issues', (s) => (s.files[0].issues = []), /is damaged: for "b\.csv", it counts \d+ issues but lists 0 and leaves out 0/],
      ['emptied groups', (s) => (s.files[0].groups = []), /is damaged: for "b\.csv", its groups count 0 errors, 0 warnings and 0 notes, not [1-9]/],
    ];
    for (const [, edit, says] of edits) {
      const copy = structuredClone(shard);
      edit(copy);
      write(dir, 'edited.json', copy);
      const result = await cli(['report', 'merge', 'shard-1.json', 'edited.json', '-f', 'html'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(says);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('refuses shards that leave a file of the run uncovered, with one line and exit 2', async () => {
    const dir = await shardedRun();
    const shard = read(dir, 'shard-2.json');
    expect(shard.shard.positions).toEqual([1]);
    // Shard 2 of 2 with its file taken out: every shard is named, but file 2 of 2 is in none.
    shard.files = [];
    shard.shard.positions = [];
    write(dir, 'shard-2.json', shard);
    const result = await cli(['report', 'merge', 'shard-1.json', 'shard-2.json', '-f', 'json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('conform: The shards do not cover every file of the run: no shard holds file 2 of 2; merge the reports of one run, unchanged\n');
    // Without one shard's report at all, the merge says which shard is missing.
    const missing = await cli(['report', 'merge', 'shard-2.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('conform: The report of shard 1/2 is missing: merge the reports of every shard\n');
  });

  it('refuses shards of different runs: other files, or another CI run of the same files', async () => {
    const one = await shardedRun();
    const other = await shardedRun({}, ['c.csv', 'd.csv']);
    writeFileSync(join(one, 'other-2.json'), readFileSync(join(other, 'shard-2.json')));
    const mixed = await cli(['report', 'merge', 'shard-1.json', 'other-2.json'], { cwd: one });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toBe('conform: other-2.json and shard-1.json come from different runs (their shard run ids differ): merge the reports of the shards of one run\n');

    const monday = await shardedRun({ GITHUB_RUN_ID: '101' });
    const tuesday = await shardedRun({ GITHUB_RUN_ID: '102' });
    expect(read(monday, 'shard-1.json').shard.runId).not.toBe(read(tuesday, 'shard-1.json').shard.runId);
    writeFileSync(join(monday, 'tuesday-2.json'), readFileSync(join(tuesday, 'shard-2.json')));
    expect((await cli(['report', 'merge', 'shard-1.json', 'tuesday-2.json'], { cwd: monday })).code).toBe(2);
    // The shards of one run merge, as ever.
    expect((await cli(['report', 'merge', 'shard-1.json', 'shard-2.json'], { cwd: monday })).code).toBe(1);
  });

  it("shows every string of the shards through the formatters' escaping", async () => {
    const dir = await shardedRun();
    expect(JSON.stringify(read(dir, 'shard-2.json'))).toContain(HOSTILE);
    const html = await cli(['report', 'merge', 'shard-1.json', 'shard-2.json', '-f', 'html'], { cwd: dir });
    expect(html.code).toBe(1);
    expect(html.stdout).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html.stdout).not.toContain(HOSTILE);
    // Markdown shows a value as it is, inside a code span (shown as text), and escapes it in prose.
    const markdown = await cli(['report', 'merge', 'shard-1.json', 'shard-2.json', '-f', 'markdown'], { cwd: dir });
    expect(markdown.stdout).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(markdown.stdout.replaceAll(`\`${HOSTILE}\``, '')).not.toContain(HOSTILE);
  });
});
