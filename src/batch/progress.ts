// The progress line on a terminal's standard error while files are checked: files done of the total, rows
// read, rows a second, the file being read (with how far through it, when it is big) and, once there is a
// rate to go by, the time left. Redrawn in place, at most ten times a second, and wiped at the end so the
// report starts on a clean line.
import { statSync } from 'node:fs';
import { terminalSafe } from '../formatters/safe-text.js';
import type { Io } from '../io/io.js';
import type { Task } from './check-task.js';
import type { PoolEvent } from './pool.js';
import { formatNumber } from '../plain-text.js';

const REDRAW_EVERY_MS = 100;
/** Files from this size on show how far through them the check is. */
const BIG_FILE_BYTES = 8 * 1024 * 1024;
/** No guess at the time left before there is this much of a rate to go by. */
const ETA_AFTER_MS = 1500;

export interface ProgressStream {
  write(text: string): unknown;
  columns?: number;
}

interface Current {
  shown: string;
  size: number;
  rows: number;
  bytes: number;
}

/** Progress only on a terminal, never with --quiet or --no-progress, and never in CI logs. */
export function progressWanted(io: Io, flags: { quiet?: boolean; progress?: boolean }): boolean {
  if (flags.quiet || flags.progress === false) return false;
  const ci = io.env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return false;
  return Boolean(io.stderr.isTTY);
}

export class ProgressLine {
  private readonly sizes: number[];
  private readonly totalBytes: number;
  private readonly current = new Map<number, Current>();
  private filesDone = 0;
  private rowsDone = 0;
  private bytesDone = 0;
  private lastDraw = -Infinity;
  private drawn = false;
  private readonly started: number;

  constructor(
    private readonly stream: ProgressStream,
    private readonly tasks: Task[],
    private readonly now: () => number = () => performance.now(),
  ) {
    this.sizes = tasks.map((t) => sizeOf(t.path));
    this.totalBytes = this.sizes.reduce((a, b) => a + b, 0);
    this.started = now();
  }

  readonly onEvent = (event: PoolEvent): void => {
    switch (event.type) {
      case 'start':
        this.current.set(event.index, { shown: event.task.shown, size: this.sizes[event.index] ?? 0, rows: 0, bytes: 0 });
        break;
      case 'progress': {
        const file = this.current.get(event.index);
        if (file) Object.assign(file, { rows: event.rows, bytes: event.bytes });
        break;
      }
      case 'done':
        this.current.delete(event.index);
        this.filesDone++;
        this.rowsDone += event.report.rows;
        this.bytesDone += this.sizes[event.index] ?? 0;
        break;
    }
    this.draw(event.type === 'done' && this.filesDone === this.tasks.length);
  };

  /** Wipe the line. */
  finish(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }

  /** The line as it would be drawn now (without the terminal's control characters), at most `width` long. */
  line(width = Infinity): string {
    const elapsed = (this.now() - this.started) / 1000;
    const inFlight = [...this.current.values()];
    const rows = this.rowsDone + inFlight.reduce((n, f) => n + f.rows, 0);
    const bytes = this.bytesDone + inFlight.reduce((n, f) => n + Math.min(f.bytes, f.size), 0);
    const parts = [`${this.filesDone}/${this.tasks.length} files`, `${formatNumber(rows)} rows`];
    if (elapsed > 0.2) parts.push(`${formatNumber(Math.round(rows / elapsed))} rows/s`);
    if (elapsed * 1000 >= ETA_AFTER_MS && bytes > 0 && this.totalBytes > bytes) {
      parts.push(`about ${duration(((this.totalBytes - bytes) / bytes) * elapsed)} left`);
    }
    let text = `conform: ${parts.join(' · ')}`;
    // The file being read (the biggest, when several are) comes last, shortened from the left.
    const file = inFlight.sort((a, b) => b.size - a.size)[0];
    if (file) {
      const through = file.size >= BIG_FILE_BYTES ? ` ${Math.floor((Math.min(file.bytes, file.size) / file.size) * 100)}%` : '';
      const room = width - text.length - 3 - through.length;
      let name = terminalSafe(file.shown);
      if (name.length > room) name = room > 1 ? '…' + name.slice(name.length - room + 1) : '';
      if (name) text += ` · ${name}${through}`;
    }
    return text.length > width ? text.slice(0, width - 1) + '…' : text;
  }

  private draw(force: boolean): void {
    const now = this.now();
    if (!force && now - this.lastDraw < REDRAW_EVERY_MS) return;
    this.lastDraw = now;
    this.stream.write(`\r${this.line(Math.max(20, (this.stream.columns || 80) - 1))}\x1b[K`);
    this.drawn = true;
  }
}

function sizeOf(path: string): number {
  if (path === '-') return 0;
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))}s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
