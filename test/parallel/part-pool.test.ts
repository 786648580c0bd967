// Worker threads that check parts: the main thread checks parts itself until a worker is ready, and a
// worker that cannot start is an error, never a silent fall back to one thread.
import { describe, expect, it } from 'vitest';
import { closePrestartedWorkers, partWorkers, prestartPartWorkers } from '../../src/parallel/part-pool.js';
import { PartQueue } from '../../src/parallel/part-queue.js';

describe('part workers', () => {
  const missing = { kind: 'csv' as const, standard: { path: '/nowhere/missing.schema.json', options: {} }, references: [], delimiter: ',' };
  const failure = async (pool: { failed?: Error }) => {
    for (let i = 0; i < 200 && !pool.failed; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    return pool.failed?.message;
  };

  it('started early, are given the setup when the file takes them, and ended if none does', async () => {
    prestartPartWorkers(1);
    const early = partWorkers<number, number>(missing, 1);
    try {
      expect(await failure(early)).toContain('missing.schema.json');
    } finally {
      await early.close();
    }
    prestartPartWorkers(1);
    await closePrestartedWorkers();
    // None is left waiting: the next file starts its own.
    const late = partWorkers<number, number>(missing, 1);
    try {
      expect(await failure(late)).toContain('missing.schema.json');
    } finally {
      await late.close();
    }
  });

  it('a worker that cannot load the standard fails the check', async () => {
    const pool = partWorkers<number, number>(missing, 1);
    try {
      const queue = new PartQueue(
        pool,
        (task: number) => task * 2,
        () => [],
      );
      // Before the worker has said anything, parts are checked here.
      queue.submit(1);
      expect(await queue.next(false)).toEqual({ task: 1, result: 2 });
      expect(await failure(pool)).toContain('missing.schema.json');
      expect(() => queue.submit(2)).toThrow(/missing\.schema\.json/);
    } finally {
      await pool.close();
    }
  });
});
