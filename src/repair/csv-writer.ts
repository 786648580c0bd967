// Writing a CSV file as it is produced, atomically (io/atomic-write.ts): rows go to a temporary file
// beside the target, which is renamed over the target only once it is complete, keeping the mode and
// owner of the file it replaces. A failure or an interrupt removes the temporary file, so there is never
// a half-written output.
import { openAtomic, type AtomicStream } from '../io/atomic-write.js';

const FLUSH_AT = 1 << 16;

export class CsvWriter {
  private readonly output: AtomicStream;
  private buffer: string[] = [];
  private buffered = 0;

  /** `cell` turns each value into its text (the log makes formulas plain; the repaired data stays as it is). */
  constructor(
    target: string,
    private readonly cell: (value: string) => string = (value) => value,
  ) {
    this.output = openAtomic(target);
  }

  /** One record; cells with a comma, a quote or a line break are quoted. */
  async row(cells: string[]): Promise<void> {
    let line = '';
    for (let i = 0; i < cells.length; i++) {
      if (i) line += ',';
      line += quoteCell(this.cell(cells[i]!));
    }
    this.buffer.push(line, '\r\n');
    this.buffered += line.length + 2;
    if (this.buffered >= FLUSH_AT) await this.flush();
  }

  /** Finish the file and put it in place. */
  async commit(): Promise<void> {
    await this.flush();
    await this.output.commit();
  }

  /** Give up: remove the temporary file. */
  abandon(): void {
    this.output.abort();
  }

  private async flush(): Promise<void> {
    if (!this.buffered) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.buffered = 0;
    await this.output.write(text);
  }
}

export function quoteCell(cell: string): string {
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return `"${cell.replace(/"/g, '""')}"`;
  }
  return cell;
}
