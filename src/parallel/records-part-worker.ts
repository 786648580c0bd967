// A worker thread that checks parts of an NDJSON file: each part is whole lines, with the line it starts
// on; its records are checked with the worker's own copy of the standard and returned as plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { transferablesOf } from './part-pool.js';
import { RecordChecker } from '../check/records.js';
import type { Reference } from '../check/table-rules.js';
import { ndjsonRecords, type TextPart } from '../sources/parts.js';
import { loadStandardFile, type LoadOptions } from '../standards/load.js';

export interface RecordsWorkerSetup {
  standard: { path: string; options: LoadOptions };
  references: Array<Omit<Reference, 'values'> & { values?: string[] }>;
}

export type RecordsPartTask = TextPart;

const setup = workerData as RecordsWorkerSetup;
const ready = (async () => {
  const standard = await loadStandardFile(setup.standard.path, setup.standard.options);
  const references = setup.references.map((r) => ({ ...r, values: r.values ? new Set(r.values) : undefined }));
  return new RecordChecker(standard, references);
})();

parentPort!.on('message', async ({ id, task }: { id: number; task: RecordsPartTask }) => {
  try {
    const checker = await ready;
    ndjsonRecords(task.text, task.firstLine, true, (record, line) => checker.add(record, line, undefined));
    const part = checker.take();
    parentPort!.postMessage({ id, result: part }, transferablesOf(part.rules));
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message ?? String(error), stack: (error as Error).stack });
  }
});
