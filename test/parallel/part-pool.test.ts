// Worker threads that check parts: the main thread checks parts itself until a worker is ready, and a
// worker that cannot start is an error, never a silent fall back to one thread.
import { describe, expect, it } from 'vitest';
import { PartPool } from '../../src/parallel/part-pool.js';
import { PartQueue } from '../../src/parallel/part-queue.js';

describe('part workers', () => {
  it('a worker that cannot load the standard fails the check', async () => {
    const setup = { standard: { path: '/nowhere/missing.schema.json', options: {} }, references: [], delimiter: ',' };
    const pool = new PartPool<number, number>('csv-part-worker', setup, 1);
    try {
      const queue = new PartQueue(pool, (task: number) => task * 2, () => []);
      // Before the worker has said anything, parts are checked here.
      queue.submit(1);
      expect(await queue.next(false)).toEqual({ task: 1, result: 2 });
      for (let i = 0; i < 200 && !pool.failed; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(pool.failed?.message).toContain('missing.schema.json');
      expect(() => queue.submit(2)).toThrow(/missing\.schema\.json/);
    } finally {
      await pool.close();
    }
  });
});
