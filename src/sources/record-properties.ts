// A bound on the properties of one record. JSON.parse of a record with millions of keys takes a great
// deal of memory, and every key the standard does not allow is an issue of its own, so such a line can
// exhaust the heap. A record with more than MAX_RECORD_PROPERTIES properties (counting nested objects) is
// reported and not checked; the text is counted before it is parsed, and only when it is long enough to
// hold that many.
import { stringEnd } from './json-locate.js';

/** The most properties (keys, at every depth) one record may have and be checked. */
export const MAX_RECORD_PROPERTIES = 100_000;

/** The shortest text a property takes (`"":0` and a comma). */
const SHORTEST_PROPERTY = 5;

/** Whether the JSON text of a record has more than `limit` properties; linear in the text. */
export function tooManyProperties(text: string, limit = MAX_RECORD_PROPERTIES): boolean {
  if (text.length <= limit * SHORTEST_PROPERTY) return false;
  let count = 0;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i = stringEnd(text, i);
      continue;
    }
    // Outside strings, a colon ends a key.
    if (c === 0x3a && ++count > limit) return true;
    i++;
  }
  return false;
}
