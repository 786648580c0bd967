// Streaming the records out of a JSON file without parsing it whole: a light scanner finds the array of
// records — the top-level array, or the array inside a top-level object (`{"grants": [...]}`) — and cuts
// out each element's text with the line it starts on. Each element is then parsed on its own, so a 2 GB
// export is read in the memory of one record.

import { MAX_RECORD_CHARS } from './ndjson-lines.js';

/** In place of an element longer than MAX_RECORD_CHARS, which is not kept: no element's text is empty. */
export const SKIPPED_RECORD = '';

export interface JsonBatch {
  texts: string[];
  lines: number[];
}

export interface JsonSyntaxProblem {
  line: number;
  message: string;
}

const enum Mode {
  BeforeRoot,
  InObject,
  BetweenElements,
  InElement,
  AfterRecords,
  Done,
  /** Just inside an array in the top-level object: records if its first element is an object. */
  ArrayStart,
}

/** What the scan does after a character: move on, read it again in the mode it switched to, or stop. */
type Step = 1 | 0 | -1;
const NEXT = 1;
const AGAIN = 0;
const STOP = -1;

export class JsonRecordSplitter {
  /** JSON Pointer of the records array: '' for a top-level array, '/grants' inside an object. */
  pointer = '';
  /** The file is one object with no array of records: it is taken as a single record. */
  single = false;
  problem?: JsonSyntaxProblem;

  private mode = Mode.BeforeRoot;
  private depth = 0;
  private recordsDepth = 0;
  private inString = false;
  private line = 1;
  /** Text kept across chunks, in pieces joined once: the current element, or the top-level object while it is searched. */
  private kept: string[] = [];
  private keptLength = 0;
  private keptLine = 1;
  /** The kept text grew past the limit: it is let go, and the element is given as SKIPPED_RECORD. */
  private overlong = false;
  /** In the top-level object: the last key read (and its text from earlier chunks), and whether a value is expected next. */
  private key: string | undefined;
  private keyStart = -1;
  private keyPieces: string[] = [];
  private expectValue = false;
  private escaped = false;
  /** Where the text of the record (or top-level object) being read starts in this chunk; -1 when none. */
  private from = -1;

  /** `limit`: the longest element kept, in characters; a longer one is given as SKIPPED_RECORD. */
  constructor(private readonly limit = MAX_RECORD_CHARS) {}

  push(chunk: string): JsonBatch {
    const out: JsonBatch = { texts: [], lines: [] };
    // Once the value has ended the scan still reads on: any later text, in any chunk, is a problem.
    if (this.problem) return out;
    const s = chunk;
    // Where the kept text goes on in this chunk: at its start when text is kept from earlier chunks.
    this.from = this.kept.length || this.overlong ? 0 : -1;
    if (this.keyPieces.length) this.keyStart = 0;
    let i = 0;
    if (this.escaped) {
      // The previous chunk ended inside a string with a backslash that escapes this first character.
      this.escaped = false;
      i++;
    }
    const n = s.length;
    let stringFrom = i;
    while (i < n) {
      if (this.inString) {
        stringFrom = i;
        const close = findClosingQuote(s, i);
        if (close < 0) {
          i = n;
          break;
        }
        this.inString = false;
        if (this.mode === Mode.InObject && this.depth === 1 && this.keyStart >= 0) {
          this.keyPieces.push(s.slice(this.keyStart, close + 1));
          this.key = JSON.parse(this.keyPieces.join('')) as string;
          this.keyPieces = [];
          this.keyStart = -1;
        }
        i = close + 1;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === 10) {
        this.line++;
        i++;
        continue;
      }
      if (c === 32 || c === 9 || c === 13) {
        i++;
        continue;
      }
      const step = this.step(c, s, i, out);
      if (step === STOP) return out;
      i += step;
    }
    if (this.from >= 0 && (this.mode === Mode.InElement || this.mode === Mode.InObject || this.mode === Mode.ArrayStart)) this.keep(s.slice(this.from));
    else this.letGo();
    if (this.keyStart >= 0) this.keyPieces.push(s.slice(this.keyStart));
    this.keyStart = -1;
    if (this.inString) {
      // Backslashes at the end of the chunk, counted within the string (from where the scan went into it).
      let backslashes = 0;
      for (let k = n - 1; k >= stringFrom && s.charCodeAt(k) === 92; k--) backslashes++;
      this.escaped = backslashes % 2 === 1;
    }
    return out;
  }

  /** One character outside strings and white space, read in the current mode: how far the scan moves on. */
  private step(c: number, s: string, i: number, out: JsonBatch): Step {
    switch (this.mode) {
      case Mode.BeforeRoot:
        return this.beforeRoot(c, i);
      case Mode.InObject:
        return this.inObject(c, s, i, out);
      case Mode.BetweenElements:
        return this.betweenElements(c, i);
      case Mode.InElement:
        return this.inElement(c, s, i, out);
      case Mode.AfterRecords:
        return this.afterRecords(c);
      case Mode.ArrayStart:
        return this.arrayStart(c);
      case Mode.Done:
        this.fail('there is more text after the end of the JSON value');
        return STOP;
    }
  }

  /** The first character: an array of records, or an object that may hold one. */
  private beforeRoot(c: number, i: number): Step {
    if (c === 0x5b /* [ */) {
      this.depth = 1;
      this.recordsDepth = 1;
      this.mode = Mode.BetweenElements;
      return NEXT;
    }
    if (c === 0x7b /* { */) {
      this.depth = 1;
      this.mode = Mode.InObject;
      this.from = i;
      this.keptLine = this.line;
      this.expectValue = false;
      return NEXT;
    }
    this.fail('the file should hold an array of records, or an object holding one');
    return STOP;
  }

  /** In the top-level object, looking for the key whose value is an array of records. */
  private inObject(c: number, s: string, i: number, out: JsonBatch): Step {
    if (c === 0x22 /* " */) {
      this.inString = true;
      if (this.depth === 1 && !this.expectValue) this.keyStart = i;
      if (this.depth === 1 && this.expectValue) this.expectValue = false;
    } else if (this.depth === 1 && c === 0x3a /* : */) {
      this.expectValue = true;
    } else if (this.depth === 1 && this.expectValue && c === 0x5b) {
      this.mode = Mode.ArrayStart;
    } else if (c === 0x7b || c === 0x5b) {
      this.depth++;
      this.expectValue = false;
    } else if (c === 0x7d || c === 0x5d) {
      this.depth--;
      if (this.depth === 0) {
        // An object with no array in it: the object itself is the one record.
        this.single = true;
        out.texts.push(this.cut(s, this.from, i + 1));
        out.lines.push(this.keptLine);
        this.mode = Mode.Done;
        return NEXT;
      }
    } else if (this.depth === 1) {
      this.expectValue = false;
    }
    return NEXT;
  }

  /** Between two records: a comma, the end of the records, or the start of the next record. */
  private betweenElements(c: number, i: number): Step {
    if (c === 0x2c /* , */) return NEXT;
    if (c === 0x5d /* ] */) {
      this.depth--;
      this.mode = this.depth === 0 ? Mode.Done : Mode.AfterRecords;
      return NEXT;
    }
    this.from = i;
    this.keptLine = this.line;
    this.mode = Mode.InElement;
    if (c === 0x7b || c === 0x5b) this.depth++;
    else if (c === 0x22) this.inString = true;
    return NEXT;
  }

  /** In a record: its end is the bracket that closes it, or (for a plain value) the comma or bracket after it. */
  private inElement(c: number, s: string, i: number, out: JsonBatch): Step {
    if (c === 0x22) this.inString = true;
    else if (c === 0x7b || c === 0x5b) this.depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (this.depth === this.recordsDepth) {
        // The end of the records array right after a plain value.
        this.emit(out, s, this.from, i);
        this.depth--;
        this.mode = this.depth === 0 ? Mode.Done : Mode.AfterRecords;
        this.from = -1;
        return NEXT;
      }
      this.depth--;
      if (this.depth === this.recordsDepth) {
        this.emit(out, s, this.from, i + 1);
        this.mode = Mode.BetweenElements;
        this.from = -1;
      }
    } else if (c === 0x2c && this.depth === this.recordsDepth) {
      this.emit(out, s, this.from, i);
      this.mode = Mode.BetweenElements;
      this.from = -1;
    }
    return NEXT;
  }

  /** The rest of the top-level object (other keys) is not records; nesting is followed only to find its end. */
  private afterRecords(c: number): Step {
    if (c === 0x22) this.inString = true;
    else if (c === 0x7b || c === 0x5b) this.depth++;
    else if (c === 0x7d || c === 0x5d) {
      this.depth--;
      if (this.depth === 0) this.mode = Mode.Done;
    }
    return NEXT;
  }

  /** Just inside an array in the top-level object. The character is read again in the mode this decides. */
  private arrayStart(c: number): Step {
    if (c === 0x7b /* { */) {
      // An array of objects: the records. The brace is read again as the first element's.
      this.depth = 2;
      this.recordsDepth = 2;
      this.pointer = `/${escapePointer(this.key ?? '')}`;
      this.mode = Mode.BetweenElements;
      this.letGo();
      this.from = -1;
    } else {
      // A list of values (or an empty list) is a property of the one record the object is.
      this.depth = 2;
      this.expectValue = false;
      this.mode = Mode.InObject;
    }
    return AGAIN;
  }

  private keep(text: string): void {
    if (this.overlong) return;
    this.keptLength += text.length;
    if (this.keptLength > this.limit) {
      this.overlong = true;
      this.kept = [];
      this.keptLength = 0;
    } else this.kept.push(text);
  }

  private letGo(): void {
    this.kept = [];
    this.keptLength = 0;
    this.overlong = false;
  }

  /** The text from `start` (in `s`, or in the kept text when it goes on from earlier chunks) to `end`. */
  private cut(s: string, start: number, end: number): string {
    const overlong = this.overlong;
    const text = this.kept.length ? this.kept.join('') + s.slice(0, end) : s.slice(start, end);
    this.letGo();
    if (overlong || text.length > this.limit) return SKIPPED_RECORD;
    return text;
  }

  end(): JsonBatch {
    const out: JsonBatch = { texts: [], lines: [] };
    if (this.problem) return out;
    if (this.mode === Mode.BeforeRoot) this.fail('the file holds no JSON value');
    else if (this.mode !== Mode.Done) this.fail(this.inString ? 'a string is never closed' : 'the file ends before the JSON is complete (a bracket or brace is never closed)');
    return out;
  }

  private emit(out: JsonBatch, s: string, start: number, end: number): void {
    out.texts.push(this.cut(s, start, end).trimEnd());
    out.lines.push(this.keptLine);
  }

  private fail(message: string): void {
    this.problem = { line: this.line, message };
    this.mode = Mode.Done;
  }
}

/**
 * Index of the quote that closes a string whose content goes on at `from`, or -1. Backslashes are counted
 * from `from` only: what came before it (in this chunk or the last) cannot escape anything after it.
 */
function findClosingQuote(s: string, from: number): number {
  let q = s.indexOf('"', from);
  while (q !== -1) {
    let backslashes = 0;
    for (let k = q - 1; k >= from && s.charCodeAt(k) === 92; k--) backslashes++;
    if (backslashes % 2 === 0) return q;
    q = s.indexOf('"', q + 1);
  }
  return -1;
}

export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
