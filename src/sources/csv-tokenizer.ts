// The fast CSV tokenizer. Lines without a quote character are split with indexOf (most lines of real
// files); lines with one go through a small state machine. It agrees with csv-parse run with
// `relax_quotes`, `relax_column_count` and record delimiters LF, CRLF and CR CR LF, which the
// differential test holds it to: a quote starts a quoted cell only at the start of a cell, `""` inside
// one is a quote, and a quoted cell followed by anything but a delimiter or a line end is taken
// literally from there on, in its quotes.

export interface CsvDialect {
  delimiter: string;
  quote: string;
}

/** Records tokenized from one chunk of text: the cells, and the physical line each record starts on. */
export interface TokenBatch {
  rows: string[][];
  lines: number[];
}

export interface UnclosedQuote {
  /** Line of the record holding the quote that never closes. */
  line: number;
  /** Lines from there to the end of the file. */
  linesSwallowed: number;
}

export interface TooLongRecord {
  line: number;
  limit: number;
}

const INCOMPLETE = -1;
const UNCLOSED = -2;

export class CsvTokenizer {
  private readonly delimiter: string;
  private readonly quote: string;
  /** Text of an incomplete record carried over from the previous chunks. */
  private pending: string[] = [];
  private pendingLength = 0;
  /** Length the pending text must reach before it is scanned again (keeps long records linear). */
  private rescanAt = 0;
  private line = 1;
  /** Set by scanQuoted: the cells of the record it read, and the newlines inside it. */
  private cells: string[] = [];
  private newlines = 0;
  unclosed?: UnclosedQuote;
  tooLong?: TooLongRecord;

  constructor(
    dialect: CsvDialect,
    /** Longest record accepted, in characters: a guard against a quote that never closes. */
    private readonly maxRecordLength = 64 * 1024 * 1024,
    /** The line the text starts on, when it is a part of a file that starts at a record. */
    firstLine = 1,
  ) {
    if (dialect.delimiter.length !== 1 || dialect.quote.length !== 1) throw new Error('delimiter and quote must be single characters');
    this.delimiter = dialect.delimiter;
    this.quote = dialect.quote;
    this.line = firstLine;
  }

  /** Make records of everything complete in the text carried over, however little was added since. */
  drain(): TokenBatch {
    this.rescanAt = 0;
    return this.push('');
  }

  /** The text not yet made into records (it starts a record), and its line; the tokenizer lets go of it. */
  rest(): { text: string; line: number } {
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    this.rescanAt = 0;
    return { text, line: this.line };
  }

  /** Tokenize the complete records in `chunk` (plus what was carried over); keep the rest for later. */
  push(chunk: string): TokenBatch {
    const batch: TokenBatch = { rows: [], lines: [] };
    if (this.unclosed || this.tooLong) return batch;
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    if (this.pendingLength < this.rescanAt) return batch;
    const text = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    const consumed = this.scan(text, false, batch);
    const rest = consumed >= text.length ? '' : text.slice(consumed);
    this.pending = rest ? [rest] : [];
    this.pendingLength = rest.length;
    this.rescanAt = rest.length * 2;
    if (rest.length > this.maxRecordLength) {
      this.tooLong = { line: this.line, limit: this.maxRecordLength };
      this.pending = [];
    }
    return batch;
  }

  /** The end of the input: the last record, even without a final line break. */
  end(): TokenBatch {
    const batch: TokenBatch = { rows: [], lines: [] };
    if (this.unclosed || this.tooLong) return batch;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    this.scan(text, true, batch);
    return batch;
  }

  /** Scan complete records from the start of `s`; returns the index of the first character not consumed. */
  private scan(s: string, final: boolean, out: TokenBatch): number {
    const d = this.delimiter;
    const q = this.quote;
    const n = s.length;
    const rows = out.rows;
    const lines = out.lines;
    let line = this.line;
    let pos = 0;
    // The next quote and delimiter at or after the current position; searched again only once passed.
    let nextQuote = -1;
    let nextDelimiter = -1;
    while (pos < n) {
      let nl = s.indexOf('\n', pos);
      if (nl === -1) {
        if (!final) break;
        nl = n;
      }
      if (nextQuote < pos) {
        nextQuote = s.indexOf(q, pos);
        if (nextQuote === -1) nextQuote = Infinity;
      }
      if (nextQuote < nl) {
        const next = this.scanQuoted(s, pos, final);
        if (next === INCOMPLETE) break;
        if (next === UNCLOSED) {
          this.unclosed = { line, linesSwallowed: countNewlines(s, pos, n) + (s.endsWith('\n') ? 0 : 1) };
          pos = n;
          break;
        }
        rows.push(this.cells);
        lines.push(line);
        line += this.newlines;
        pos = next;
        continue;
      }
      // A line with no quote in it: split on the delimiter.
      let end = nl;
      if (nl < n) {
        // The CR of CRLF, and of CR CR LF (a CRLF file converted twice), belongs to the line break.
        if (end > pos && s.charCodeAt(end - 1) === 13) end--;
        if (end > pos && s.charCodeAt(end - 1) === 13) end--;
      }
      const cells: string[] = [];
      let start = pos;
      for (;;) {
        if (nextDelimiter < start) {
          nextDelimiter = s.indexOf(d, start);
          if (nextDelimiter === -1) nextDelimiter = Infinity;
        }
        if (nextDelimiter >= end) break;
        cells.push(s.slice(start, nextDelimiter));
        start = nextDelimiter + 1;
      }
      cells.push(s.slice(start, end));
      rows.push(cells);
      lines.push(line);
      line++;
      pos = nl + 1;
    }
    this.line = line;
    return pos;
  }

  /**
   * Read one record that has a quote character in its first line, starting at `start`. Sets this.cells
   * and this.newlines; returns where the next record starts, or INCOMPLETE / UNCLOSED.
   */
  private scanQuoted(s: string, start: number, final: boolean): number {
    const d = this.delimiter;
    const q = this.quote;
    const n = s.length;
    const cells: string[] = [];
    let newlines = 0;
    let p = start;
    for (;;) {
      // p is at the start of a cell.
      let value: string;
      if (p < n && s[p] === q) {
        let text = '';
        let from = p + 1;
        let after: number;
        for (;;) {
          const close = s.indexOf(q, from);
          if (close === -1) return final ? UNCLOSED : INCOMPLETE;
          if (close + 1 >= n && !final) return INCOMPLETE;
          if (s[close + 1] === q) {
            text += s.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          text += s.slice(from, close);
          after = close + 1;
          break;
        }
        const c = after < n ? s[after] : undefined;
        if (c === '\r' && after + 2 >= n && !final) return INCOMPLETE;
        if (c === undefined || c === d || c === '\n' || lineBreakAt(s, after) > 0) {
          newlines += countNewlines(s, p, after);
          value = text;
          p = after;
        } else {
          // Something follows the closing quote: the cell is the quoted text so far, in its quotes, and
          // everything after it up to the next delimiter, taken literally.
          const end = this.cellEnd(s, after, final);
          if (end === INCOMPLETE) return INCOMPLETE;
          newlines += countNewlines(s, p, end);
          value = q + text + q + trimCr(s, after, end);
          p = end;
        }
      } else {
        const end = this.cellEnd(s, p, final);
        if (end === INCOMPLETE) return INCOMPLETE;
        value = trimCr(s, p, end);
        p = end;
      }
      cells.push(value);
      if (p >= n) break; // end of input (final)
      if (s[p] === d) {
        p++;
        continue;
      }
      p += lineBreakAt(s, p); // LF, CRLF or CR CR LF
      newlines++;
      break;
    }
    this.cells = cells;
    this.newlines = newlines;
    return p;
  }

  /** Where an unquoted cell starting at `from` ends: at the next delimiter or line break (LF or CRLF). */
  private cellEnd(s: string, from: number, final: boolean): number {
    let delimiter = s.indexOf(this.delimiter, from);
    let nl = s.indexOf('\n', from);
    if (nl === -1) {
      if (!final && (delimiter === -1 || delimiter >= s.length)) return INCOMPLETE;
      nl = s.length;
    }
    if (delimiter === -1 || delimiter > nl) delimiter = nl;
    return delimiter;
  }
}

/** Text from `from` to `end`, without the CRs of a CRLF (or CR CR LF) that ends the record there. */
function trimCr(s: string, from: number, end: number): string {
  if (s[end] !== '\n') return s.slice(from, end);
  let stop = end;
  if (stop > from && s.charCodeAt(stop - 1) === 13) stop--;
  if (stop > from && s.charCodeAt(stop - 1) === 13) stop--;
  return s.slice(from, stop);
}

/** Length of the line break at `i`: LF, CRLF or CR CR LF; 0 when there is none. */
function lineBreakAt(s: string, i: number): number {
  if (s[i] === '\n') return 1;
  if (s[i] === '\r' && s[i + 1] === '\n') return 2;
  if (s[i] === '\r' && s[i + 1] === '\r' && s[i + 2] === '\n') return 3;
  return 0;
}

function countNewlines(s: string, from: number, to: number): number {
  let count = 0;
  let i = s.indexOf('\n', from);
  while (i !== -1 && i < to) {
    count++;
    i = s.indexOf('\n', i + 1);
  }
  return count;
}
