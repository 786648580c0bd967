import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PoolEvent } from '../../src/batch/pool.js';
import { ProgressLine } from '../../src/batch/progress.js';
import type { Report } from '../../src/types.js';
import { validate } from '../../src/validate.js';
import { cli, report } from '../helpers.js';
import { spendCsv, tree } from './make-data.js';

/** A big first file and many small ones: with two jobs, the small ones finish first. */
function slowFirst(small: number) {
  const files: Record<string, string> = { '00-big.csv': spendCsv(100, { rows: 20000, badShare: 0.01 }).text };
  for (let i = 1; i <= small; i++) files[`${String(i).padStart(2, '0')}-small.csv`] = spendCsv(100 + i, { rows: 3 + i, badShare: i % 3 === 0 ? 0.5 : 0 }).text;
  const dir = tree(files);
  return {
    dir,
    paths: Object.keys(files)
      .sort()
      .map((name) => join(dir, name)),
  };
}

const withoutTimes = (r: Report) => JSON.parse(JSON.stringify(r, (key, value) => (key === 'elapsed' || key === 'checkedAt' ? undefined : value)));

describe('--jobs: files checked in parallel', () => {
  // The first file is a named pipe the test fills only once the worker has finished all the other files
  // that may be started, so the files surely finish out of order.
  it.skipIf(process.platform === 'win32')('hands the reports back in the order of the files, whatever order they finish in', async () => {
    const { dir, paths } = slowFirst(20);
    const fifo = join(dir, '00-big.csv');
    const content = readFileSync(fifo);
    rmSync(fifo);
    execFileSync('mkfifo', [fifo]);
    const events: PoolEvent[] = [];
    let filled: Promise<void> | undefined;
    const parallel = await validate(paths, {
      standard: 'spend-over-500',
      jobs: 2,
      onEvent: (e: PoolEvent) => {
        events.push(e);
        // Written without blocking: the main thread is the pipe's reader (it takes the first file while the
        // worker starts).
        if (e.type === 'done' && events.filter((x) => x.type === 'done').length === 7) filled = writeFile(fifo, content);
      },
    });
    await filled;
    expect(parallel.files.map((f) => f.path)).toEqual(paths);

    // The worker finished files 1–7, then had to wait: no more than a window of 4 files per job is
    // started before the first is handed back.
    const finished = events.filter((e) => e.type === 'done').map((e) => e.index);
    expect(finished.slice(0, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 0]);
    expect([...finished].sort((a, b) => a - b)).toEqual(paths.map((_, i) => i));
    const startedBeforeFirstDone = events
      .slice(
        0,
        events.findIndex((e) => e.type === 'done' && e.index === 0),
      )
      .filter((e) => e.type === 'start').length;
    expect(startedBeforeFirstDone).toBe(8);

    rmSync(fifo);
    writeFileSync(fifo, content);
    const serial = await validate(paths, { standard: 'spend-over-500', jobs: 1 });
    expect(withoutTimes(parallel)).toEqual(withoutTimes(serial));
    expect(parallel.summary).toMatchObject({ files: 21, failedFiles: 7 });
  });

  it('gives the same report from the command line with --jobs 1 and --jobs 2', async () => {
    const { dir } = slowFirst(5);
    const one = await report(['.', '-s', 'spend-over-500', '--jobs', '1'], { cwd: dir });
    const two = await report(['.', '-s', 'spend-over-500', '--jobs', '2'], { cwd: dir });
    expect(two.code).toBe(1);
    expect(two.report.files.map((f: any) => f.path)).toEqual(['00-big.csv', '01-small.csv', '02-small.csv', '03-small.csv', '04-small.csv', '05-small.csv']);
    expect(withoutTimes(two.report)).toEqual(withoutTimes(one.report));
  });

  it('detects standards in the workers too', async () => {
    const { dir } = slowFirst(2);
    writeFileSync(join(dir, '03-unknown.csv'), 'Colour,Shape\nred,round\n');
    const { report: r } = await report(['.', '--jobs', '2'], { cwd: dir });
    expect(r.files.map((f: any) => f.standard?.id ?? f.issues[0].code)).toEqual(['spend-over-500', 'spend-over-500', 'spend-over-500', 'standard-undetected']);
  });

  it('stops with exit 2 for a number of jobs that is not one', async () => {
    const { code, stderr } = await cli(['validate', 'examples/spend-sample.csv', '-s', 'spend-over-500', '--jobs', '0']);
    expect(code).toBe(2);
    expect(stderr).toBe('conform: --jobs must be 1 or more (got "0")\n');
  });
});

describe('the progress line', () => {
  const files = () => tree({ 'a.csv': spendCsv(1, { rows: 5 }).text, 'b.csv': spendCsv(2, { rows: 7 }).text });

  it('is drawn on a terminal, in place, and wiped before the report', async () => {
    const { code, stderr, stdout } = await cli(['validate', '.', '-s', 'spend-over-500', '-f', 'json', '--jobs', '1'], { cwd: files(), tty: true });
    expect(code).toBe(0);
    expect(stderr.startsWith('\rconform: ')).toBe(true);
    expect(stderr).toContain('\rconform: 2/2 files · 12 rows');
    expect(stderr.endsWith('\x1b[K\r\x1b[K')).toBe(true);
    expect(JSON.parse(stdout).summary.rows).toBe(12);
  });

  it.each([
    ['stderr is not a terminal', [], {}, false],
    ['--no-progress', ['--no-progress'], {}, true],
    ['--quiet', ['--quiet'], {}, true],
    ['CI is set', [], { CI: 'true' }, true],
  ] as const)('is not drawn when %s', async (_name, extra, env, tty) => {
    const { code, stderr } = await cli(['validate', '.', '-s', 'spend-over-500', '-f', 'json', ...extra], { cwd: files(), tty, env: { ...env } });
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('shows files, rows, the rate, the file being read, how far through a big one, and the time left', () => {
    const dir = tree({ 'small.csv': 'x\n' });
    const big = join(dir, 'big.csv');
    writeFileSync(big, '');
    truncateSync(big, 20 * 1024 * 1024);
    const tasks = [
      { path: join(dir, 'small.csv'), shown: 'small.csv', settings: {} },
      { path: big, shown: 'big.csv', settings: {} },
    ];
    let now = 0;
    const written: string[] = [];
    const line = new ProgressLine({ write: (t) => written.push(t), columns: 200 }, tasks, () => now);
    line.onEvent({ type: 'start', index: 0, task: tasks[0]! });
    expect(written).toEqual(['\rconform: 0/2 files · 0 rows · small.csv\x1b[K']);
    now = 50;
    line.onEvent({ type: 'done', index: 0, report: { rows: 1 } as any });
    expect(written).toHaveLength(1); // redrawn at most every 100 ms
    now = 1000;
    line.onEvent({ type: 'start', index: 1, task: tasks[1]! });
    now = 2000;
    line.onEvent({ type: 'progress', index: 1, rows: 99999, bytes: 5 * 1024 * 1024 });
    expect(written.at(-1)).toBe('\rconform: 1/2 files · 100,000 rows · 50,000 rows/s · about 6s left · big.csv 25%\x1b[K');
    line.finish();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it.each([1, 2])('is told how far through the file reading has got (%i thread)', async (threads) => {
    const dir = tree({ 'spend.csv': spendCsv(7, { rows: 3000 }).text });
    const path = join(dir, 'spend.csv');
    const events: PoolEvent[] = [];
    await validate([path], { standard: 'spend-over-500', threads, partsFrom: 0, partSize: 20_000, onEvent: (e: PoolEvent) => events.push(e) });
    const read = events.flatMap((e) => (e.type === 'progress' ? [e.bytes] : []));
    expect(read.length).toBeGreaterThan(1);
    expect(read).toEqual([...read].sort((a, b) => a - b));
    expect(read.at(-1)).toBe(statSync(path).size);
  });

  it('fits the line to the terminal', () => {
    const tasks = [{ path: '/nowhere/a-file-with-a-very-long-name-indeed.csv', shown: 'a-file-with-a-very-long-name-indeed.csv', settings: {} }];
    const written: string[] = [];
    const line = new ProgressLine({ write: (t) => written.push(t), columns: 40 }, tasks, () => 0);
    line.onEvent({ type: 'start', index: 0, task: tasks[0]! });
    expect(written[0]).toBe('\rconform: 0/1 files · 0 rows · …deed.csv\x1b[K');
  });
});
