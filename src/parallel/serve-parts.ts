// What the part workers share: the standard each loads when it starts (described by the main thread,
// which has loaded and checked it already), and how each answers the main thread, part by part.
import { parentPort } from 'node:worker_threads';
import type { Reference } from '../check/table-rules.js';
import { loadStandardFile, type LoadOptions } from '../standards/load.js';
import type { Standard } from '../standards/standard.js';

/** The standard and the other files' values, as plain data a worker thread can be given. */
export interface WorkerStandard {
  standard: { path: string; options: LoadOptions };
  references: Array<Omit<Reference, 'values'> & { values?: string[] }>;
}

export function standardForWorkers(standard: Standard, references: Reference[]): WorkerStandard {
  return {
    standard: { path: standard.path, options: standard.loadOptions },
    references: references.map((r) => ({ ...r, values: r.values ? [...r.values] : undefined })),
  };
}

export async function loadWorkerStandard(setup: WorkerStandard): Promise<{ standard: Standard; references: Reference[] }> {
  // The main thread has checked the schema already.
  const standard = await loadStandardFile(setup.standard.path, { ...setup.standard.options, schemaChecked: true });
  const references = setup.references.map((r) => ({ ...r, values: r.values ? new Set(r.values) : undefined }));
  return { standard, references };
}

/**
 * Say when the thread is ready (the standard is loaded), so that the main thread checks parts itself
 * until then; then answer each part it sends with its result (and the buffers handed back), or the error.
 */
export function serveParts<Task>(ready: Promise<unknown>, check: (task: Task) => Promise<{ result: unknown; transfer: ArrayBuffer[] }>): void {
  ready.then(
    () => parentPort!.postMessage({ ready: true }),
    (error) => parentPort!.postMessage({ failed: (error as Error).message ?? String(error), stack: (error as Error).stack }),
  );
  parentPort!.on('message', async ({ id, task }: { id: number; task: Task }) => {
    try {
      const { result, transfer } = await check(task);
      parentPort!.postMessage({ id, result }, transfer);
    } catch (error) {
      parentPort!.postMessage({ id, error: (error as Error).message ?? String(error), stack: (error as Error).stack });
    }
  });
}
