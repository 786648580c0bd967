// The HTML page as text: self-contained, locked down by its Content-Security-Policy, every value escaped.
// (test/formatters/browser.test.ts opens it in Chromium.)
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { html } from '../../src/formatters/html.js';
import { columnLetter } from '../../src/formatters/html-grid.js';
import type { Report } from '../../src/types.js';
import { loadReport, REPORT_FIXTURES } from './report-fixtures.js';
import { lostDates, reportOf } from './synthetic.js';

const OWN_TAGS = new Set([
  'html',
  'head',
  'ol',
  'pre',
  'time',
  'meta',
  'title',
  'style',
  'body',
  'a',
  'header',
  'p',
  'h1',
  'h2',
  'h3',
  'span',
  'ul',
  'li',
  'strong',
  'main',
  'section',
  'fieldset',
  'legend',
  'label',
  'input',
  'select',
  'option',
  'div',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'em',
  'dl',
  'dt',
  'dd',
  'svg',
  'desc',
  'g',
  'text',
  'rect',
  'br',
  'footer',
  'script',
]);

describe('the HTML report', () => {
  it.each(REPORT_FIXTURES)('uses only its own tags and asks for nothing from outside (%s)', (fixture) => {
    const page = html(loadReport(fixture), {});
    const tags = new Set([...page.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].filter((t) => !OWN_TAGS.has(t))).toEqual([]);
    // Data is escaped, so every `<` left starts one of the page's own tags; their attributes are these.
    const attributes = new Set([...page.matchAll(/<[a-zA-Z][^>]*>/g)].flatMap((tag) => [...tag[0].matchAll(/\s([a-zA-Z-]+)(?:="[^"]*")?/g)].map((m) => m[1]!)));
    expect([...attributes].sort()).toEqual(
      [
        'aria-hidden',
        'aria-label',
        'aria-labelledby',
        'aria-live',
        'charset',
        'checked',
        'class',
        'content',
        'data-issues',
        'dominant-baseline',
        'for',
        'height',
        'hidden',
        'href',
        'http-equiv',
        'id',
        'lang',
        'name',
        'role',
        'scope',
        'tabindex',
        'text-anchor',
        'title',
        'type',
        'value',
        'viewBox',
        'width',
        'x',
        'xmlns',
        'y',
      ].filter((a) => attributes.has(a)),
    );
    expect([...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).filter((href) => !href!.startsWith('#'))).toEqual([]);
    expect(page).not.toMatch(/@import|url\(/);
    expect(page.match(/<script>/g)).toHaveLength(1);
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect([...attributes].filter((a) => /^on|^style$|^src/i.test(a))).toEqual([]);
  });

  it('allows its own style and script by hash, and nothing else', () => {
    const page = html(loadReport('failing-csv'), {});
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1]!;
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;
    expect(csp.split('; ')).toEqual(["default-src 'none'", `style-src ${sha(style)}`, `script-src ${sha(script)}`, "img-src 'none'", "base-uri 'none'", "form-action 'none'"]);
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<style>'));
  });

  it('shows every hostile value as text', () => {
    const page = html(loadReport('hostile-values'), {});
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>');
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;alert(&quot;hint&quot;)&lt;/script&gt;');
    expect(page).toContain('<title>Failed: uploads/q1, 100% final: &lt;v2&gt;.csv — conform report</title>');
    expect(page).toContain('\\x1b[31mPAID\\x1b[0m');
    expect(page).toContain('\\u202egnp.exe\\x00\\x07 \\ud800 end');
    expect(page).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\ud800-\udfff]/);
  });

  it('says the verdict, the counts and the facts of each file', () => {
    const page = html(loadReport('failing-csv'), {});
    expect(page).toContain('<h1><span class="badge fail">Failed</span> The file does not conform</h1>');
    expect(page).toContain('<li><strong>13</strong> errors</li><li><strong>16</strong> warnings</li>');
    expect(page).toContain('<dt>Standard</dt><dd>Spend over £500 <code>spend-over-500 1.0</code></dd>');
    expect(page).toContain('<dt>Rows</dt><dd>12 (4 without errors, 8 with errors)</dd>');
    expect(page).toContain('<dt>Encoding</dt><dd>windows-1252</dd><dt>Delimiter</dt><dd>semicolon <code>;</code></dd>');
    expect(page).toContain('<li><code>Supplier Name</code> → <code>BeneficiaryName</code></li>');
    expect(page).toContain('<p class="showing">Showing 26 of 29 issues (--max-issues); every count covers all 29.</p>');
    expect(page).toContain('<dt>Issues</dt><dd>13 errors, 16 warnings, 0 notes (showing 26 of 29)</dd>');
    const batch = html(loadReport('batch'), {});
    expect(batch).toContain('1 of 3 files does not conform');
    expect(batch).toContain('<a href="#file-3"><code>data/spend-2024-06.xlsx.csv</code></a>');
  });

  it('counts issues by code over the whole file, and says how many are listed', () => {
    const page = html(loadReport('failing-csv'), {});
    expect(page).toMatch(
      /<th scope="row"><code>value-type<\/code><\/th><td>Value has the wrong type<\/td><td>.*?<\/td><td class="num">4 <span class="legend">\(3 listed\)<\/span><\/td>/,
    );
  });

  it('draws the failing cells by column as an SVG chart with a text alternative', () => {
    const page = html(loadReport('failing-csv'), {});
    const svg = /<svg class="chart"[\s\S]*?<\/svg>/.exec(page)![0];
    expect(svg).toContain('role="img" aria-labelledby="file-1-chart-title file-1-chart-desc"');
    expect(svg).toContain('<desc id="file-1-chart-desc">Amount: 4; Paid Date: 3; Card Transaction: 2; Supplier Name: 1; Company Number: 1; Expenditure Category: 1</desc>');
    expect(svg.match(/<rect class="bar bar-error"/g)).toHaveLength(5);
    expect(svg.match(/<rect class="bar bar-warning"/g)).toHaveLength(1);
  });

  it('shows the failing rows as a grid, marking known cells and leaving the rest unknown', () => {
    const page = html(loadReport('failing-csv'), {});
    const grid = /<table class="grid">[\s\S]*?<\/table>/.exec(page)![0];
    const header = /<thead>([\s\S]*?)<\/thead>/.exec(grid)![1]!;
    expect(
      [...header.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) =>
        m[1]!
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
    ).toEqual([
      'Row',
      'Line',
      'C Supplier Name BeneficiaryName',
      'E Company Number CompaniesHouseRegistrationNumber',
      'F Paid Date PaymentDate',
      'H Amount',
      'I Expenditure Category Purpose',
      'J Card Transaction CardTransaction',
      'Whole row',
    ]);
    const rows = [...grid.matchAll(/<tr data-issues="([^"]*)"><th scope="row" class="rownum">(\d+)<\/th><td class="rownum">(\d*)<\/td>(.*?)<\/tr>/g)];
    expect(rows.map((r) => [r[2], r[3]])).toEqual([
      ['2', '5'],
      ['7', '10'],
      ['8', '11'],
      ['9', '12'],
      ['10', '14'],
      ['11', '15'],
      ['12', '16'],
      ['14', '18'],
    ]);
    const row2 = rows[0]![4]!.split('</td>').slice(0, -1);
    expect(row2.map((cell) => /class="([^"]+)"/.exec(cell)![1])).toEqual(['unknown', 'bad warning', 'bad error', 'bad error', 'unknown', 'unknown', 'unknown']);
    expect(row2[3]).toContain('<span class="value">48,210.55</span>');
    expect(rows[2]![4]).toContain('<em class="empty">empty</em>');
    expect(rows[5]![4]).toContain('The row has 13 cells, but the header has 12');
    expect(grid).toContain('<caption id="file-1-grid-caption">The 8 failing rows.</caption>');
    expect(page).toContain('<p class="legend">Marked cells failed. A cell marked “?” passed or was not checked: the report records only the cells that failed.</p>');
  });

  it('shows at most 20 rows in the grid and names the spreadsheet columns past Z', () => {
    const page = html(reportOf([lostDates('spend.csv', 500, 400)]), {});
    const grid = /<table class="grid">[\s\S]*?<\/table>/.exec(page)![0];
    expect(grid.match(/<th scope="row"/g)).toHaveLength(20);
    expect(grid).toContain('The first 20 of 400 failing rows listed.');
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('hides the filters until the script shows them, so nothing is dead without scripts', () => {
    const page = html(loadReport('failing-csv'), {});
    expect(page).toContain('<section id="filters" aria-label="Filter the listed issues" hidden>');
    expect(page.match(/<tr class="issue" data-issues="[a-z]+:[a-z0-9-]+">/g)).toHaveLength(26);
    expect(html(loadReport('clean-csv'), {})).not.toContain('id="filters"');
  });

  it('follows the report on pass and fail', () => {
    const report: Report = { ...loadReport('failing-csv'), failOn: 'never', passed: true };
    report.files = report.files.map((f) => ({ ...f, passed: true }));
    const page = html(report, {});
    expect(page).toContain('<h1><span class="badge pass">Passed</span> The file conforms</h1>');
    expect(page).not.toContain('badge fail');
  });
});
