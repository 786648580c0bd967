// The overview of a run of several files in the other report formats, with text from the data kept as
// text (a publisher's name is data).
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { spendCsv, tree } from './make-data.js';

const HOSTILE = '<img src=x onerror=alert(1)> | @team';

function files() {
  return tree({
    'a.csv': spendCsv(17, { rows: 10, badShare: 0.3, publisher: 'Testshire Council' }).text,
    'b.csv': spendCsv(2, { rows: 5, publisher: `"${HOSTILE}"` }).text,
  });
}

describe('the overview in other formats', () => {
  it('markdown: tables by standard and by publisher, data escaped', async () => {
    const { stdout } = await cli(['validate', '.', '-f', 'markdown', '--jobs', '1'], { cwd: files() });
    expect(stdout).toContain(
      [
        '### By standard',
        '',
        '| Standard | Valid rows | Files | Failed | Rows | Errors | Warnings |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
        '| `spend-over-500@1.0` | 73.3% | 2 | 1 | 15 | 4 | 0 |',
        '',
        '### By publisher',
        '',
        '| Publisher | Valid rows | Files | Failed | Rows | Errors | Warnings |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
        '| Testshire Council | 60.0% | 1 | 1 | 10 | 4 | 0 |',
        '| &lt;img src=x onerror=alert(1)&gt; \\| @\u2060team | 100.0% | 1 | 0 | 5 | 0 | 0 |',
      ].join('\n'),
    );
  });

  it('html: an overview section, data escaped', async () => {
    const { stdout } = await cli(['validate', '.', '-f', 'html', '--jobs', '1'], { cwd: files() });
    expect(stdout).toContain('<h2 class="files">Overview</h2>');
    expect(stdout).toContain(
      '<tr><td>Testshire Council</td><td class="num">60.0%</td><td class="num">1</td><td class="num">1</td><td class="num">10</td><td class="num">4</td><td class="num">0</td></tr>',
    );
    expect(stdout).toContain('<td>&lt;img src=x onerror=alert(1)&gt; | @team</td>');
    expect(stdout).not.toContain('<img src=x');
    expect(stdout).toContain(
      '<tr><td><strong>failed</strong></td><td class="num">60.0%</td><td class="num">10</td><td class="num">4</td><td class="num">0</td><td><code>spend-over-500@1.0</code></td><td>Testshire Council</td><td><code>a.csv</code></td></tr>',
    );
  });

  it("sarif: the overview in the run's properties", async () => {
    const { stdout } = await cli(['validate', '.', '-f', 'sarif', '--jobs', '1'], { cwd: files() });
    const run = JSON.parse(stdout).runs[0];
    expect(run.properties.overview.byPublisher.map((g: any) => [g.publisher, g.conformance])).toEqual([
      ['Testshire Council', 60],
      [HOSTILE, 100],
    ]);
  });

  it('stylish: the publisher shown as text, never as terminal control', async () => {
    const dir = tree({ 'a.csv': spendCsv(1, { rows: 2, publisher: 'Evil\u001b[2JCouncil' }).text, 'b.csv': spendCsv(2, { rows: 2 }).text });
    const { stdout } = await cli(['validate', '.', '--no-color', '--jobs', '1'], { cwd: dir });
    expect(stdout).toContain('Evil\\x1b[2JCouncil');
    expect(stdout).not.toContain('\u001b');
  });
});
