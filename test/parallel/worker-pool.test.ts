// The worker pool under --jobs and the parts of a big file, with a small worker of its own
// (pool-worker.mjs): answers through one promise per task, in whatever order the workers finish; a
// worker that throws or stops fails the pool and the tasks it owes; closing refuses what is left.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isConformError } from '../../src/errors.js';
import { removeTemporaries } from '../../src/io/cleanup.js';
import { WorkerPool, workerModule } from '../../src/parallel/worker-pool.js';

interface Task {
  op: 'answer' | 'throw' | 'run-error' | 'break' | 'exit' | 'hang' | 'temporary';
  value?: number;
  ms?: number;
  path?: string;
}
interface Answer {
  value: number;
  threadId: number;
}

const url = new URL('./pool-worker.mjs', import.meta.url);
const pools: Array<WorkerPool<Task, Answer>> = [];

/** A pool of `size` test workers, resolved once every one is ready; `running` counts the tasks running at once. */
async function readyPool(size: number, failures: Error[] = []) {
  const running = new Int32Array(new SharedArrayBuffer(8));
  let ready = 0;
  let allReady!: () => void;
  const started = new Promise<void>((resolve) => (allReady = resolve));
  const pool = new WorkerPool<Task, Answer>(url, {
    size,
    workerData: { running: running.buffer },
    onReady: () => ++ready === size && allReady(),
    onFailure: (error) => failures.push(error),
  });
  pools.push(pool);
  await started;
  return { pool, running };
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

describe('worker pool', () => {
  it('answers each task through its own promise, whichever worker finishes first', async () => {
    const { pool } = await readyPool(2);
    const order: number[] = [];
    const slow = pool.run({ op: 'answer', value: 1, ms: 300 }).then((answer) => (order.push(1), answer));
    const fast = pool.run({ op: 'answer', value: 2, ms: 0 }).then((answer) => (order.push(2), answer));
    const [first, second] = await Promise.all([slow, fast]);
    expect(order).toEqual([2, 1]);
    expect([first.value, second.value]).toEqual([1, 2]);
    expect(first.threadId).not.toBe(second.threadId);
  });

  it('gives tasks to the least busy worker and never runs more than its size at once', async () => {
    const { pool, running } = await readyPool(3);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, value) => pool.run({ op: 'answer', value, ms: 40 })));
    expect(answers.map((a) => a.value)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    const perThread = new Map<number, number>();
    for (const { threadId } of answers) perThread.set(threadId, (perThread.get(threadId) ?? 0) + 1);
    expect([...perThread.values()]).toEqual([4, 4, 4]);
    expect(Atomics.load(running, 1)).toBeLessThanOrEqual(3);
    expect(Atomics.load(running, 1)).toBeGreaterThan(1);
    expect(Atomics.load(running, 0)).toBe(0);
  });

  it('sends tasks given before any worker is ready once one is', async () => {
    const running = new Int32Array(new SharedArrayBuffer(8));
    const pool = new WorkerPool<Task, Answer>(url, { size: 1, workerData: { running: running.buffer } });
    pools.push(pool);
    expect(pool.hasRoom(1)).toBe(false);
    const answers = await Promise.all([pool.run({ op: 'answer', value: 7 }), pool.run({ op: 'answer', value: 8 })]);
    expect(answers.map((a) => a.value)).toEqual([7, 8]);
    expect(pool.hasRoom(1)).toBe(true);
  });

  it('refuses a task that throws, and carries on with the next', async () => {
    const failures: Error[] = [];
    const { pool } = await readyPool(1, failures);
    await expect(pool.run({ op: 'throw', value: 3 })).rejects.toThrow('task 3 could not be done');
    const refused = await pool.run({ op: 'run-error', value: 4 }).catch((error: Error) => error);
    expect(isConformError(refused)).toBe(true);
    expect((refused as Error).message).toBe('task 4 was refused');
    expect((await pool.run({ op: 'answer', value: 5 })).value).toBe(5);
    expect(pool.failed).toBeUndefined();
    expect(failures).toEqual([]);
  });

  it('fails the pool and every task still owed when a worker throws', async () => {
    const failures: Error[] = [];
    const { pool } = await readyPool(2, failures);
    const owed = pool.run({ op: 'hang', value: 1 });
    const broken = pool.run({ op: 'break', value: 2 });
    await expect(broken).rejects.toThrow('the worker broke');
    await expect(owed).rejects.toThrow('the worker broke');
    expect(pool.failed?.message).toBe('the worker broke');
    expect(failures.map((f) => f.message)).toEqual(['the worker broke']);
    await expect(pool.run({ op: 'answer', value: 3 })).rejects.toThrow('the worker broke');
  });

  it('fails the pool when a worker stops, with the exit code', async () => {
    const failures: Error[] = [];
    const { pool } = await readyPool(2, failures);
    const owed = pool.run({ op: 'hang', value: 1 });
    await expect(pool.run({ op: 'exit', value: 2 })).rejects.toThrow('a worker thread stopped unexpectedly (exit code 3)');
    await expect(owed).rejects.toThrow('a worker thread stopped unexpectedly (exit code 3)');
    expect(failures).toHaveLength(1);
  });

  it('closes with tasks still waiting: they are refused, and the pool is not failed', async () => {
    const failures: Error[] = [];
    const { pool } = await readyPool(2, failures);
    const waiting = [pool.run({ op: 'hang', value: 1 }), pool.run({ op: 'hang', value: 2 }), pool.run({ op: 'answer', value: 3, ms: 10_000 })];
    const settled = Promise.allSettled(waiting);
    await pool.close();
    const outcomes = await settled;
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toContain('stopped before the task was done');
    expect(pool.failed).toBeUndefined();
    expect(failures).toEqual([]);
  });

  it('says how to get the worker code when it is missing', () => {
    expect(() => workerModule('parallel/no-such-worker.js', ', or use --jobs 1')).toThrow(/no-such-worker\.js is missing: run "npm run build", or use --jobs 1$/);
  });

  // Last: the interrupt's sweep closes this process's gate for good.
  it('holds the temporaries a worker makes, so that an interrupt removes them, and then lets it make none', async () => {
    const running = new Int32Array(new SharedArrayBuffer(8));
    const pool = new WorkerPool<Task, Answer>(url, { size: 1, workerData: { running: running.buffer }, shareTemporaries: true });
    pools.push(pool);
    const dir = mkdtempSync(join(tmpdir(), 'conform-pool-'));
    try {
      const path = join(dir, 'report.json.part');
      await pool.run({ op: 'temporary', value: 1, path });
      expect(existsSync(path)).toBe(true);
      const sweep = removeTemporaries();
      expect(sweep.removed).toEqual([path]);
      expect(existsSync(path)).toBe(false);
      const refused = await pool.run({ op: 'temporary', value: 2, path: join(dir, 'later.part') }).catch((error: Error) => error);
      expect(isConformError(refused)).toBe(true);
      expect((refused as Error).message).toBe('The run was interrupted');
      expect(existsSync(join(dir, 'later.part'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
