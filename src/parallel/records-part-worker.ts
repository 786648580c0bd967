// A worker thread that checks parts of an NDJSON file (see check/ndjson-part.ts) with its own copy of the
// standard, and hands each part's findings and bytes back.
import { workerData } from 'node:worker_threads';
import { transferablesOf } from './part-pool.js';
import { loadWorkerStandard, serveParts, type WorkerStandard } from './serve-parts.js';
import { checkNdjsonPart } from '../check/ndjson-part.js';
import { RecordChecker } from '../check/records.js';
import type { BytePart } from '../sources/parts.js';

const ready = loadWorkerStandard(workerData as WorkerStandard).then(({ standard, references }) => new RecordChecker(standard, references));

serveParts(ready, async (task: BytePart) => {
  const outcome = checkNdjsonPart(task, await ready);
  return { result: outcome, transfer: [...transferablesOf(outcome.part.rules), task.bytes.buffer as ArrayBuffer] };
});
