// A worker thread that checks parts of one big file, CSV or NDJSON, with its own copy of the standard.
// It can start before the file is opened: its modules load at once, and the standard once the main
// thread sends the setup (see part-pool.ts).
import { transferablesOf } from './part-pool.js';
import { loadWorkerStandard, serveParts, type WorkerStandard } from './serve-parts.js';
import { checkCsvPart, type CsvPartTask } from '../check/csv-part.js';
import { checkNdjsonPart } from '../check/ndjson-part.js';
import { RecordChecker } from '../check/records.js';
import { RowChecker } from '../check/row-checker.js';
import type { BytePart } from '../sources/parts.js';

export type PartWorkerSetup = WorkerStandard & ({ kind: 'csv'; delimiter: string } | { kind: 'ndjson' });

serveParts(async (setup: PartWorkerSetup) => {
  const { standard, references } = await loadWorkerStandard(setup);
  if (setup.kind === 'ndjson') {
    const checker = new RecordChecker(standard, references);
    return (task: BytePart) => {
      const outcome = checkNdjsonPart(task, checker);
      return { result: outcome, transfer: [...transferablesOf(outcome.part.rules), task.bytes.buffer as ArrayBuffer] };
    };
  }
  // The rows' checker is made once the first part brings the header's plan (every part brings the same).
  let checker: RowChecker | undefined;
  return (task: CsvPartTask) => {
    const outcome = checkCsvPart(task, (checker ??= new RowChecker(standard, task.plan, references)), setup.delimiter);
    return { result: outcome, transfer: [...transferablesOf(outcome.part.rules), task.bytes.buffer as ArrayBuffer] };
  };
});
