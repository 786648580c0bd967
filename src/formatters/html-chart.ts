// A small horizontal bar chart of issues by column, as inline SVG: one bar per column, split by severity.
// The same numbers are in the table beside it, which is what screen readers are pointed to.
import type { Severity } from '../types.js';
import { esc } from './html-escape.js';
import { count, n, SEVERITIES, SEVERITY_WORD } from './where.js';

export interface ColumnCounts {
  label: string;
  counts: Record<Severity, number>;
}

const MAX_BARS = 12;
const BAR = 18;
const GAP = 8;
const LABEL_WIDTH = 200;
const PLOT_WIDTH = 330;
const NUMBER_WIDTH = 60;
const LABEL_CHARS = 24;

export function columnChart(id: string, columns: ColumnCounts[]): string {
  const total = (c: ColumnCounts) => c.counts.error + c.counts.warning + c.counts.info;
  const bars = [...columns].sort((a, b) => total(b) - total(a)).slice(0, MAX_BARS);
  if (!bars.length) return '';
  const most = Math.max(...bars.map(total));
  const height = bars.length * (BAR + GAP) + GAP;
  const width = LABEL_WIDTH + PLOT_WIDTH + NUMBER_WIDTH;
  const left = columns.length - bars.length;
  const out = [
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">Failing cells by column</title>`,
    `<desc id="${id}-desc">${esc(bars.map((b) => `${b.label}: ${n(total(b))}`).join('; '))}${left > 0 ? esc(`; and ${n(left)} more columns`) : ''}</desc>`,
  ];
  bars.forEach((bar, i) => {
    const y = GAP + i * (BAR + GAP);
    const label = bar.label.length > LABEL_CHARS ? bar.label.slice(0, LABEL_CHARS - 1) + '…' : bar.label;
    out.push(`<g><title>${esc(`${bar.label}: ${describe(bar.counts)}`)}</title>`);
    out.push(`<text class="chart-label" x="${LABEL_WIDTH - 8}" y="${y + BAR / 2}" text-anchor="end" dominant-baseline="central">${esc(label)}</text>`);
    let x = LABEL_WIDTH;
    for (const severity of SEVERITIES) {
      const value = bar.counts[severity];
      if (!value) continue;
      // Every non-zero part gets at least a sliver, so a single note next to thousands of errors is seen.
      const w = Math.max(2, Math.round((value / most) * PLOT_WIDTH));
      out.push(`<rect class="bar bar-${severity}" x="${x}" y="${y}" width="${w}" height="${BAR}"/>`);
      x += w;
    }
    out.push(`<text class="chart-number" x="${x + 6}" y="${y + BAR / 2}" dominant-baseline="central">${n(total(bar))}</text></g>`);
  });
  out.push('</svg>');
  return out.join('');
}

function describe(counts: Record<Severity, number>): string {
  return SEVERITIES.filter((s) => counts[s])
    .map((s) => count(counts[s], SEVERITY_WORD[s]))
    .join(', ');
}
