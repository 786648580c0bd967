// A worker thread that checks parts of one big file, CSV or NDJSON, with its own copy of the standard.
// It can start before the file is opened: its modules load at once, and the standard once the main
// thread sends the setup (see part-pool.ts).
import { transferablesOf } from './part-pool.js';
import { loadWorkerStandard, serveParts, type WorkerStandard } from './serve-parts.js';
import { checkCsvPart, type CsvPartTask } from './csv-part.js';
import { checkNdjsonPart } from './ndjson-part.js';
import { RecordChecker } from '../check/records.js';
import { RowChecker } from '../check/row-checker.js';
import type { BytePart } from '../sources/parts.js';

export type PartWorkerSetup = WorkerStandard & ({ kind: 'csv'; delimiter: string } | { kind: 'ndjson' });

serveParts(async (setup: PartWorkerSetup) => {
  const { standard, references } = await loadWorkerStandard(setup);
  if (setup.kind === 'ndjson') {
    const checker = new RecordChecker(standard, references);
    return (task: BytePart) => handBack(checkNdjsonPart(task, checker));
  }
  // The rows' checker is made once the first part brings the header's plan (every part brings the same).
  let checker: RowChecker | undefined;
  return (task: CsvPartTask) => handBack(checkCsvPart(task, (checker ??= new RowChecker(standard, task.plan, references)), setup.delimiter));
});

/** A part's outcome, with the buffers handed over rather than copied: its rules' notes and its bytes (to be filled again). */
function handBack(outcome: { part: { rules: unknown[] }; bytes: Uint8Array }) {
  return { result: outcome, transfer: [...transferablesOf(outcome.part.rules), outcome.bytes.buffer as ArrayBuffer] };
}
