// csv-parse behind the fast tokenizer's interface: the reference the fast tokenizer is tested against,
// and the reader for dialects it does not handle (a quote character other than `"`, a multi-character
// delimiter). Records and their start lines come out exactly as the fast tokenizer gives them.
import { parse, type Parser } from 'csv-parse';
import type { TokenBatch, UnclosedQuote } from './csv-tokenizer.js';
import { countByte } from './encoding.js';

export interface Tokenizer {
  push(chunk: string): TokenBatch;
  end(): TokenBatch;
  unclosed?: UnclosedQuote;
  tooLong?: { line: number; limit: number };
}

export class ReferenceTokenizer implements Tokenizer {
  unclosed?: UnclosedQuote;
  private readonly parser: Parser;
  private batch: TokenBatch = { rows: [], lines: [] };
  /** Bytes given to the parser and not yet assigned to a record, to count the lines records span. */
  private pending: Buffer = Buffer.alloc(0);
  private consumed = 0;
  private line = 1;

  constructor(dialect: { delimiter: string; quote: string }) {
    this.parser = parse({
      delimiter: dialect.delimiter,
      quote: dialect.quote,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\r\n', '\r\n', '\n'],
      info: true,
    });
    // In flowing mode csv-parse hands over each record as soon as it is complete, during write().
    this.parser.on('data', (record: { record: string[]; info: { bytes: number } }) => {
      const length = record.info.bytes - this.consumed;
      const bytes = this.pending.subarray(0, length);
      this.pending = this.pending.subarray(length);
      this.consumed = record.info.bytes;
      this.batch.rows.push(record.record);
      this.batch.lines.push(this.line);
      this.line += countByte(bytes, 10);
    });
    // csv-parse reports an unclosed quote asynchronously; end() finds it sooner, as bytes no record took.
    this.parser.on('error', () => this.markUnclosed());
  }

  push(chunk: string): TokenBatch {
    const bytes = Buffer.from(chunk);
    this.pending = this.pending.length ? Buffer.concat([this.pending, bytes]) : bytes;
    if (!this.unclosed) this.parser.write(bytes);
    return this.take();
  }

  end(): TokenBatch {
    if (!this.unclosed) {
      this.parser.end();
      if (this.pending.length) this.markUnclosed();
    }
    return this.take();
  }

  private markUnclosed(): void {
    if (this.unclosed) return;
    const open = this.pending;
    this.unclosed = { line: this.line, linesSwallowed: countByte(open, 10) + (open[open.length - 1] === 10 ? 0 : 1) };
  }

  private take(): TokenBatch {
    const batch = this.batch;
    this.batch = { rows: [], lines: [] };
    return batch;
  }
}
