// Counts from the command line are bounded.
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
