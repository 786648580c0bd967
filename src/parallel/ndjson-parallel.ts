// Reading a big NDJSON file in parts: every line break ends a record, so parts are cut at line breaks and
// each part's records are checked on their own. With --jobs n, n - 1 worker threads check parts and this
// thread checks those they have no room for (see csv-parallel.ts); results are merged in order.
import { partWorkers } from './part-pool.js';
import { PartQueue } from './part-queue.js';
import { standardForWorkers } from './serve-parts.js';
import { PART_SIZE, PartBuffers, partsOf, type BytePart } from '../sources/parts.js';
import type { TextFile } from '../sources/text.js';
import type { Standard } from '../standards/standard.js';
import { checkNdjsonPart, type NdjsonPartOutcome } from './ndjson-part.js';
import { RecordChecker, type RecordsCheck } from '../check/records.js';
import type { Reference } from '../check/table-rules.js';

/** `start`: the text read here already (the file's first chunk); the rest is read as bytes. */
export async function checkNdjsonInParts(
  start: string,
  text: TextFile,
  records: RecordsCheck,
  setup: { standard: Standard; references: Reference[]; threads: number; partSize?: number },
): Promise<void> {
  const pool = partWorkers<BytePart, NdjsonPartOutcome>({ kind: 'ndjson', ...standardForWorkers(setup.standard, setup.references) }, setup.threads - 1);
  // This thread's own checker, for the parts it checks.
  const here = new RecordChecker(setup.standard, setup.references);
  const queue = new PartQueue(
    pool,
    (task: BytePart) => checkNdjsonPart(task, here),
    (task) => [task.bytes.buffer as ArrayBuffer],
  );
  const buffers = new PartBuffers(setup.partSize ?? PART_SIZE);
  try {
    for await (const part of partsOf(text.byteChunks(), { text: start, line: 1 }, buffers)) {
      queue.submit(part);
      for (let next = await queue.next(part.final); next; next = await queue.next(part.final)) {
        records.merge(next.result.part);
        buffers.give(next.result.bytes);
      }
    }
  } finally {
    await pool.close();
  }
}
