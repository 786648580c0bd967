// Checking many files, in worker threads or in this one, and handing back their reports in the order of
// the files whatever order they finish in. Only a window of files a few times the number of workers is
// in flight or waiting to be handed back, so memory grows with --jobs, not with the number of files.
import { expectTemporaries } from '../io/cleanup.js';
import { temporaryPrefixFor } from '../io/atomic-write.js';
import { keyRunsPrefix } from '../io/key-runs.js';
import { WorkerPool, workerModule } from '../parallel/worker-pool.js';
import { Registry } from '../standards/registry.js';
import type { FileReport } from '../types.js';
import { checkTask, type Task, type TaskContext } from './check-task.js';
import type { RunSettings } from '../run/settings.js';
import type { Readable } from 'node:stream';

export interface PoolOptions {
  /** `jobs`: files checked at once; 1 checks them one after another in this thread. */
  settings: RunSettings;
  /** The registry of this thread (used with --jobs 1, and for standard input). */
  registry?: Registry;
  stdin?: Readable;
  onEvent?: (event: PoolEvent) => void;
}

export type PoolEvent =
  { type: 'start'; index: number; task: Task } | { type: 'progress'; index: number; rows: number; bytes: number } | { type: 'done'; index: number; report: FileReport };

export interface WorkerData {
  /** The run's settings, for one file at a time on one thread. */
  settings: RunSettings;
}

/** A file for a worker to check: its report is the task's answer. */
export interface FileTask {
  index: number;
  task: Task;
}

/** What a worker says besides its reports. */
export type WorkerNews = { type: 'started'; index: number } | { type: 'progress'; index: number; rows: number; bytes: number };

/** Files in flight or finished but not yet handed back, per job. */
const WINDOW_PER_JOB = 4;

/**
 * Files sent to a worker and not yet done: the next waits in the worker, so that it goes straight on to
 * it rather than waiting for this thread, which may be busy checking a file of its own, to send one.
 */
const QUEUED_PER_WORKER = 2;

export function checkAll(tasks: Task[], options: PoolOptions): AsyncGenerator<FileReport> {
  // Standard input can be read only here; a single file gains nothing from a worker.
  const inThread = options.settings.jobs <= 1 || tasks.length <= 1 || tasks.some((t) => t.path === '-');
  return inThread ? checkInThread(tasks, options) : checkInParallel(tasks, options);
}

async function* checkInThread(tasks: Task[], options: PoolOptions): AsyncGenerator<FileReport> {
  const context = contextHere(options, options.settings);
  for (const [index, task] of tasks.entries()) yield await checkHere(index, task, context, options);
}

function contextHere(options: PoolOptions, settings: RunSettings): TaskContext {
  const registry = options.registry ?? new Registry(settings.standardsDirs, true, settings.codelistDirs, settings.allowRemote);
  return { registry, settings, stdin: options.stdin };
}

async function checkHere(index: number, task: Task, context: TaskContext, options: PoolOptions): Promise<FileReport> {
  options.onEvent?.({ type: 'start', index, task });
  const report = await checkTask(task, context, (p) => options.onEvent?.({ type: 'progress', index, rows: p.rows, bytes: p.bytes }));
  options.onEvent?.({ type: 'done', index, report });
  return report;
}

/**
 * With --jobs n, n - 1 worker threads check files, each with the next one waiting, and this thread checks
 * a file whenever they are all busy: it has loaded its code already, where a worker must load its own
 * (a fifth of a second), and one thread fewer is one copy fewer of everything in memory.
 */
async function* checkInParallel(tasks: Task[], options: PoolOptions): AsyncGenerator<FileReport> {
  const url = workerModule('batch/worker.js', ', or use --jobs 1');
  // Files checked here beside the workers are checked on this one thread, as the workers check theirs.
  const oneThread = { ...options.settings, threads: 1 };
  const here = contextHere(options, oneThread);
  const window = options.settings.jobs * WINDOW_PER_JOB;
  const finished = new Map<number, FileReport>();
  let nextToStart = 0;
  let nextToHand = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const fail = (error: Error) => {
    failure ??= error;
    signal();
  };
  const mayStart = () => nextToStart < tasks.length && nextToStart < nextToHand + window && !failure;
  const hear = (news: WorkerNews) => {
    if (news.type === 'started') options.onEvent?.({ type: 'start', index: news.index, task: tasks[news.index]! });
    else options.onEvent?.(news);
  };
  const done = (index: number, report: FileReport) => {
    finished.set(index, report);
    options.onEvent?.({ type: 'done', index, report });
    dispatch();
    signal();
  };

  expectTemporaries(keyRunsPrefix());
  const data: WorkerData = { settings: oneThread };
  /** Until a worker has loaded its code (is ready), this thread checks the files. */
  const pool = new WorkerPool<FileTask, FileReport>(url, {
    size: Math.min(options.settings.jobs, tasks.length) - 1,
    workerData: data,
    shareTemporaries: true,
    onMessage: (news) => hear(news as WorkerNews),
    onReady: () => dispatch(),
    onFailure: fail,
  });
  const dispatch = () => {
    while (mayStart() && pool.hasRoom(QUEUED_PER_WORKER)) {
      const index = nextToStart++;
      const { valid, invalid } = tasks[index]!.rowTargets ?? {};
      for (const target of [valid, invalid]) if (target) expectTemporaries(temporaryPrefixFor(target));
      pool.run({ index, task: tasks[index]! }).then((report) => done(index, report), fail);
    }
  };

  try {
    dispatch();
    while (nextToHand < tasks.length) {
      if (failure) throw failure;
      const report = finished.get(nextToHand);
      if (report) {
        finished.delete(nextToHand);
        nextToHand++;
        dispatch();
        yield report;
      } else if (mayStart()) {
        // Every worker has a file waiting, or none is ready yet: this thread checks the next one itself.
        const index = nextToStart++;
        finished.set(index, await checkHere(index, tasks[index]!, here, options));
        dispatch();
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    await pool.close();
  }
}
