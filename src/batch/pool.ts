// Checking many files, in worker threads or in this one, and handing back their reports in the order of
// the files whatever order they finish in. Only a window of files a few times the number of workers is
// in flight or waiting to be handed back, so memory grows with --jobs, not with the number of files.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ConformError } from '../errors.js';
import { expectTemporaries, holdTemporary, releaseTemporary, sharedGate } from '../io/cleanup.js';
import { temporaryPrefixFor } from '../io/atomic-write.js';
import { keyRunsPrefix } from '../io/key-runs.js';
import { Registry } from '../standards/registry.js';
import type { FailOn, FileReport } from '../types.js';
import { checkTask, type Task, type TaskContext } from './check-task.js';
import type { Readable } from 'node:stream';

export interface PoolOptions {
  /** Files checked at once; 1 checks them one after another in this thread. */
  jobs: number;
  failOn: FailOn;
  standardsDirs: string[];
  codelistDirs: string[];
  allowRemote: boolean;
  tokenizer?: 'fast' | 'reference';
  /** Worker threads for the parts of a big file checked in this thread (file-level workers check each file on one thread). */
  threads?: number;
  partSize?: number;
  partsFrom?: number;
  /** The registry of this thread (used with --jobs 1, and for standard input). */
  registry?: Registry;
  stdin?: Readable;
  onEvent?: (event: PoolEvent) => void;
}

export type PoolEvent =
  | { type: 'start'; index: number; task: Task }
  | { type: 'progress'; index: number; rows: number; bytes: number }
  | { type: 'done'; index: number; report: FileReport };

export interface WorkerData {
  standardsDirs: string[];
  codelistDirs: string[];
  allowRemote: boolean;
  tokenizer?: 'fast' | 'reference';
  failOn: FailOn;
  /** The interrupt's gate (see io/cleanup.ts), shared with the main thread. */
  gate: SharedArrayBuffer;
}

export type WorkerReply =
  | { type: 'temporary'; path: string; held: boolean; committedAs?: string }
  | { type: 'ready' }
  | { type: 'started'; index: number }
  | { type: 'progress'; index: number; rows: number; bytes: number }
  | { type: 'done'; index: number; report: FileReport }
  | { type: 'failed'; index: number; message: string; runError: boolean; stack?: string };

/** Files in flight or finished but not yet handed back, per job. */
const WINDOW_PER_JOB = 4;

/**
 * Files sent to a worker and not yet done: the next waits in the worker, so that it goes straight on to
 * it rather than waiting for this thread, which may be busy checking a file of its own, to send one.
 */
const QUEUED_PER_WORKER = 2;

export function checkAll(tasks: Task[], options: PoolOptions): AsyncGenerator<FileReport> {
  // Standard input can be read only here; a single file gains nothing from a worker.
  const inThread = options.jobs <= 1 || tasks.length <= 1 || tasks.some((t) => t.path === '-');
  return inThread ? checkInThread(tasks, options) : checkInParallel(tasks, options);
}

async function* checkInThread(tasks: Task[], options: PoolOptions): AsyncGenerator<FileReport> {
  const context = { ...contextHere(options), threads: options.threads, partSize: options.partSize, partsFrom: options.partsFrom };
  for (const [index, task] of tasks.entries()) yield await checkHere(index, task, context, options);
}

function contextHere(options: PoolOptions): TaskContext {
  return { registry: options.registry ?? new Registry(options.standardsDirs, true, options.codelistDirs, options.allowRemote), failOn: options.failOn, stdin: options.stdin, tokenizer: options.tokenizer };
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
  const url = workerUrl();
  const here = contextHere(options);
  const window = options.jobs * WINDOW_PER_JOB;
  const finished = new Map<number, FileReport>();
  /** `ready`: the worker has loaded its code; until then this thread checks the files. */
  const workers: Array<{ worker: Worker; queued: number; ready: boolean }> = [];
  let nextToStart = 0;
  let nextToHand = 0;
  let failure: Error | undefined;
  let closing = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const mayStart = () => nextToStart < tasks.length && nextToStart < nextToHand + window && !failure;
  const dispatch = () => {
    while (mayStart()) {
      const entry = workers.filter((w) => w.ready).reduce<(typeof workers)[number] | undefined>((a, b) => (a && a.queued <= b.queued ? a : b), undefined);
      if (!entry || entry.queued >= QUEUED_PER_WORKER) break;
      entry.queued++;
      const index = nextToStart++;
      const { valid, invalid } = tasks[index]!.rowTargets ?? {};
      for (const target of [valid, invalid]) if (target) expectTemporaries(temporaryPrefixFor(target));
      entry.worker.postMessage({ index, task: tasks[index] });
    }
  };

  expectTemporaries(keyRunsPrefix());
  const data: WorkerData = { standardsDirs: options.standardsDirs, codelistDirs: options.codelistDirs, allowRemote: options.allowRemote, tokenizer: options.tokenizer, failOn: options.failOn, gate: sharedGate() };
  for (let i = 0; i < Math.min(options.jobs, tasks.length) - 1; i++) {
    const worker = new Worker(url, { workerData: data });
    const entry = { worker, queued: 0, ready: false };
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') {
        entry.ready = true;
        dispatch();
        return;
      }
      if (reply.type === 'temporary') {
        if (reply.held) holdTemporary(reply.path);
        else releaseTemporary(reply.path, reply.committedAs);
        return;
      }
      if (reply.type === 'started') {
        options.onEvent?.({ type: 'start', index: reply.index, task: tasks[reply.index]! });
        return;
      }
      if (reply.type === 'progress') {
        options.onEvent?.(reply);
        return;
      }
      if (reply.type === 'failed') {
        failure ??= reply.runError ? new ConformError(reply.message) : Object.assign(new Error(reply.message), { stack: reply.stack });
      } else {
        finished.set(reply.index, reply.report);
        options.onEvent?.(reply);
        entry.queued--;
        dispatch();
      }
      signal();
    });
    worker.on('error', (error) => {
      failure ??= error;
      signal();
    });
    worker.on('exit', (code) => {
      if (!closing) {
        failure ??= new Error(`a worker thread stopped unexpectedly (exit code ${code})`);
        signal();
      }
    });
    workers.push(entry);
  }

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
    closing = true;
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }
}

/** The compiled worker beside this module; when running from the TypeScript sources, the built one. */
function workerUrl(): URL {
  const fromSources = import.meta.url.endsWith('.ts');
  const url = fromSources ? new URL('../../dist/batch/worker.js', import.meta.url) : new URL('./worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    throw new ConformError(`The worker code ${fileURLToPath(url)} is missing: run "npm run build", or use --jobs 1`);
  }
  return url;
}
