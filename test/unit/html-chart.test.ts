// The bar chart of issues by column in the HTML report: the largest columns first, a sliver for every
// non-zero part, the numbers in words for screen readers, and text from the data escaped.
import { describe, expect, it } from 'vitest';
import { columnChart, type ColumnCounts } from '../../src/formatters/html-chart.js';

const column = (label: string, error: number, warning = 0, info = 0): ColumnCounts => ({ label, counts: { error, warning, info } });

describe('columnChart', () => {
  it('draws nothing for no columns', () => {
    expect(columnChart('c', [])).toBe('');
  });

  it('draws the largest column first, each part of a bar in proportion, with a sliver at least', () => {
    const svg = columnChart('c1', [column('Notes', 1, 0, 1), column('Amount', 10), column('Date', 0, 1000)]);
    expect(svg).toMatch(/^<svg class="chart" viewBox="0 0 590 86" width="590" height="86" role="img" aria-labelledby="c1-title c1-desc"/);
    expect(svg).toContain('<desc id="c1-desc">Date: 1,000; Amount: 10; Notes: 2</desc>');
    expect([...svg.matchAll(/class="chart-label"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(['Date', 'Amount', 'Notes']);
    expect([...svg.matchAll(/<rect class="bar bar-(\w+)" x="(\d+)" y="(\d+)" width="(\d+)"/g)].map((m) => m.slice(1).join(' '))).toEqual([
      'warning 200 8 330',
      'error 200 34 3',
      'error 200 60 2',
      'info 202 60 2',
    ]);
    expect(svg).toContain('<g><title>Notes: 1 error, 1 note</title>');
  });

  it('shows twelve columns at most, and says how many more there are', () => {
    const svg = columnChart(
      'c',
      Array.from({ length: 14 }, (_, i) => column(`C${i}`, i + 1)),
    );
    expect(svg.match(/<rect /g)).toHaveLength(12);
    expect(svg).toContain('; and 2 more columns</desc>');
  });

  it('cuts a long label and escapes what the data holds', () => {
    const svg = columnChart('c', [column('<script>alert(1)</script> and more words', 1)]);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('>&lt;script&gt;alert(1)&lt;/scrip…</text>');
    expect(svg).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; and more words: 1 error</title>');
  });
});
