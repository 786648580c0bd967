// Checking one part of a big CSV file — bytes that start at a record (after any text read already), with
// the line they start on: decoded and tokenized a slice at a time, checked with a thread's own row
// checker, and returned as plain data with what is left over (a record the part cut in two). Worker
// threads do this, and so does the main thread between reading and merging.
import { MOJIBAKE } from '../repair/mojibake.js';
import { CsvTokenizer, type TooLongRecord, type UnclosedQuote } from '../sources/csv-tokenizer.js';
import type { BytePart } from '../sources/parts.js';
import { eachTextSlice, TEXT_CHUNK } from '../sources/text.js';
import type { PartResult, RowChecker, TablePlan } from '../check/row-checker.js';

/** A part of the file as bytes (see partsOf), handed to a worker rather than copied. */
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

export function checkCsvPart(task: CsvPartTask, rows: RowChecker, delimiter: string): CsvPartOutcome {
  const tokenizer = new CsvTokenizer({ delimiter, quote: '"' }, undefined, task.firstLine);
  // Rows are read a slice at a time, so that only a slice's rows are alive at once: they die young, and
  // cheaply. Damaged text is looked for in the cells once it shows in the text.
  let watchDamage = false;
  const read = (text: string, ascii = false) => {
    // Damaged text is never plain ASCII.
    if (task.watchDamage && !watchDamage && !ascii) watchDamage = MOJIBAKE.test(text);
    const batch = tokenizer.push(text);
    rows.add(batch.rows, batch.lines, watchDamage);
  };
  if (task.prefix) read(task.prefix);
  eachTextSlice(task.bytes, task.encoding, task.ascii, TEXT_CHUNK, read);
  const last = task.final ? tokenizer.end() : tokenizer.drain();
  rows.add(last.rows, last.lines, watchDamage);
  const outcome: CsvPartOutcome = { part: rows.take(), bytes: task.bytes };
  if (!task.final) {
    const rest = tokenizer.rest();
    if (rest.text) outcome.rest = rest;
  }
  if (tokenizer.unclosed) outcome.unclosed = tokenizer.unclosed;
  if (tokenizer.tooLong) outcome.tooLong = tokenizer.tooLong;
  return outcome;
}
