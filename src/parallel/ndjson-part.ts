// Checking one part of a big NDJSON file — whole lines as bytes (after any text read already), with the
// line they start on — with a thread's own record checker. Worker threads do this, and so does the main
// thread between reading and merging.
import { NdjsonLines } from '../sources/ndjson-lines.js';
import type { BytePart } from '../sources/parts.js';
import { eachTextSlice, TEXT_CHUNK } from '../sources/text.js';
import type { RecordChecker, RecordsPart } from '../check/records.js';

export interface NdjsonPartOutcome {
  part: RecordsPart;
  /** The part's bytes, handed back to be filled again (see PartBuffers). */
  bytes: Uint8Array;
}

export function checkNdjsonPart(task: BytePart, checker: RecordChecker): NdjsonPartOutcome {
  const lines = new NdjsonLines(
    task.firstLine,
    (record, line) => checker.add(record, line, undefined),
    (line) => checker.tooLong(line),
    {
      startsInsideLine: task.startsInsideLine,
    },
  );
  lines.push(task.prefix);
  eachTextSlice(task.bytes, task.encoding, task.ascii, TEXT_CHUNK, (text) => lines.push(text));
  if (task.endsInsideLine) lines.cutInsideLine();
  else lines.end();
  return { part: checker.take(), bytes: task.bytes };
}
