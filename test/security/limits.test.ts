// Counts from the command line are bounded.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { MAX_SHARDS, parseShard } from '../../src/batch/shard.js';
import { cli, scratch } from '../helpers.js';

describe('--shard n is bounded', () => {
  it('accepts up to the limit and refuses more, with one line and exit 2', async () => {
    expect(parseShard(`3/${MAX_SHARDS}`)).toEqual({ index: 3, count: MAX_SHARDS });
    expect(() => parseShard('1/300000000')).toThrow(/at most 10000 parts/);
    const dir = scratch({ 'd.csv': 'a\n1\n' });
    const { code, stderr } = await cli(['validate', `${dir}/d.csv`, '-s', 'spend-over-500', '--shard', '1/300000000']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('--shard takes at most 10000 parts');
  });
});

describe('--jobs is bounded by the cores', () => {
  it('a larger number is capped at the core count, with one line saying so', async () => {
    const cores = availableParallelism();
    const { code, stderr } = await cli(['validate', 'examples/spend-sample.csv', '-s', 'spend-over-500', '--jobs', String(cores + 62), '-f', 'json']);
    expect(code).toBe(1);
    expect(stderr).toBe(`conform: --jobs is ${cores + 62}, but this machine has ${cores} core${cores === 1 ? '' : 's'}: using ${cores} thread${cores === 1 ? '' : 's'}\n`);
    const dir = scratch({ 'conform.config.yaml': 'jobs: 100000\nchecks:\n  - files: d.csv\n    standard: spend-over-500\n', 'd.csv': 'a\n1\n' });
    const fromConfig = await cli(['validate', '-f', 'json'], { cwd: dir });
    expect(fromConfig.stderr).toMatch(/^conform: jobs in the config file is 100000, but this machine has \d+ cores?: using \d+ threads?\n$/);
    const asked = await cli(['validate', 'examples/spend-sample.csv', '-s', 'spend-over-500', '--jobs', String(cores), '-f', 'json']);
    expect(asked.stderr).toBe('');
  });
});
