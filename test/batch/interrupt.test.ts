// Stopping a parallel run: the files the worker threads were writing are removed with the main thread's.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, signalWhenWriting } from '../helpers.js';
import { spendCsv, tree } from './make-data.js';

describe.skipIf(process.platform === 'win32')('SIGTERM during a run with --jobs 2', () => {
  it('leaves none of the row files the workers were writing', async () => {
    const dir = tree({ 'a.csv': spendCsv(1, { rows: 150_000, badShare: 0.1 }).text, 'b.csv': spendCsv(2, { rows: 150_000, badShare: 0.1 }).text });
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'conform.js'), 'validate', 'a.csv', 'b.csv', '-s', 'spend-over-500', '--jobs', '2', '--invalid-rows', 'bad-{name}.csv', '-f', 'json', '-o', 'report.json'],
      { cwd: dir, stdio: 'ignore' },
    );
    const exited = new Promise<number | string>((done) => child.on('exit', (code, signal) => done(code ?? signal!)));
    // Wait until a worker is writing a row file, then stop the run.
    const seen = await signalWhenWriting(child, dir, 'SIGTERM', 20_000, 2);
    const code = await exited;
    expect(seen).toBe(true);
    if (code === 143) {
      expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv']);
    } else {
      // On a busy machine the run can finish between the look and the signal: then its files are whole.
      expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
      expect(readdirSync(dir)).toContain('report.json');
    }
  });
});
