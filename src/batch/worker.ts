// A worker thread of a parallel run: it loads the standards it needs itself (through its own registry),
// checks the files it is sent one at a time, and posts back each file's report and, now and then, how far
// the current file has got.
import { parentPort, workerData } from 'node:worker_threads';
import { isConformError } from '../errors.js';
import { joinGate, observeTemporaries } from '../io/cleanup.js';
import { Registry } from '../standards/registry.js';
import { checkTask, type Task } from './check-task.js';
import type { WorkerData, WorkerReply } from './pool.js';

const PROGRESS_EVERY_MS = 100;

const data = workerData as WorkerData;
const registry = new Registry(data.standardsDirs, true, data.codelistDirs, data.allowRemote);
const port = parentPort!;
const post = (reply: WorkerReply) => port.postMessage(reply);
// The main thread removes this thread's half-written files too when the run is interrupted.
joinGate(data.gate);
observeTemporaries((path, held) => post({ type: 'temporary', path, held }));

port.on('message', async ({ index, task }: { index: number; task: Task }) => {
  let last = 0;
  try {
    const report = await checkTask(task, { registry, failOn: data.failOn, tokenizer: data.tokenizer }, (progress) => {
      const now = performance.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      post({ type: 'progress', index, rows: progress.rows, bytes: progress.bytes });
    });
    post({ type: 'done', index, report });
  } catch (error) {
    post({ type: 'failed', index, message: error instanceof Error ? error.message : String(error), runError: isConformError(error), stack: (error as Error)?.stack });
  }
});
