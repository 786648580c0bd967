// Reading the rest of a big CSV file in parts on worker threads, once the header has been found here.
// Parts are cut at line breaks, so most start at a record; a part cut inside a quoted cell says so (its
// rest), and the next part is checked again from that rest — rows and lines come out exactly as if one
// thread had read the file. Results are merged in row order; only a few parts are in flight at once.
import type { TooLongRecord, UnclosedQuote } from '../sources/csv-tokenizer.js';
import { textOfBytes, type TextFile } from '../sources/text.js';
import { PartPool } from '../parallel/part-pool.js';
import { partsOf, type BytePart } from '../sources/parts.js';
import type { CsvPartOutcome, CsvPartTask, CsvWorkerSetup } from '../parallel/csv-part-worker.js';
import type { Standard } from '../standards/standard.js';
import type { TableCheck } from './table.js';
import type { Reference } from './table-rules.js';

/** Bytes in a part: large enough that passing it to a worker costs little against checking it. */
const PART_SIZE = 4 << 20;

export interface PartsOutcome {
  unclosed?: UnclosedQuote;
  tooLong?: TooLongRecord;
}

export type CsvWorkers = PartPool<CsvPartTask, CsvPartOutcome>;

/**
 * Start the worker threads as soon as the file is known to be big: they load the standard while this
 * thread reads the header. Close them when done, whether or not any part was checked.
 */
export function startCsvWorkers(setup: { standard: Standard; references: Reference[]; delimiter: string; threads: number }): CsvWorkers {
  const workerSetup: CsvWorkerSetup = {
    standard: { path: setup.standard.path, options: setup.standard.loadOptions },
    references: setup.references.map((r) => ({ ...r, values: r.values ? [...r.values] : undefined })),
    delimiter: setup.delimiter,
  };
  return new PartPool('csv-part-worker', workerSetup, setup.threads);
}

export async function checkRestInParts(
  pool: CsvWorkers,
  start: { text: string; line: number },
  text: TextFile,
  table: TableCheck,
  setup: { threads: number; partSize?: number },
): Promise<PartsOutcome> {
  const queue: Array<{ task: CsvPartTask; result: Promise<CsvPartOutcome> }> = [];
  const outcome: PartsOutcome = {};
  let rest: { text: string; line: number } | undefined;

  const submit = (part: BytePart) => {
    const task: CsvPartTask = { ...part, plan: table.plan!, watchDamage: table.watchingDamage };
    queue.push({ task, result: pool.run(task, [part.bytes.buffer as ArrayBuffer]) });
  };
  const mergeNext = async () => {
    const { task, result } = queue.shift()!;
    let part = await result;
    if (rest) {
      // The part before ended inside a record, so this part started in the middle of it: check it again.
      part = await pool.run({ ...task, prefix: rest.text + task.prefix, bytes: part.bytes, firstLine: rest.line }, [part.bytes.buffer as ArrayBuffer]);
      rest = undefined;
    }
    if (outcome.tooLong || outcome.unclosed) return; // reading stopped at an earlier part
    table.merge(part.part);
    rest = part.rest;
    if (part.unclosed) outcome.unclosed = part.unclosed;
    if (part.tooLong) outcome.tooLong = part.tooLong;
  };

  // The decoder still decides the encoding here, over the whole file; the workers decode the text. A
  // chunk is decoded here too only to look for damaged text, until some is found.
  const parts = partsOf(text.byteChunks(), start, setup.partSize ?? PART_SIZE, (chunk) => {
    if (!table.watchingDamage && !text.decoding.invalid && !chunk.ascii) table.noteChunk(textOfBytes(chunk.bytes, chunk.encoding, false));
  });
  for await (const part of parts) {
    submit(part);
    while (queue.length > (part.final ? 0 : setup.threads * 2)) await mergeNext();
  }
  return outcome;
}
