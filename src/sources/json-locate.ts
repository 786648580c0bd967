// Which line of a JSON text a value is on, found by JSON Pointer. Run only for the values that have
// issues, in one pass, without recursion (so deeply nested input cannot overflow the stack).
import { escapePointer } from './json-records.js';

interface Frame {
  kind: 'object' | 'array';
  path: string;
  index: number;
  /** A key has been read and its value is next. */
  key?: string;
}

/** Lines (counted from `firstLine`) of the values at `pointers`; pointers not found are left out. */
export function locatePointers(text: string, pointers: Iterable<string>, firstLine = 1): Map<string, number> {
  const wanted = new Set(pointers);
  const found = new Map<string, number>();
  if (!wanted.size) return found;
  const prefixes = new Set<string>();
  for (const p of wanted) {
    const parts = p.split('/');
    for (let k = 1; k <= parts.length; k++) prefixes.add(parts.slice(0, k).join('/'));
  }
  const stack: Frame[] = [];
  let line = firstLine;
  let i = 0;
  const n = text.length;
  const valueStarts = (path: string) => {
    if (wanted.has(path)) found.set(path, line);
  };
  let pendingPath: string | undefined = ''; // the root value comes first
  while (i < n && found.size < wanted.size) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 0x2c || c === 0x3a) {
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === 0x7d || c === 0x5d) {
      stack.pop();
      i++;
      continue;
    }
    // In an object with no key read yet: this string is a key.
    if (top && top.kind === 'object' && top.key === undefined && c === 0x22) {
      const end = stringEnd(text, i);
      top.key = JSON.parse(text.slice(i, end)) as string;
      pendingPath = `${top.path}/${escapePointer(top.key)}`;
      i = end;
      continue;
    }
    let path: string;
    if (pendingPath !== undefined) path = pendingPath;
    else if (top && top.kind === 'array') path = `${top.path}/${top.index}`;
    else path = top?.path ?? '';
    pendingPath = undefined;
    if (top?.kind === 'array') top.index++;
    if (top?.kind === 'object') top.key = undefined;
    valueStarts(path);
    if (c === 0x7b || c === 0x5b) {
      if (!prefixes.has(path)) {
        const end = skipContainer(text, i);
        line += countLines(text, i, end);
        i = end;
        continue;
      }
      stack.push({ kind: c === 0x7b ? 'object' : 'array', path, index: 0 });
      i++;
      continue;
    }
    if (c === 0x22) {
      i = stringEnd(text, i);
      continue;
    }
    // A number or a literal.
    while (i < n && !/[\s,\]}]/.test(text[i]!)) i++;
  }
  return found;
}

/** Index just past the string that starts at `start` (the opening quote). */
export function stringEnd(text: string, start: number): number {
  let q = text.indexOf('"', start + 1);
  while (q !== -1) {
    let backslashes = 0;
    for (let k = q - 1; text.charCodeAt(k) === 92; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    q = text.indexOf('"', q + 1);
  }
  return text.length;
}

/** Index just past the object or array that starts at `start`. */
function skipContainer(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = stringEnd(text, i);
      continue;
    }
    if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return text.length;
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
