// A worker thread that checks parts of a CSV file (see check/csv-part.ts) with its own copy of the
// standard, and hands each part's findings and bytes back.
import { parentPort, workerData } from 'node:worker_threads';
import { transferablesOf } from './part-pool.js';
import { checkCsvPart, type CsvPartTask } from '../check/csv-part.js';
import { RowChecker } from '../check/row-checker.js';
import type { Reference } from '../check/table-rules.js';
import { loadStandardFile, type LoadOptions } from '../standards/load.js';

export interface CsvWorkerSetup {
  standard: { path: string; options: LoadOptions };
  references: Array<Omit<Reference, 'values'> & { values?: string[] }>;
  delimiter: string;
}

const setup = workerData as CsvWorkerSetup;
// The standard is loaded as soon as the thread starts; the rows' checker once the first part brings the
// header's plan (every part brings the same).
const ready = (async () => {
  // The main thread has checked the schema already.
  const standard = await loadStandardFile(setup.standard.path, { ...setup.standard.options, schemaChecked: true });
  const references = setup.references.map((r) => ({ ...r, values: r.values ? new Set(r.values) : undefined }));
  return { standard, references };
})();
let checker: RowChecker | undefined;

parentPort!.on('message', async ({ id, task }: { id: number; task: CsvPartTask }) => {
  try {
    const { standard, references } = await ready;
    const outcome = checkCsvPart(task, (checker ??= new RowChecker(standard, task.plan, references)), setup.delimiter);
    parentPort!.postMessage({ id, result: outcome }, [...transferablesOf(outcome.part.rules), task.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message ?? String(error), stack: (error as Error).stack });
  }
});
