// Cells are slices of the chunk of text they were read from, and a slice keeps its whole chunk alive.
// Anything kept beyond a chunk's life (an issue, a remembered value) is copied out first, so memory does
// not grow with the file.

/** A copy of `text` that shares no memory with the string it was sliced from. */
export function detach(text: string): string {
  // Short strings are copied by slice itself; longer ones are flattened into a new string.
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** Detach every string field of an object, in place. */
export function detachStrings<T extends object>(value: T): T {
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const field = record[key];
    if (typeof field === 'string') record[key] = detach(field);
  }
  return value;
}
