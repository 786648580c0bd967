// Writing a CSV file as it is produced, atomically: rows go to a temporary file beside the target (created
// anew, so never through an existing link), which is renamed over the target only once it is complete.
// A failure removes the temporary file, so there is never a half-written output.
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { ConformError } from '../errors.js';
import { describeWriteError, drained, temporaryPathFor } from '../io/atomic-write.js';

const FLUSH_AT = 1 << 16;

export class CsvWriter {
  private readonly temporary: string;
  private readonly stream: WriteStream;
  private buffer: string[] = [];
  private buffered = 0;
  private failure?: Error;

  constructor(private readonly target: string) {
    this.temporary = temporaryPathFor(target);
    this.stream = createWriteStream(this.temporary, { flags: 'wx', encoding: 'utf8' });
    this.stream.on('error', (error) => (this.failure ??= error));
  }

  /** One record; cells with a comma, a quote or a line break are quoted. */
  async row(cells: string[]): Promise<void> {
    let line = '';
    for (let i = 0; i < cells.length; i++) {
      if (i) line += ',';
      line += quoteCell(cells[i]!);
    }
    this.buffer.push(line, '\r\n');
    this.buffered += line.length + 2;
    if (this.buffered >= FLUSH_AT) await this.flush();
  }

  /** Finish the file and put it in place. */
  async commit(): Promise<void> {
    await this.flush();
    this.stream.end();
    await Promise.race([once(this.stream, 'close'), once(this.stream, 'error')]).catch(() => undefined);
    this.throwIfFailed();
    try {
      renameSync(this.temporary, this.target);
    } catch (error) {
      this.abandon();
      throw new ConformError(`Cannot write ${this.target}: ${describeWriteError(error)}`);
    }
  }

  /** Give up: remove the temporary file. */
  abandon(): void {
    this.stream.destroy();
    rmSync(this.temporary, { force: true });
  }

  private async flush(): Promise<void> {
    this.throwIfFailed();
    if (!this.buffered) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.buffered = 0;
    if (!this.stream.write(text)) await drained(this.stream);
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (!this.failure) return;
    this.abandon();
    throw new ConformError(`Cannot write ${this.target}: ${describeWriteError(this.failure)}`);
  }
}

export function quoteCell(cell: string): string {
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return `"${cell.replace(/"/g, '""')}"`;
  }
  return cell;
}
