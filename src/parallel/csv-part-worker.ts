// A worker thread that checks parts of a CSV file: each part is bytes that start at a record (after any
// text read already), with the line it starts on. The worker decodes and tokenizes it, checks its rows
// with its own copy of the standard and the header's plan, and returns the findings and what is left
// over (a record the part cut in two).
import { parentPort, workerData } from 'node:worker_threads';
import { transferablesOf } from './part-pool.js';
import { RowChecker, type PartResult, type TablePlan } from '../check/row-checker.js';
import type { Reference } from '../check/table-rules.js';
import { MOJIBAKE } from '../repair/mojibake.js';
import { CsvTokenizer, type TooLongRecord, type UnclosedQuote } from '../sources/csv-tokenizer.js';
import type { BytePart } from '../sources/parts.js';
import { eachTextSlice } from '../sources/text.js';
import { loadStandardFile, type LoadOptions } from '../standards/load.js';

export interface CsvWorkerSetup {
  standard: { path: string; options: LoadOptions };
  references: Array<Omit<Reference, 'values'> & { values?: string[] }>;
  delimiter: string;
}

/** A part of the file as bytes (see partsOf), handed over rather than copied. */
export interface CsvPartTask extends BytePart {
  /** How the header's columns map to the standard (known once the header has been read). */
  plan: TablePlan;
  /** Look at each cell for text damaged by an earlier bad conversion, once the part's text shows signs of it. */
  watchDamage: boolean;
}

export interface CsvPartOutcome {
  part: PartResult;
  /** Text after the last complete record: the part was cut inside a quoted cell. */
  rest?: { text: string; line: number };
  unclosed?: UnclosedQuote;
  tooLong?: TooLongRecord;
  /** The part's bytes, handed back: should the part before end inside a record, this one is read again. */
  bytes: Uint8Array;
}

const setup = workerData as CsvWorkerSetup;
/** Bytes decoded, tokenized and checked at a time. */
const SLICE = 64 * 1024;
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
    const rows = (checker ??= new RowChecker(standard, task.plan, references));
    const tokenizer = new CsvTokenizer({ delimiter: setup.delimiter, quote: '"' }, undefined, task.firstLine);
    // Rows are read a slice at a time, so that only a slice's rows are alive at once: they die young, and
    // cheaply. Damaged text is looked for in the cells once it shows in the text.
    let watchDamage = false;
    const read = (text: string) => {
      if (task.watchDamage && !watchDamage) watchDamage = MOJIBAKE.test(text);
      const batch = tokenizer.push(text);
      rows.add(batch.rows, batch.lines, watchDamage);
    };
    if (task.prefix) read(task.prefix);
    eachTextSlice(task.bytes, task.encoding, task.ascii, SLICE, read);
    const last = task.final ? tokenizer.end() : tokenizer.drain();
    rows.add(last.rows, last.lines, watchDamage);
    const outcome: CsvPartOutcome = { part: rows.take(), bytes: task.bytes };
    if (!task.final) {
      const rest = tokenizer.rest();
      if (rest.text) outcome.rest = rest;
    }
    if (tokenizer.unclosed) outcome.unclosed = tokenizer.unclosed;
    if (tokenizer.tooLong) outcome.tooLong = tokenizer.tooLong;
    parentPort!.postMessage({ id, result: outcome }, [...transferablesOf(outcome.part.rules), task.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message ?? String(error), stack: (error as Error).stack });
  }
});
