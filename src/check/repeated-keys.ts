// A JSON object that names the same property twice (`{"Amount": 10, "Amount": 5000}`) is read by
// JSON.parse — and by most tools — with its last value, silently: the first value is never checked, and
// another reader may keep the first. Such records are reported (`property-duplicate`) wherever they are:
// in a JSON array of records, an NDJSON line or a whole document.

/** A property named again in the same object. */
export interface RepeatedKey {
  /** The JSON Pointer of the object that holds it, within the text scanned ('' for the top). */
  object: string;
  key: string;
  /** 0-based: lines before the repeated name in the text scanned. */
  lineOffset: number;
}

/** Past this many in one text, the rest are not listed: one is enough to fail the record. */
const MAX_LISTED = 20;

/**
 * The repeated property names in `text`, whose parse is `parsed`. Linear in the text: a native count of
 * member names first (a quote, spaces, a colon), compared with the keys JSON.parse kept; only when they
 * differ is the text scanned for which names repeat.
 */
export function repeatedKeys(text: string, parsed: unknown): RepeatedKey[] {
  if (parsed === null || typeof parsed !== 'object') return [];
  // Every member name ends with `"`, spaces and `:`, so there are at least as many matches as names (a
  // string value holding `":` only adds to them): equal to the keys kept means no name was repeated.
  if (nameEnds(text) <= keysIn(parsed)) return [];
  return scan(text);
}

/** Colons right after a closing quote (spaces between allowed): at least one per member name. */
function nameEnds(text: string): number {
  let count = 0;
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) {
    let before = at - 1;
    let c = text.charCodeAt(before);
    while (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) c = text.charCodeAt(--before);
    if (c === 0x22) count++;
  }
  return count;
}

function keysIn(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const key in node) {
      count++;
      const child = (node as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return count;
}

interface Frame {
  pointer: string;
  /** Names seen in this object (undefined for an array). */
  keys?: Set<string>;
  /** The next string is a member name. */
  expectKey: boolean;
  /** The current member's name or element's index, for the pointer of what it holds. */
  at: string;
  index: number;
}

function scan(text: string): RepeatedKey[] {
  const found: RepeatedKey[] = [];
  const stack: Frame[] = [];
  let line = 0;
  const childPointer = () => {
    const top = stack[stack.length - 1];
    return top ? `${top.pointer}/${top.keys ? escape(top.at) : String(top.index)}` : '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = text.indexOf('"', i + 1);
      while (end > 0 && backslashesBefore(text, end) % 2 === 1) end = text.indexOf('"', end + 1);
      if (end < 0) break; // not JSON; the parse already said so
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (top.keys.has(key)) {
          if (found.length < MAX_LISTED) found.push({ object: top.pointer, key, lineOffset: line });
        } else top.keys.add(key);
        top.at = key;
        top.expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */) {
      stack.push({ pointer: childPointer(), keys: new Set(), expectKey: true, at: '', index: 0 });
    } else if (c === 0x5b /* [ */) {
      stack.push({ pointer: childPointer(), expectKey: false, at: '', index: 0 });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
      else if (top) top.index++;
    } else if (c === 0x0a) line++;
  }
  return found;
}

function backslashesBefore(text: string, at: number): number {
  let n = 0;
  while (text.charCodeAt(at - 1 - n) === 0x5c) n++;
  return n;
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
