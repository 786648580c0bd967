// A worker thread that checks parts of an NDJSON file (see check/ndjson-part.ts) with its own copy of the
// standard, and returns each part's findings as plain data.
import { workerData } from 'node:worker_threads';
import { transferablesOf } from './part-pool.js';
import { loadWorkerStandard, serveParts, type WorkerStandard } from './serve-parts.js';
import { checkNdjsonPart } from '../check/ndjson-part.js';
import { RecordChecker } from '../check/records.js';
import type { BytePart } from '../sources/parts.js';

const ready = loadWorkerStandard(workerData as WorkerStandard).then(({ standard, references }) => new RecordChecker(standard, references));

serveParts(async (task: BytePart) => {
  const part = checkNdjsonPart(task, await ready);
  return { result: part, transfer: transferablesOf(part.rules) };
});
