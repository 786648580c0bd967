// How a part worker loads the standard the main thread describes (it has loaded and checked it already),
// and answers the main thread, part by part.
import type { Reference } from '../check/table-rules.js';
import { loadStandardFile, type LoadOptions } from '../standards/load.js';
import type { Standard } from '../standards/standard.js';
import { sayFailed, sayReady, serveTasks, type Answer } from './serve-tasks.js';

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

type PartCheck = (task: never) => Answer;

/**
 * The first message is the setup: prepare the check from it (load the standard), and say when the thread
 * is ready, so that the main thread checks parts itself until then. Every later message is a part: answer
 * it with its result (and the buffers handed back), or the error.
 */
export function serveParts<Setup>(prepare: (setup: Setup) => Promise<PartCheck>): void {
  let ready: Promise<PartCheck> | undefined;
  serveTasks(async (task: never) => (await ready!)(task), {
    onOther: (message) => {
      ready = prepare((message as { setup: Setup }).setup);
      ready.then(sayReady, sayFailed);
    },
  });
}
