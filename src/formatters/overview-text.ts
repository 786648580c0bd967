// The overview of a run of several files as text tables: files, standards and publishers, each ranked
// worst first (the report's overview is already in that order). Used by the terminal report.
import type { Chalk } from 'chalk';
import type { Overview, OverviewCounts } from '../types.js';
import { terminalSafe } from './safe-text.js';
import { n } from './where.js';

type Paint = InstanceType<typeof Chalk>;

/** A cell conform colours: its text is made safe first, then painted, so only conform's own escapes reach the terminal. */
interface Painted {
  text: string;
  paint: (text: string) => string;
}
type Cell = string | Painted;

export function overviewLines(overview: Overview, c: Paint): string[] {
  const out: string[] = [];
  out.push(c.bold('Files, worst first'));
  out.push(
    ...table(
      ['', '#valid rows', '#rows', '#errors', '#warnings', 'standard', 'publisher', 'file'],
      overview.files.map((f) => [
        f.passed ? { text: '✔', paint: c.green } : { text: '✖', paint: c.red },
        percent(f.conformance),
        n(f.rows),
        n(f.errors),
        n(f.warnings),
        f.standard ?? '—',
        f.publisher ?? '—',
        f.path,
      ]),
    ),
  );
  out.push('', c.bold('By standard'));
  out.push(
    ...table(
      GROUP_HEADER.concat('standard'),
      overview.byStandard.map((g) => [...groupCells(g), g.standard ?? 'no standard']),
    ),
  );
  if (overview.byPublisher.some((g) => g.publisher !== null)) {
    out.push('', c.bold('By publisher'));
    out.push(
      ...table(
        GROUP_HEADER.concat('publisher'),
        overview.byPublisher.map((g) => [...groupCells(g), g.publisher ?? 'not stated in the data']),
      ),
    );
  }
  return out;
}

const GROUP_HEADER = ['#valid rows', '#files', '#failed', '#rows', '#errors', '#warnings'];

function groupCells(g: OverviewCounts): string[] {
  return [percent(g.conformance), n(g.files), n(g.failedFiles), n(g.rows), n(g.errors), n(g.warnings)];
}

/**
 * Columns padded to their widest cell; the last is left as it is. A heading written `#name` marks a
 * column of numbers, which line up on the right.
 */
function table(header: string[], rows: Cell[][]): string[] {
  const numeric = header.map((h) => h.startsWith('#'));
  const all = [header.map((h) => h.replace(/^#/, '')), ...rows.map((r) => r.map(safeCell))];
  const widths = header.map((_, i) => Math.max(...all.map((r) => visible(r[i] ?? '').length)));
  return all.map(
    (row) =>
      '  ' +
      row
        .map((cell, i) => {
          if (i === row.length - 1) return cell;
          const pad = ' '.repeat(widths[i]! - visible(cell).length);
          return numeric[i] ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
  );
}

/** Every cell's text, from the data or not, is made safe; colour goes on after, so conform's escapes are kept. */
function safeCell(cell: Cell): string {
  return typeof cell === 'string' ? terminalSafe(cell) : cell.paint(terminalSafe(cell.text));
}

const visible = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
const percent = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`);
