// Values and standards are shown, never obeyed, in every human format: a value cannot leave its Markdown
// table cell or become a link, an image, a mention or an issue reference; invisible characters (zero
// width, bidirectional controls, tag characters) are marked where they are; SARIF messages carry no
// escape or link; `standards` and `template` print no terminal escape of a standard's; and spreadsheet
// cells that would run as formulas are made plain text.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../src/formatters/csv.js';
import { cli, FIXTURES, scratch } from '../helpers.js';

const PEOPLE = join(FIXTURES, 'core', 'people.schema.json');
const PIXEL = 'x\\|![pixel](http://e.x/p.png)';
const LIVE = 'see #123 @user http://e.x www.e.x';
const INVISIBLE = 'a\u200bb\u061cc\u{e0041}d\u202ee\u2066f';
const MARKS = ['\\u200b', '\\u061c', '\\u{e0041}', '\\u202e', '\\u2066'];
const RAW = /[\u200b\u061c\u202e\u2066\u001b]|\udb40[\udc00-\udc7f]/;
const csvOf = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n') + '\n';

/** A file whose values are each reported with the value quoted (a date, a pattern). */
function hostileFile(): string {
  const dir = scratch();
  writeFileSync(
    join(dir, 'people.csv'),
    csvOf([
      ['id', 'name', 'joined', 'code'],
      ['1', 'Ann', PIXEL, INVISIBLE],
      ['2', 'Bob', LIVE, '[click](http://e.x)\u001b]8;;'],
    ]),
  );
  return join(dir, 'people.csv');
}

async function render(format: string): Promise<string> {
  const { code, stdout, stderr } = await cli(['validate', hostileFile(), '-s', PEOPLE, '-f', format]);
  expect(code, stderr).toBe(1);
  return stdout;
}

describe('the Markdown report on a CommonMark/GFM renderer', () => {
  it('keeps x\\|![pixel](…) inside its table cell, and makes no image, link, mention or issue reference', async () => {
    const md = await render('markdown');
    // micromark follows the GFM specification exactly, including `\\` before a pipe.
    const html = micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
    expect(html).not.toMatch(/<img/);
    expect(html).not.toMatch(/<a /);
    for (const table of html.split('<table>').slice(1)) {
      const rows = table.split('</table>')[0]!.split('<tr>').slice(1);
      const width = rows[0]!.match(/<th[ >]/g)!.length;
      for (const row of rows.slice(1)) expect(row.match(/<td[ >]/g)?.length, row).toBe(width);
    }
    expect(html.replace(/<[^>]+>/g, '')).toContain('x\\|![pixel](http:');
    // What GitHub would turn into a link or a notification, outside code (where it links nothing): none
    // is left whole.
    const prose = html.replace(/<code>[\s\S]*?<\/code>/g, '').replace(/<[^>]+>/g, '');
    expect(prose).toContain('see #\u2060123 @\u2060user http:\u2060//e.x www\u2060.e.x');
    expect(prose).not.toMatch(/#\d|@user|https?:\/\/|www\.e/);
  });
});

describe('invisible characters', () => {
  it.each(['stylish', 'markdown', 'html', 'junit', 'github', 'csv'])('are marked, never raw, in the %s format', async (format) => {
    const out = await render(format);
    expect(out).not.toMatch(RAW);
    for (const mark of MARKS) expect(out).toContain(mark);
  });

  it('are marked in SARIF messages, which carry no escape sequence or live link either; the JSON report keeps the value exactly', async () => {
    const sarif = JSON.parse(await render('sarif'));
    const messages: string[] = sarif.runs[0].results.map((r: { message: { text: string } }) => r.message.text);
    expect(messages.join('\n')).not.toMatch(RAW);
    expect(messages.join('\n')).not.toMatch(/https?:\/\/|(?<!\\)\]\(/);
    expect(messages.join('\n')).toContain('[click\\](http:\u2060//e.x)');
    expect(messages.some((m) => m.includes('\\u202e'))).toBe(true);
    const json = JSON.parse(await render('json'));
    expect(json.files[0].issues.map((i: { value?: string }) => i.value)).toContain(INVISIBLE);
  });
});

describe('a standard is shown, never obeyed', () => {
  it('standards list, standards show (every format) and template print none of its escapes', async () => {
    const dir = scratch();
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      'x-standard': { id: 'hostile', version: '1.0', title: 'Hostile \u001b]0;pwned\u0007 \u202eeltit', publisher: 'P\u001b[2J' },
      description: 'Clears the screen \u001b[2J\u001b[H',
      type: 'object',
      properties: { 'Name\u001b[31m': { type: 'string', description: 'red \u001b[31m', examples: ['\u001b[5mblink'] } },
    };
    writeFileSync(join(dir, 'hostile.schema.json'), JSON.stringify(schema));
    const runs = [
      ['standards', 'list', '--standards-dir', dir],
      ['standards', 'list', '--standards-dir', dir, '-f', 'json'],
      ['standards', 'show', join(dir, 'hostile.schema.json')],
      ['standards', 'show', join(dir, 'hostile.schema.json'), '-f', 'markdown'],
      ['standards', 'show', join(dir, 'hostile.schema.json'), '-f', 'json'],
      ['template', join(dir, 'hostile.schema.json'), '--example'],
    ];
    for (const argv of runs) {
      const { code, stdout, stderr } = await cli(argv);
      expect(code, `${argv.join(' ')}: ${stderr}`).toBe(0);
      expect(stdout, argv.join(' ')).not.toMatch(/[\u001b\u0007\u202e]/);
      if (argv.includes('json')) expect(JSON.stringify(JSON.parse(stdout))).toContain('\\u001b]0;pwned');
    }
    const shown = await cli(['standards', 'show', join(dir, 'hostile.schema.json')]);
    expect(shown.stdout).toContain('Hostile \\x1b]0;pwned\\x07 \\u202eeltit');
  });
});

describe('spreadsheet formulas', () => {
  it('are neutralised when spaces or a tab come first, or when the sign is full-width', () => {
    const cases = [' =1+1', '  +1', '\t=1', ' \t@SUM(1)', '＝1+1', '＋1', '－1', '＠SUM(A1)', ' ＝1'];
    expect(cases.map(neutraliseFormula)).toEqual(cases.map((c) => `'${c}`));
    expect(['a =1', '1', '(1)', ''].map(neutraliseFormula)).toEqual(['a =1', '1', '(1)', '']);
  });

  it('in the CSV report, and in the log of conform fix (whose repaired copy keeps the data as it is)', async () => {
    const dir = scratch();
    writeFileSync(
      join(dir, 'people.csv'),
      csvOf([
        ['id', 'name', 'joined'],
        ['1', 'Ann', ' =1+1'],
        ['2', 'Bob', '＝HYPERLINK("x")'],
      ]),
    );
    const report = await cli(['validate', join(dir, 'people.csv'), '-s', PEOPLE, '-f', 'csv']);
    expect(report.stdout).toContain(",' =1+1,");
    expect(report.stdout).toContain(`,"'＝HYPERLINK(""x"")",`);

    writeFileSync(join(dir, 'pay.csv'), 'SupplierName,PaymentDate,Amount,Lines\n=HYPERLINK("x"),31/03/2024,-£1200,1\n');
    const fixed = await cli(['fix', join(dir, 'pay.csv'), '-s', join(FIXTURES, 'quirks', 'payments.schema.json'), '-o', join(dir, 'fixed.csv'), '-q']);
    expect(fixed.code, fixed.stderr).not.toBe(2);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(dir, 'fixed.csv.log.csv'), 'utf8')).toContain("1,2,Amount,'-£1200,-1200,plain-number");
    expect(readFileSync(join(dir, 'fixed.csv'), 'utf8')).toContain('"=HYPERLINK(""x"")",2024-03-31,-1200,1');
  });
});
