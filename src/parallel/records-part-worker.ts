// A worker thread that checks parts of an NDJSON file: each part is whole lines, as bytes (after any text
// read already), with the line it starts on; its records are checked with the worker's own copy of the
// standard and returned as plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { transferablesOf } from './part-pool.js';
import { RecordChecker } from '../check/records.js';
import type { Reference } from '../check/table-rules.js';
import { ndjsonRecords, type BytePart } from '../sources/parts.js';
import { eachTextSlice } from '../sources/text.js';
import { loadStandardFile, type LoadOptions } from '../standards/load.js';

export interface RecordsWorkerSetup {
  standard: { path: string; options: LoadOptions };
  references: Array<Omit<Reference, 'values'> & { values?: string[] }>;
}

export type RecordsPartTask = BytePart;

/** Bytes decoded and split into records at a time. */
const SLICE = 64 * 1024;

const setup = workerData as RecordsWorkerSetup;
const ready = (async () => {
  // The main thread has checked the schema already.
  const standard = await loadStandardFile(setup.standard.path, { ...setup.standard.options, schemaChecked: true });
  const references = setup.references.map((r) => ({ ...r, values: r.values ? new Set(r.values) : undefined }));
  return new RecordChecker(standard, references);
})();

parentPort!.on('message', async ({ id, task }: { id: number; task: RecordsPartTask }) => {
  try {
    const checker = await ready;
    const add = (record: string, line: number) => checker.add(record, line, undefined);
    let left = { rest: task.prefix, line: task.firstLine };
    eachTextSlice(task.bytes, task.encoding, task.ascii, SLICE, (text) => (left = ndjsonRecords(left.rest + text, left.line, false, add)));
    ndjsonRecords(left.rest, left.line, true, add);
    const part = checker.take();
    parentPort!.postMessage({ id, result: part }, transferablesOf(part.rules));
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message ?? String(error), stack: (error as Error).stack });
  }
});
