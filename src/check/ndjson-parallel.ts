// Reading a big NDJSON file in parts on worker threads: every line break ends a record, so parts are cut
// at line breaks and each part's records are checked on their own; results are merged in order.
import { PartPool } from '../parallel/part-pool.js';
import type { RecordsPartTask, RecordsWorkerSetup } from '../parallel/records-part-worker.js';
import { partsOf } from '../sources/parts.js';
import type { TextFile } from '../sources/text.js';
import type { Standard } from '../standards/standard.js';
import type { RecordsCheck, RecordsPart } from './records.js';
import type { Reference } from './table-rules.js';

const PART_SIZE = 4 << 20;

/** `start`: the text read here already (the file's first chunk); the rest goes to the workers as bytes. */
export async function checkNdjsonInParts(
  start: string,
  text: TextFile,
  records: RecordsCheck,
  setup: { standard: Standard; references: Reference[]; threads: number; partSize?: number },
): Promise<void> {
  const workerSetup: RecordsWorkerSetup = {
    standard: { path: setup.standard.path, options: setup.standard.loadOptions },
    references: setup.references.map((r) => ({ ...r, values: r.values ? [...r.values] : undefined })),
  };
  const pool = new PartPool<RecordsPartTask, RecordsPart>('records-part-worker', workerSetup, setup.threads);
  const queue: Array<Promise<RecordsPart>> = [];
  try {
    for await (const part of partsOf(text.byteChunks(), { text: start, line: 1 }, setup.partSize ?? PART_SIZE)) {
      queue.push(pool.run(part, [part.bytes.buffer as ArrayBuffer]));
      while (queue.length > (part.final ? 0 : setup.threads * 2)) records.merge(await queue.shift()!);
    }
  } finally {
    await pool.close();
  }
}
