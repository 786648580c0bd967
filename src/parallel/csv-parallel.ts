// Reading the rest of a big CSV file in parts, once the header has been found here. Parts are cut at line
// breaks, so most start at a record; a part cut inside a quoted cell says so (its rest), and the next part
// is checked again from that rest — rows and lines come out exactly as if one thread had read the file.
// With --jobs n, n - 1 worker threads check parts and this thread checks the parts they have no room
// for, between reading and merging: on two cores, one worker and this thread do more than two workers
// beside a thread that mostly waits, and in less memory. Results are merged in row order.
import type { TooLongRecord, UnclosedQuote } from '../sources/csv-tokenizer.js';
import { eachTextSlice, type TextFile } from '../sources/text.js';
import { partWorkers, type PartPool } from './part-pool.js';
import { PartQueue } from './part-queue.js';
import { PART_SIZE, PartBuffers, partsOf } from '../sources/parts.js';
import { standardForWorkers } from './serve-parts.js';
import { checkCsvPart, type CsvPartOutcome, type CsvPartTask } from './csv-part.js';
import { RowChecker } from '../check/row-checker.js';
import type { Standard } from '../standards/standard.js';
import type { TableCheck } from '../check/table.js';
import type { Reference } from '../check/table-rules.js';

/** Bytes of a read chunk looked at for damaged text at a time: slices of plain ASCII are skipped. */
const DAMAGE_SLICE = 16 << 10;

export interface PartsOutcome {
  unclosed?: UnclosedQuote;
  tooLong?: TooLongRecord;
}

export interface PartsSetup {
  standard: Standard;
  references: Reference[];
  delimiter: string;
  /** Threads that check parts, this one included (at least 2). */
  threads: number;
  partSize?: number;
}

export type CsvWorkers = PartPool<CsvPartTask, CsvPartOutcome>;

/**
 * Start the worker threads as soon as the file is known to be big: they load the standard while this
 * thread reads the header. Close them when done, whether or not any part was checked.
 */
export function startCsvWorkers(setup: PartsSetup): CsvWorkers {
  return partWorkers({ kind: 'csv', ...standardForWorkers(setup.standard, setup.references), delimiter: setup.delimiter }, setup.threads - 1);
}

export async function checkRestInParts(pool: CsvWorkers, start: { text: string; line: number }, text: TextFile, table: TableCheck, setup: PartsSetup): Promise<PartsOutcome> {
  const outcome: PartsOutcome = {};
  let rest: { text: string; line: number } | undefined;
  // This thread's own checker, for the parts it checks (its state is its own, as each worker's is).
  let here: RowChecker | undefined;
  const checkHere = (task: CsvPartTask) => checkCsvPart(task, (here ??= new RowChecker(setup.standard, task.plan, setup.references)), setup.delimiter);
  const queue = new PartQueue(pool, checkHere, (task) => [task.bytes.buffer as ArrayBuffer]);

  const buffers = new PartBuffers(setup.partSize ?? PART_SIZE);

  const merge = (task: CsvPartTask, part: CsvPartOutcome) => {
    if (rest) {
      // The part before ended inside a record, so this part started in the middle of it: check it again.
      part = checkHere({ ...task, prefix: rest.text + task.prefix, bytes: part.bytes, firstLine: rest.line });
      rest = undefined;
    }
    buffers.give(part.bytes);
    if (outcome.tooLong || outcome.unclosed) return; // reading stopped at an earlier part
    table.merge(part.part);
    rest = part.rest;
    if (part.unclosed) outcome.unclosed = part.unclosed;
    if (part.tooLong) outcome.tooLong = part.tooLong;
  };

  // The decoder still decides the encoding here, over the whole file; the parts are decoded where they
  // are checked. What is not plain ASCII is decoded here too, to look for damaged text, until some is found.
  const parts = partsOf(text.byteChunks(), start, buffers, (chunk) => {
    if (table.watchingDamage || text.decoding.invalid || chunk.ascii) return;
    eachTextSlice(chunk.bytes, chunk.encoding, false, DAMAGE_SLICE, (slice) => table.noteChunk(slice), true);
  });
  for await (const part of parts) {
    queue.submit({ ...part, plan: table.plan!, watchDamage: table.watchingDamage });
    for (let next = await queue.next(part.final); next; next = await queue.next(part.final)) merge(next.task, next.result);
  }
  return outcome;
}
