// A worker for worker-pool.test.ts, through the built serve-tasks.js as the real workers use it. Each
// task says what to do: answer after a while, throw, break the thread, stop it, never answer, or make a
// temporary file through the main thread's interrupt gate.
import { threadId, workerData } from 'node:worker_threads';
import { writeFileSync } from 'node:fs';
import { ConformError } from '../../dist/errors.js';
import { createTemporary, holdTemporary } from '../../dist/io/cleanup.js';
import { sayReady, serveTasks, shareTemporaries } from '../../dist/parallel/serve-tasks.js';

/** [tasks running now, the most ever running at once], shared by every worker of the pool. */
const running = new Int32Array(workerData.running);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
if (workerData.gate) shareTemporaries(workerData.gate);

serveTasks(
  async (task) => {
    if (task.op === 'throw') throw new Error(`task ${task.value} could not be done`);
    if (task.op === 'run-error') throw new ConformError(`task ${task.value} was refused`);
    if (task.op === 'break')
      setImmediate(() => {
        throw new Error('the worker broke');
      });
    if (task.op === 'exit') process.exit(3);
    if (task.op === 'temporary') {
      createTemporary(() => {
        writeFileSync(task.path, 'half-written');
        holdTemporary(task.path);
      });
      return { result: { value: task.value, threadId } };
    }
    if (task.op === 'break' || task.op === 'hang') return new Promise(() => {});
    const now = Atomics.add(running, 0, 1) + 1;
    for (let most = Atomics.load(running, 1); now > most; most = Atomics.load(running, 1)) Atomics.compareExchange(running, 1, most, now);
    await sleep(task.ms ?? 0);
    Atomics.sub(running, 0, 1);
    return { result: { value: task.value, threadId } };
  },
  { runErrors: true },
);
sayReady();
