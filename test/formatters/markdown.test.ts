import { describe, expect, it } from 'vitest';
import { code, markdown, text } from '../../src/formatters/markdown.js';
import { loadReport } from './report-fixtures.js';
import { lostDates, reportOf } from './synthetic.js';

/** The cells of a Markdown table row, split on the pipes that are not escaped. */
function cells(row: string): string[] {
  return row.slice(1, -1).split(/(?<!\\)\|/);
}

describe('the Markdown summary', () => {
  it('starts with the verdict and a table of files', () => {
    const lines = markdown(loadReport('batch'), {}).split('\n');
    expect(lines.slice(0, 5)).toEqual(['## ❌ 1 of 3 files failed', '', '1 error, 2 warnings, 1 note in 13 rows.', '', '### What to do first']);
    const table = lines.indexOf('| | File | Standard | Rows | Errors | Warnings | Notes |');
    expect(lines.slice(table, table + 5)).toEqual([
      '| | File | Standard | Rows | Errors | Warnings | Notes |',
      '| --- | --- | --- | ---: | ---: | ---: | ---: |',
      '| ✅ | `data/spend-2024-04.csv` | Spend over £500 (`spend-over-500 1.0`) | 10 | 0 | 0 | 0 |',
      '| ✅ | `data/spend-2024-05.csv` | Spend over £500 (`spend-over-500 1.0`) | 3 | 0 | 2 | 1 |',
      '| ❌ | `data/spend-2024-06.xlsx.csv` | Spend over £500 (`spend-over-500 1.0`) | 0 | 1 | 0 | 0 |',
    ]);
  });

  it('lists the issues of a file in a collapsed section', () => {
    const out = markdown(loadReport('failing-csv'), {});
    expect(out).toContain('<details><summary>26 issues listed</summary>');
    expect(out).toContain('| 2 | 5 | Amount | `value-type` | `48,210.55` | error: Amount must be a number, but is "48,210.55"<br>→ remove the thousands separators: 48210.55 |');
    expect(out).toContain('_3 more issues counted but not listed (--max-issues)._');
    expect(out).toContain(
      "| Header | `header-mismatch` Column name differs from the standard | warning | 9 | Columns read under the standard's names: Body Name → OrganisationLabel, Service Area → OrganisationalUnit,",
    );
  });

  it('keeps every table row to its columns, whatever the data holds', () => {
    for (const fixture of ['failing-csv', 'hostile-values', 'json-document', 'batch'] as const) {
      const lines = markdown(loadReport(fixture), {}).split('\n');
      let width = 0;
      for (const line of lines) {
        if (!line.startsWith('|')) {
          width = 0;
          continue;
        }
        expect(line.endsWith('|')).toBe(true);
        if (!width) width = cells(line).length;
        expect(cells(line), line).toHaveLength(width);
      }
    }
  });

  it('escapes HTML, Markdown and mentions in values', () => {
    const out = markdown(loadReport('hostile-values'), {});
    // Outside code spans (which show their text as it is), the only tags are the summary's own, and <code>
    // around values with a pipe.
    const outsideCode = out.replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '');
    expect(
      outsideCode
        .match(/<\/?[a-z]+/g)!
        .filter((tag) => !/^<\/?code$/.test(tag))
        .sort(),
    ).toEqual(['</details', '</sub', '</summary', '<br', '<br', '<br', '<br', '<details', '<sub', '<summary']);
    expect(out).toContain('| 3 | 6 | Supplier\\|Name | `value-format` | `<img src=x onerror=alert(1)>` | error:');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).not.toMatch(/(^|[^\w`])@everyone/m);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202e]/);
    expect(text('a|b `c` *d* _e_ [f](g) <h> & $i$ @j')).toBe('a\\|b \\`c\\` \\*d\\* \\_e\\_ \\[f\\](g) &lt;h&gt; &amp; \\$i\\$ @\u2060j');
    expect(code('a `b` c')).toBe('``a `b` c``');
    expect(code('`x`')).toBe('`` `x` ``');
    expect(code('a|b')).toBe('<code>a\\|b</code>');
  });

  it('stays under the size GitHub allows for a comment', () => {
    const files = Array.from({ length: 60 }, (_, i) => lostDates(`data/spend-${i}.csv`, 2000, 1000));
    const out = markdown(reportOf(files), {});
    expect(out.length).toBeLessThan(65_536);
    expect(out).toMatch(/_Details of \d+ more files left out to keep this summary short: see the HTML or JSON report\._/);
    expect(out.split('\n').filter((l) => l.startsWith('| ❌ |'))).toHaveLength(60);
  });
});
