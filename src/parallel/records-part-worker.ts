// A worker thread that checks parts of an NDJSON file (see check/ndjson-part.ts) with its own copy of the
// standard, and returns each part's findings as plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { transferablesOf } from './part-pool.js';
import { checkNdjsonPart } from '../check/ndjson-part.js';
import { RecordChecker } from '../check/records.js';
import type { Reference } from '../check/table-rules.js';
import type { BytePart } from '../sources/parts.js';
import { loadStandardFile, type LoadOptions } from '../standards/load.js';

export interface RecordsWorkerSetup {
  standard: { path: string; options: LoadOptions };
  references: Array<Omit<Reference, 'values'> & { values?: string[] }>;
}

const setup = workerData as RecordsWorkerSetup;
const ready = (async () => {
  // The main thread has checked the schema already.
  const standard = await loadStandardFile(setup.standard.path, { ...setup.standard.options, schemaChecked: true });
  const references = setup.references.map((r) => ({ ...r, values: r.values ? new Set(r.values) : undefined }));
  return new RecordChecker(standard, references);
})();

parentPort!.on('message', async ({ id, task }: { id: number; task: BytePart }) => {
  try {
    const part = checkNdjsonPart(task, await ready);
    parentPort!.postMessage({ id, result: part }, transferablesOf(part.rules));
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message ?? String(error), stack: (error as Error).stack });
  }
});
