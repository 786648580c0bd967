// --valid-rows and --invalid-rows over a batch: one pair of files per input, written by the workers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { spendCsv, SPEND_HEADER, tree } from './make-data.js';

describe('row files in a batch', () => {
  it("writes each file's failing rows to its own file, from the workers too", async () => {
    const a = spendCsv(17, { rows: 10, badShare: 0.3 });
    const dir = tree({ 'data/a.csv': a.text, 'data/b.csv': spendCsv(2, { rows: 3 }).text });
    const { code } = await cli(['validate', 'data', '-s', 'spend-over-500', '--invalid-rows', 'bad-{name}.csv', '--jobs', '2', '-q'], { cwd: dir });
    expect(code).toBe(1);
    const bad = readFileSync(join(dir, 'bad-a.csv'), 'utf8').trim().split(/\r?\n/);
    expect(bad[0]).toBe(SPEND_HEADER);
    expect(bad).toHaveLength(1 + a.badRows);
    expect(readFileSync(join(dir, 'bad-b.csv'), 'utf8').trim()).toBe(SPEND_HEADER);
  });

  it.each([
    [
      ['data/2023/q1.csv', 'data/2024/q1.csv', '--invalid-rows', 'bad-{name}.csv'],
      'data/2023/q1.csv and data/2024/q1.csv have the same name, so their rows would go to the same file',
    ],
    [['data/2023/q1.csv', '--invalid-rows', 'same.csv', '--valid-rows', 'same.csv'], '--valid-rows and --invalid-rows both name'],
    [['data', '--invalid-rows', 'bad.csv'], "With several files, put {name} in the row file's path"],
  ])('stops with exit 2 for %j', async (args, message) => {
    const dir = tree({ 'data/2023/q1.csv': spendCsv(1, { rows: 2 }).text, 'data/2024/q1.csv': spendCsv(2, { rows: 2 }).text });
    const { code, stderr } = await cli(['validate', ...args, '-s', 'spend-over-500'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
