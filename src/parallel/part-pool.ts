// Worker threads that check parts of one big file, so a file uses every core. Each worker holds its own
// copy of the standard and the plan; parts go to the worker with the least waiting, and each part's
// result comes back through its own promise, to be merged in row order by the caller. The command line
// may start the workers before the file is opened (prestartPartWorkers), so that they load their code
// while this thread loads the standard and reads the header.
import type { PartWorkerSetup } from './part-worker.js';
import { WorkerPool, workerModule } from './worker-pool.js';

export class PartPool<Task, Result> extends WorkerPool<Task, Result> {
  constructor(size: number) {
    // A smaller young generation than the default: a part's rows die young, and memory is spared.
    super(workerModule('parallel/part-worker.js'), { size, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
  }

  /** Send every worker the standard and what it checks; each says when it is ready. */
  start(setup: PartWorkerSetup): this {
    this.ref().broadcast({ setup });
    return this;
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
