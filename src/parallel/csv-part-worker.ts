// A worker thread that checks parts of a CSV file (see check/csv-part.ts) with its own copy of the
// standard, and hands each part's findings and bytes back.
import { workerData } from 'node:worker_threads';
import { transferablesOf } from './part-pool.js';
import { loadWorkerStandard, serveParts, type WorkerStandard } from './serve-parts.js';
import { checkCsvPart, type CsvPartTask } from '../check/csv-part.js';
import { RowChecker } from '../check/row-checker.js';

export interface CsvWorkerSetup extends WorkerStandard {
  delimiter: string;
}

const setup = workerData as CsvWorkerSetup;
// The standard is loaded as soon as the thread starts; the rows' checker once the first part brings the
// header's plan (every part brings the same).
const ready = loadWorkerStandard(setup);
let checker: RowChecker | undefined;

serveParts(ready, async (task: CsvPartTask) => {
  const { standard, references } = await ready;
  const outcome = checkCsvPart(task, (checker ??= new RowChecker(standard, task.plan, references)), setup.delimiter);
  return { result: outcome, transfer: [...transferablesOf(outcome.part.rules), task.bytes.buffer as ArrayBuffer] };
});
