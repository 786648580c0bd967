// Reading the rest of a big CSV file in parts on worker threads, once the header has been found here.
// Parts are cut at line breaks, so most start at a record; a part cut inside a quoted cell says so (its
// rest), and the next part is checked again from that rest — rows and lines come out exactly as if one
// thread had read the file. Results are merged in row order; only a few parts are in flight at once.
import type { TooLongRecord, UnclosedQuote } from '../sources/csv-tokenizer.js';
import type { TextFile } from '../sources/text.js';
import { PartPool } from '../parallel/part-pool.js';
import type { CsvPartOutcome, CsvPartTask, CsvWorkerSetup } from '../parallel/csv-part-worker.js';
import type { Standard } from '../standards/standard.js';
import type { TableCheck } from './table.js';
import type { Reference } from './table-rules.js';

/** Characters in a part: large enough that passing it to a worker costs little against checking it. */
const PART_SIZE = 4 << 20;
/** A line longer than this is sent on as it is, for the worker to report as a record too long. */
const LONGEST_LINE = 64 << 20;

export interface PartsOutcome {
  unclosed?: UnclosedQuote;
  tooLong?: TooLongRecord;
}

export async function checkRestInParts(
  chunks: AsyncIterator<string>,
  start: { text: string; line: number },
  text: TextFile,
  table: TableCheck,
  setup: { standard: Standard; references: Reference[]; delimiter: string; threads: number; partSize?: number },
): Promise<PartsOutcome> {
  const workerSetup: CsvWorkerSetup = {
    standard: { path: setup.standard.path, options: setup.standard.loadOptions },
    plan: table.plan!,
    references: setup.references.map((r) => ({ ...r, values: r.values ? [...r.values] : undefined })),
    delimiter: setup.delimiter,
  };
  const pool = new PartPool<CsvPartTask, CsvPartOutcome>('csv-part-worker', workerSetup, setup.threads);
  const queue: Array<{ task: CsvPartTask; result: Promise<CsvPartOutcome> }> = [];
  const outcome: PartsOutcome = {};
  let rest: { text: string; line: number } | undefined;

  const submit = (partText: string, firstLine: number, final: boolean) => {
    const task: CsvPartTask = { text: partText, firstLine, final, watchDamage: table.watchingDamage };
    queue.push({ task, result: pool.run(task) });
  };
  const mergeNext = async () => {
    const { task, result } = queue.shift()!;
    let part = await result;
    if (rest) {
      // The part before ended inside a record, so this part started in the middle of it: check it again.
      part = await pool.run({ ...task, text: rest.text + task.text, firstLine: rest.line });
      rest = undefined;
    }
    if (outcome.tooLong || outcome.unclosed) return; // reading stopped at an earlier part
    table.merge(part.part);
    rest = part.rest;
    if (part.unclosed) outcome.unclosed = part.unclosed;
    if (part.tooLong) outcome.tooLong = part.tooLong;
  };

  try {
    let carry = start.text;
    let carryLine = start.line;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      const chunk = next.value;
      if (!text.decoding.invalid && !text.lastChunkAscii) table.noteChunk(chunk);
      carry += chunk;
      if (carry.length < (setup.partSize ?? PART_SIZE)) continue;
      let cut = carry.lastIndexOf('\n');
      if (cut < 0 && carry.length < LONGEST_LINE) continue;
      if (cut < 0) cut = carry.length - 1;
      const partText = carry.slice(0, cut + 1);
      submit(partText, carryLine, false);
      carryLine += countNewlines(partText);
      carry = carry.slice(cut + 1);
      while (queue.length > setup.threads * 2) await mergeNext();
    }
    submit(carry, carryLine, true);
    while (queue.length) await mergeNext();
    return outcome;
  } finally {
    await pool.close();
  }
}

function countNewlines(s: string): number {
  let count = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) count++;
  return count;
}

