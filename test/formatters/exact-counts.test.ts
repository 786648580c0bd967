// Every count in every format is the count of every issue found: a file far over --max-issues renders the
// same numbers as the same file with --max-issues 0 (every issue listed), and says how many it shows.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/formatters/index.js';
import type { Report } from '../../src/types.js';
import { report, scratch } from '../helpers.js';

const HEADER = 'OrganisationURI,OrganisationLabel,ServiceCategoryLabel,ExpenseType,PaymentDate,TransactionNumber,NetAmount,IrrecoverableVATAmount,Purpose,BeneficiaryName';

/** 1,200 rows whose problems spread over columns, so that the listed ones are not a fair sample of them. */
function spendFile(): string {
  const lines = [HEADER];
  for (let row = 1; row <= 1200; row++) {
    const date = row % 3 === 0 ? `${String((row % 28) + 1).padStart(2, '0')}/13/2024`.replace('/13/', '/12/') : row % 3 === 1 ? '2024-04-01' : '31/04/2024';
    const amount = row % 2 ? '"£1,200.00"' : '12.50';
    const name = row > 1000 ? '' : `Supplier ${row}`;
    lines.push(`http://opendatacommunities.org/id/unitary-authority/anytown,Anytown Council,Education,Supplies,${date},T${row},${amount},0,Books,${name}`);
  }
  return lines.join('\n') + '\n';
}

describe('counts over the --max-issues cap', () => {
  const dir = scratch({ 'spend.csv': spendFile() });
  const path = join(dir, 'spend.csv');
  let capped: Report;
  let full: Report;

  it('are the same in the JSON report, and the plan is too', async () => {
    capped = (await report([path, '-s', 'spend-over-500', '--max-issues', '50'])).report as Report;
    full = (await report([path, '-s', 'spend-over-500', '--max-issues', '0'])).report as Report;
    const [c, f] = [capped.files[0]!, full.files[0]!];
    expect(f.truncated).toBe(0);
    expect(c.truncated).toBeGreaterThan(1000);
    expect(c.issues.length + c.truncated).toBe(f.issues.length);
    expect(c.counts).toEqual(f.counts);
    expect(c.byCode).toEqual(f.byCode);
    expect(c.invalidRows).toBe(f.invalidRows);
    const counted = (r: Report) => r.files[0]!.groups!.map((g) => [g.label, g.code, g.severity, g.count, g.fixable, g.rows]);
    expect(counted(capped)).toEqual(counted(full));
    // The groups hold every issue found.
    expect(f.groups!.reduce((sum, g) => sum + g.count, 0)).toBe(f.issues.length);
    const plan = (r: Report) => ({ ...r.files[0]!.plan!, manual: r.files[0]!.plan!.manual.map((s) => [s.label, s.code, s.count]) });
    expect(plan(capped)).toEqual(plan(full));
    expect(capped.plan!.fixable).toBe(full.plan!.fixable);
    expect(c.plan!.fixable).toBeGreaterThan(500);
    expect(c.plan!.command).toBe(`conform fix ${path} --standard spend-over-500 -o ${join(dir, 'spend-fixed.csv')}`);
  });

  it('are the same in the terminal report, which says how many it shows', () => {
    const titles = (r: Report) =>
      FORMATTERS.stylish(r, { width: 200 })
        .split('\n')
        .filter((l) => / × [\d,]+/.test(l) || /^ {4}\d\. /.test(l));
    expect(titles(capped)).toEqual(titles(full));
    const text = FORMATTERS.stylish(capped, { width: 200 });
    const total = capped.files[0]!.issues.length + capped.files[0]!.truncated;
    const shown = capped.files[0]!.issues.length;
    expect(text).toContain(`Showing ${shown} of ${total.toLocaleString('en-GB')} issues (--max-issues); every count covers all ${total.toLocaleString('en-GB')}.`);
    expect(FORMATTERS.stylish(full, {})).not.toContain('Showing');
  });

  it('are the same in the Markdown, HTML, JUnit, GitHub and SARIF reports', () => {
    const rows = (text: string) => text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Row') && !/^\| \d+ \| \d+ \|/.test(l));
    expect(rows(FORMATTERS.markdown(capped, {}))).toEqual(rows(FORMATTERS.markdown(full, {})));

    const htmlCounts = (text: string) => [
      text.match(/<desc id="file-1-chart-desc">[^<]*<\/desc>/)![0],
      ...(text.match(/<tr><th scope="row">[^]*?<\/tr>/g) ?? []).map((row) => row.replace(/ <span class="legend">\([\d,]+ listed\)<\/span>/, '')),
    ];
    expect(htmlCounts(FORMATTERS.html(capped, {}))).toEqual(htmlCounts(FORMATTERS.html(full, {})));
    expect(FORMATTERS.html(capped, {})).toMatch(/<p class="showing">Showing \d+ of [\d,]+ issues/);

    const failures = (text: string) => [...text.matchAll(/<failure type="([^"]+)" message="([^"]+)"/g)].map((m) => [m[1], m[2]!.replace(/ \(first: .*$/, '')]);
    expect(failures(FORMATTERS.junit(capped, {}))).toEqual(failures(FORMATTERS.junit(full, {})));

    const titles = (text: string) => text.split('\n').map((l) => /title=([^:]*)::/.exec(l)?.[1]);
    expect(titles(FORMATTERS.github(capped, {}))).toEqual(titles(FORMATTERS.github(full, {})));

    const sarifCounts = (text: string) => JSON.parse(text).runs[0].properties.files.map((f: { counts: unknown }) => f.counts);
    expect(sarifCounts(FORMATTERS.sarif(capped, {}))).toEqual(sarifCounts(FORMATTERS.sarif(full, {})));
  });

  it('lists in CSV exactly the issues listed', () => {
    const lines = FORMATTERS.csv(capped, {}).trimEnd().split('\r\n');
    expect(lines).toHaveLength(capped.files[0]!.issues.length + 1);
  });
});
