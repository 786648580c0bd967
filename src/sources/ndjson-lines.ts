// NDJSON records out of text that arrives in pieces. A line's pieces are kept apart until its line break
// and joined once, so a record costs its own length however many pieces it came in (joining the text
// carried over with each new piece, and searching it again for a line break, made a long line's cost
// quadratic). A line longer than the limit is reported and skipped, not kept: the rest of the file is
// still read, in bounded memory.

/** The longest NDJSON record read, in characters (64 MiB): a longer line is reported and skipped. */
export const MAX_RECORD_CHARS = 64 << 20;

export class NdjsonLines {
  /** The line the next text is on. */
  line: number;
  private pieces: string[] = [];
  private length = 0;
  /** Inside a line that is too long (or that an earlier part reported): read up to its line break. */
  private skipping: boolean;

  constructor(
    firstLine: number,
    private readonly each: (record: string, line: number) => void,
    private readonly tooLong: (line: number) => void,
    options: { limit?: number; startsInsideLine?: boolean } = {},
  ) {
    this.line = firstLine;
    this.limit = options.limit ?? MAX_RECORD_CHARS;
    this.skipping = options.startsInsideLine ?? false;
  }

  private readonly limit: number;

  push(text: string): void {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      this.keep(text, start, nl);
      if (!this.skipping) this.emit();
      this.skipping = false;
      this.line++;
      start = nl + 1;
    }
    this.keep(text, start, text.length);
  }

  /** The end of the text: the last line is a record even without a line break. */
  end(): void {
    if (!this.skipping) this.emit();
  }

  /** The end of a part cut inside a line too long to keep (see partsOf): that line is reported. */
  cutInsideLine(): void {
    if (!this.skipping) this.tooLong(this.line);
    this.pieces = [];
    this.length = 0;
    this.skipping = true;
  }

  private keep(text: string, from: number, to: number): void {
    if (this.skipping || to === from) return;
    this.length += to - from;
    if (this.length > this.limit) {
      this.cutInsideLine();
      return;
    }
    this.pieces.push(from === 0 && to === text.length ? text : text.slice(from, to));
  }

  private emit(): void {
    const record = this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join('');
    this.pieces = [];
    this.length = 0;
    if (record.trim()) this.each(record, this.line);
  }
}
