// A worker thread that checks parts of a CSV file: each part is text that starts at a record, with the
// line it starts on. The worker tokenizes it, checks its rows with its own copy of the standard and the
// header's plan, and returns the findings and what is left over (a record the part cut in two).
import { parentPort, workerData } from 'node:worker_threads';
import { transferablesOf } from './part-pool.js';
import { RowChecker, type PartResult, type TablePlan } from '../check/row-checker.js';
import type { Reference } from '../check/table-rules.js';
import { MOJIBAKE } from '../repair/mojibake.js';
import { CsvTokenizer, type TooLongRecord, type UnclosedQuote } from '../sources/csv-tokenizer.js';
import { loadStandardFile, type LoadOptions } from '../standards/load.js';

export interface CsvWorkerSetup {
  standard: { path: string; options: LoadOptions };
  plan: TablePlan;
  references: Array<Omit<Reference, 'values'> & { values?: string[] }>;
  delimiter: string;
}

export interface CsvPartTask {
  text: string;
  firstLine: number;
  /** The last part of the file: a record without a line break at the end is complete. */
  final: boolean;
  /** Look at each cell for text damaged by an earlier bad conversion. */
  watchDamage: boolean;
}

export interface CsvPartOutcome {
  part: PartResult;
  /** Text after the last complete record: the part was cut inside a quoted cell. */
  rest?: { text: string; line: number };
  unclosed?: UnclosedQuote;
  tooLong?: TooLongRecord;
}

const setup = workerData as CsvWorkerSetup;
/** Characters tokenized and checked at a time. */
const SLICE = 64 * 1024;
const ready = (async () => {
  const standard = await loadStandardFile(setup.standard.path, setup.standard.options);
  const references = setup.references.map((r) => ({ ...r, values: r.values ? new Set(r.values) : undefined }));
  return new RowChecker(standard, setup.plan, references);
})();

parentPort!.on('message', async ({ id, task }: { id: number; task: CsvPartTask }) => {
  try {
    const checker = await ready;
    const tokenizer = new CsvTokenizer({ delimiter: setup.delimiter, quote: '"' }, undefined, task.firstLine);
    const watchDamage = task.watchDamage && MOJIBAKE.test(task.text);
    // Read in slices, so that only a slice's rows are alive at once: they die young, and cheaply.
    for (let at = 0; at < task.text.length; at += SLICE) {
      const batch = tokenizer.push(task.text.slice(at, at + SLICE));
      checker.add(batch.rows, batch.lines, watchDamage);
    }
    const last = task.final ? tokenizer.end() : tokenizer.drain();
    checker.add(last.rows, last.lines, watchDamage);
    const outcome: CsvPartOutcome = { part: checker.take() };
    if (!task.final) {
      const rest = tokenizer.rest();
      if (rest.text) outcome.rest = rest;
    }
    if (tokenizer.unclosed) outcome.unclosed = tokenizer.unclosed;
    if (tokenizer.tooLong) outcome.tooLong = tokenizer.tooLong;
    parentPort!.postMessage({ id, result: outcome }, transferablesOf(outcome.part.rules));
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message ?? String(error), stack: (error as Error).stack });
  }
});
