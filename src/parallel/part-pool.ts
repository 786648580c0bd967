// Worker threads that check parts of one big file, so a file uses every core. Each worker holds its own
// copy of the standard and the plan; parts go to the worker with the least waiting, and each part's
// result comes back through its own promise, to be merged in row order by the caller. The command line
// may start the workers before the file is opened (prestartPartWorkers), so that they load their code
// while this thread loads the standard and reads the header.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ConformError } from '../errors.js';
import type { PartWorkerSetup } from './part-worker.js';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class PartPool<Task, Result> {
  /** `ready`: the worker has loaded the standard; until then it is given no parts. */
  private readonly workers: Array<{ worker: Worker; waiting: number; ready: boolean }> = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure?: Error;
  private closing = false;

  constructor(size: number) {
    const url = workerUrl('part-worker');
    for (let i = 0; i < size; i++) {
      // A smaller young generation than the default: a part's rows die young, and memory is spared.
      const worker = new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: 16 } });
      const entry = { worker, waiting: 0, ready: false };
      worker.on('message', (reply: { id: number; result?: Result; error?: string; stack?: string; ready?: true; failed?: string }) => {
        if (reply.ready) return void (entry.ready = true);
        if (reply.failed !== undefined) return this.fail(Object.assign(new Error(reply.failed), { stack: reply.stack }));
        entry.waiting--;
        const pending = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if (reply.error !== undefined) pending?.reject(Object.assign(new Error(reply.error), { stack: reply.stack }));
        else pending?.resolve(reply.result);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`a worker thread stopped unexpectedly (exit code ${code})`));
      });
      this.workers.push(entry);
    }
  }

  /** Send every worker the standard and what it checks; each says when it is ready. */
  start(setup: PartWorkerSetup): this {
    for (const { worker } of this.workers) {
      worker.ref();
      worker.postMessage({ setup });
    }
    return this;
  }

  /** Let the process end without waiting for the workers (they wait for a file that may never come). */
  unref(): this {
    for (const { worker } of this.workers) worker.unref();
    return this;
  }

  /** Is some worker ready with fewer than `ahead` parts waiting? */
  hasRoom(ahead: number): boolean {
    return this.workers.some((entry) => entry.ready && entry.waiting < ahead);
  }

  /** Check a part on the least busy worker that is ready. */
  run(task: Task, transfer: ArrayBuffer[] = []): Promise<Result> {
    if (this.failure) return Promise.reject(this.failure);
    const entry = this.workers.filter((w) => w.ready).reduce((a, b) => (b.waiting < a.waiting ? b : a));
    const id = this.nextId++;
    entry.waiting++;
    const promise = new Promise<Result>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    entry.worker.postMessage({ id, task }, transfer);
    return promise;
  }

  /** Why a worker failed (to start, say), once one has. */
  get failed(): Error | undefined {
    return this.failure;
  }

  /** How many workers there are. */
  get size(): number {
    return this.workers.length;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.pending.values()) pending.reject(this.failure);
    this.pending.clear();
  }
}

let prestarted: PartPool<unknown, unknown> | undefined;

/**
 * Start `size` part workers now, for a big file about to be checked: they load their code while this
 * thread loads the standard. partWorkers takes them; closePrestartedWorkers ends them if it never did.
 */
export function prestartPartWorkers(size: number): void {
  prestarted ??= new PartPool<unknown, unknown>(size).unref();
}

/** `size` part workers checking with this setup: those started early if there are as many, else new ones. */
export function partWorkers<Task, Result>(setup: PartWorkerSetup, size: number): PartPool<Task, Result> {
  const early = prestarted?.size === size ? (prestarted as PartPool<Task, Result>) : undefined;
  if (early) prestarted = undefined;
  return (early ?? new PartPool<Task, Result>(size)).start(setup);
}

/** End the workers started early that no file took. */
export async function closePrestartedWorkers(): Promise<void> {
  const unused = prestarted;
  prestarted = undefined;
  await unused?.close();
}

/** The typed arrays in the table rules' notes of a part: handed over to the main thread, not copied. */
export function transferablesOf(rules: unknown[]): ArrayBuffer[] {
  return rules.flatMap((notes) =>
    Object.values(notes ?? {})
      .filter((v): v is Uint32Array | Int32Array => ArrayBuffer.isView(v))
      .map((v) => v.buffer as ArrayBuffer),
  );
}

/** The compiled worker script beside this module; when running from the TypeScript sources, the built one. */
function workerUrl(script: string): URL {
  const fromSources = import.meta.url.endsWith('.ts');
  const url = fromSources ? new URL(`../../dist/parallel/${script}.js`, import.meta.url) : new URL(`./${script}.js`, import.meta.url);
  if (!existsSync(fileURLToPath(url))) throw new ConformError(`The worker code ${fileURLToPath(url)} is missing: run "npm run build"`);
  return url;
}
