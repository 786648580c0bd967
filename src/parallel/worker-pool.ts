// Worker threads that take tasks and answer each with its own promise: the building block of checking
// files in parallel (batch/pool.ts) and the parts of one big file (part-pool.ts). A task goes to the
// ready worker with the fewest tasks waiting; a worker that throws or stops fails the pool and every task
// it still owes. Temporary files the workers make can be held here, so that an interrupt removes them
// too (see io/cleanup.ts). The worker's side of the exchange is serve-tasks.ts.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { ConformError } from '../errors.js';
import { holdTemporary, releaseTemporary, sharedGate } from '../io/cleanup.js';
import type { ErrorReply, PoolReply } from './serve-tasks.js';

export interface WorkerPoolOptions {
  /** Worker threads started at once. */
  size: number;
  workerData?: object;
  /**
   * The workers make temporary files: they create them through this process's interrupt gate (given to
   * them as `workerData.gate`, see io/cleanup.ts), and this thread holds each until it is released, so
   * that an interrupt removes those of every thread.
   */
  shareTemporaries?: boolean;
  resourceLimits?: ResourceLimits;
  /** What a worker posts besides its answers (progress, say): the caller's own messages. */
  onMessage?: (message: unknown) => void;
  /** Told when a worker becomes ready, so that the caller may give it tasks. */
  onReady?: () => void;
  /** Told once, when the pool fails, whether or not a task was waiting. */
  onFailure?: (error: Error) => void;
}

interface Pending<Result> {
  resolve(value: Result): void;
  reject(error: Error): void;
}

/** `ready`: the worker has said it can take tasks; until then it is given none. */
interface WorkerEntry {
  worker: Worker;
  waiting: number;
  ready: boolean;
}

export class WorkerPool<Task, Result> {
  private readonly workers: WorkerEntry[] = [];
  private readonly pending = new Map<number, Pending<Result>>();
  /** Tasks given before any worker was ready: sent as soon as one is. */
  private readonly backlog: Array<{ id: number; task: Task; transfer: ArrayBuffer[] }> = [];
  private nextId = 0;
  private failure?: Error;
  private closing = false;

  constructor(
    url: URL,
    private readonly options: WorkerPoolOptions,
  ) {
    const workerData = options.shareTemporaries ? { ...options.workerData, gate: sharedGate() } : options.workerData;
    for (let i = 0; i < options.size; i++) {
      const worker = new Worker(url, { workerData, resourceLimits: options.resourceLimits });
      const entry: WorkerEntry = { worker, waiting: 0, ready: false };
      worker.on('message', (message: PoolReply<Result>) => this.receive(entry, message));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`a worker thread stopped unexpectedly (exit code ${code})`));
      });
      this.workers.push(entry);
    }
  }

  /** Is some worker ready with fewer than `ahead` tasks waiting? */
  hasRoom(ahead: number): boolean {
    return this.workers.some((entry) => entry.ready && entry.waiting < ahead);
  }

  /** Run a task on the least busy worker that is ready (or the first to become ready). */
  run(task: Task, transfer: ArrayBuffer[] = []): Promise<Result> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const entry = this.leastBusy();
    if (!entry) {
      return new Promise<Result>((resolve, reject) => {
        this.backlog.push({ id, task, transfer });
        this.pending.set(id, { resolve, reject });
      });
    }
    return new Promise<Result>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send(entry, id, task, transfer);
    });
  }

  /** A message every worker is sent (a setup, say), outside the tasks. */
  broadcast(message: unknown): void {
    for (const { worker } of this.workers) worker.postMessage(message);
  }

  /** Keep the process alive while the workers run (the default). */
  ref(): this {
    for (const { worker } of this.workers) worker.ref();
    return this;
  }

  /** Let the process end without waiting for the workers (they may wait for work that never comes). */
  unref(): this {
    for (const { worker } of this.workers) worker.unref();
    return this;
  }

  /** Why a worker failed (to start, say), once one has. */
  get failed(): Error | undefined {
    return this.failure;
  }

  /** How many workers there are. */
  get size(): number {
    return this.workers.length;
  }

  /** End every worker; tasks still waiting are refused. */
  async close(): Promise<void> {
    this.closing = true;
    this.rejectAll(new Error('the worker threads were stopped before the task was done'));
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private leastBusy(): WorkerEntry | undefined {
    let best: WorkerEntry | undefined;
    for (const entry of this.workers) if (entry.ready && (!best || entry.waiting < best.waiting)) best = entry;
    return best;
  }

  private send(entry: WorkerEntry, id: number, task: Task, transfer: ArrayBuffer[]): void {
    entry.waiting++;
    entry.worker.postMessage({ id, task }, transfer);
  }

  private receive(entry: WorkerEntry, message: PoolReply<Result>): void {
    if (typeof message !== 'object' || message === null || !('pool' in message)) return this.options.onMessage?.(message);
    if (message.pool === 'ready') {
      entry.ready = true;
      for (let waiting = this.backlog.shift(); waiting; waiting = this.backlog.shift()) {
        this.send(this.leastBusy()!, waiting.id, waiting.task, waiting.transfer);
      }
      return this.options.onReady?.();
    }
    if (message.pool === 'temporary') {
      if (message.held) holdTemporary(message.path);
      else releaseTemporary(message.path, message.committedAs);
      return;
    }
    if (message.pool === 'failed') return this.fail(errorOf(message.error));
    entry.waiting--;
    const pending = this.pending.get(message.id);
    this.pending.delete(message.id);
    if (message.pool === 'error') pending?.reject(errorOf(message.error));
    else pending?.resolve(message.result);
  }

  private fail(error: Error): void {
    if (this.failure) return this.rejectAll(this.failure);
    this.failure = error;
    this.rejectAll(error);
    this.options.onFailure?.(error);
  }

  private rejectAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    this.backlog.length = 0;
  }
}

/** An error a worker described: a run error keeps only its message (the user's), any other its stack too. */
function errorOf(reply: ErrorReply): Error {
  return reply.runError ? new ConformError(reply.message) : Object.assign(new Error(reply.message), { stack: reply.stack });
}

/**
 * The compiled worker module `path` (from src/, as `batch/worker.js`); when running from the TypeScript
 * sources, the built one in dist/. `advice` follows the message when it is missing.
 */
export function workerModule(path: string, advice = ''): URL {
  const fromSources = import.meta.url.endsWith('.ts');
  const url = fromSources ? new URL(`../../dist/${path}`, import.meta.url) : new URL(`../${path}`, import.meta.url);
  if (!existsSync(fileURLToPath(url))) throw new ConformError(`The worker code ${fileURLToPath(url)} is missing: run "npm run build"${advice}`);
  return url;
}
