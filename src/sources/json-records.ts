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

  /** `limit`: the longest element kept, in characters; a longer one is given as SKIPPED_RECORD. */
  constructor(private readonly limit = MAX_RECORD_CHARS) {}

  push(chunk: string): JsonBatch {
    const out: JsonBatch = { texts: [], lines: [] };
    if (this.mode === Mode.Done || this.problem) return out;
    const s = chunk;
    // Where the kept text goes on in this chunk: at its start when text is kept from earlier chunks.
    let start = this.kept.length || this.overlong ? 0 : -1;
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
      switch (this.mode) {
        case Mode.BeforeRoot:
          if (c === 0x5b /* [ */) {
            this.depth = 1;
            this.recordsDepth = 1;
            this.mode = Mode.BetweenElements;
          } else if (c === 0x7b /* { */) {
            this.depth = 1;
            this.mode = Mode.InObject;
            start = i;
            this.keptLine = this.line;
            this.expectValue = false;
          } else {
            this.fail('the file should hold an array of records, or an object holding one');
            return out;
          }
          break;
        case Mode.InObject:
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
              out.texts.push(this.cut(s, start, i + 1));
              out.lines.push(this.keptLine);
              this.mode = Mode.Done;
              return out;
            }
          } else if (this.depth === 1 && c === 0x2c) {
            this.expectValue = false;
          } else if (this.depth === 1) {
            this.expectValue = false;
          }
          break;
        case Mode.BetweenElements:
          if (c === 0x2c /* , */) break;
          if (c === 0x5d /* ] */) {
            this.depth--;
            this.mode = this.depth === 0 ? Mode.Done : Mode.AfterRecords;
            break;
          }
          start = i;
          this.keptLine = this.line;
          this.mode = Mode.InElement;
          if (c === 0x7b || c === 0x5b) this.depth++;
          else if (c === 0x22) this.inString = true;
          break;
        case Mode.InElement:
          if (c === 0x22) this.inString = true;
          else if (c === 0x7b || c === 0x5b) this.depth++;
          else if (c === 0x7d || c === 0x5d) {
            if (this.depth === this.recordsDepth) {
              // The end of the records array right after a plain value.
              this.emit(out, s, start, i);
              this.depth--;
              this.mode = this.depth === 0 ? Mode.Done : Mode.AfterRecords;
              start = -1;
              break;
            }
            this.depth--;
            if (this.depth === this.recordsDepth) {
              this.emit(out, s, start, i + 1);
              this.mode = Mode.BetweenElements;
              start = -1;
            }
          } else if (c === 0x2c && this.depth === this.recordsDepth) {
            this.emit(out, s, start, i);
            this.mode = Mode.BetweenElements;
            start = -1;
          }
          break;
        case Mode.AfterRecords:
          // The rest of the top-level object (other keys) is not records; keep track of nesting only.
          if (c === 0x22) this.inString = true;
          else if (c === 0x7b || c === 0x5b) this.depth++;
          else if (c === 0x7d || c === 0x5d) {
            this.depth--;
            if (this.depth === 0) this.mode = Mode.Done;
          }
          break;
        case Mode.ArrayStart:
          if (c === 0x7b /* { */) {
            // An array of objects: the records. The brace is read again as the first element's.
            this.depth = 2;
            this.recordsDepth = 2;
            this.pointer = `/${escapePointer(this.key ?? '')}`;
            this.mode = Mode.BetweenElements;
            this.letGo();
            start = -1;
          } else {
            // A list of values (or an empty list) is a property of the one record the object is.
            this.depth = 2;
            this.expectValue = false;
            this.mode = Mode.InObject;
          }
          continue;
        case Mode.Done:
          this.fail('there is more text after the end of the JSON value');
          return out;
      }
      i++;
    }
    if (start >= 0 && (this.mode === Mode.InElement || this.mode === Mode.InObject || this.mode === Mode.ArrayStart)) this.keep(s.slice(start));
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
