// A worker thread of a parallel run: it loads the standards it needs itself (through its own registry),
// says when it is ready, checks the files it is sent one at a time, and posts back when it starts each
// file, the file's report, and now and then how far the current file has got.
import { parentPort, workerData } from 'node:worker_threads';
import { sayReady, serveTasks, shareTemporaries } from '../parallel/serve-tasks.js';
import { Registry } from '../standards/registry.js';
import { checkTask } from './check-task.js';
import type { FileTask, WorkerData, WorkerNews } from './pool.js';

const PROGRESS_EVERY_MS = 100;

const data = workerData as WorkerData & { gate: SharedArrayBuffer };
const { settings } = data;
const registry = new Registry(settings.standardsDirs, true, settings.codelistDirs, settings.allowRemote);
const port = parentPort!;
const post = (news: WorkerNews) => port.postMessage(news);
// The main thread removes this thread's half-written files too when the run is interrupted.
shareTemporaries(data.gate);

/** Files are checked one at a time, in the order they were sent; the next may be waiting already. */
serveTasks(check, { runErrors: true });
sayReady();

async function check({ index, task }: FileTask) {
  post({ type: 'started', index });
  let last = 0;
  const report = await checkTask(task, { registry, settings }, (progress) => {
    const now = performance.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    post({ type: 'progress', index, rows: progress.rows, bytes: progress.bytes });
  });
  return { result: report };
}
