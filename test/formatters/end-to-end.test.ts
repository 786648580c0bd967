// Every report format from real runs of the command line, several at once.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { cli, scratch } from '../helpers.js';

describe('conform validate with several reports', () => {
  it('writes html, junit and sarif files and prints GitHub annotations in one run', async () => {
    const dir = scratch();
    const out = (name: string) => join(dir, name);
    const result = await cli([
      'validate',
      'examples/spend-sample.csv',
      '-s',
      'spend-over-500',
      '--report',
      `html=${out('report.html')}`,
      '--report',
      `junit=${out('junit.xml')}`,
      '--report',
      `sarif=${out('results.sarif')}`,
      '-f',
      'github',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      `conform: wrote the HTML report to ${out('report.html')}`,
      `conform: wrote the JUnit XML report to ${out('junit.xml')}`,
      `conform: wrote the SARIF report to ${out('results.sarif')}`,
    ]);
    const annotations = result.stdout.trimEnd().split('\n');
    expect(annotations.length).toBeLessThanOrEqual(7);
    // The cell's character in its line (col), not the field's number.
    const missing = annotations.find((a) => a.includes('(value-missing) · BeneficiaryName'))!;
    expect(missing).toMatch(/^::error file=examples\/spend-sample.csv,line=9,col=\d+,/);
    const line = readFileSync('examples/spend-sample.csv', 'utf8').split(/\r?\n/)[8]!;
    const col = Number(/col=(\d+)/.exec(missing)![1]);
    expect(line.slice(0, col - 1).split(',').length).toBe(4);

    const page = readFileSync(out('report.html'), 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<code>examples/spend-sample.csv</code>');
    expect(page.match(/<tr class="issue"/g)).toHaveLength(7);

    const xml = readFileSync(out('junit.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<testsuite name="examples/spend-sample.csv" tests="5" failures="3"');

    const log = JSON.parse(readFileSync(out('results.sarif'), 'utf8'));
    expect(log.runs[0].results).toHaveLength(7);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('examples/spend-sample.csv');
  });

  it.each([
    ['markdown', '## ❌ 1 of 1 file failed'],
    ['csv', '\uFEFFfile,row,line,column,code,severity,value,message,hint,record\r\n'],
    ['junit', '<?xml version="1.0" encoding="UTF-8"?>'],
    ['sarif', '{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json"'],
    ['html', '<!DOCTYPE html>'],
  ])('prints --format %s, or writes it with -o', async (format, start) => {
    const printed = await cli(['validate', 'examples/spend-sample.csv', '-s', 'spend-over-500', '-f', format]);
    expect(printed.code).toBe(1);
    expect(printed.stdout.startsWith(start)).toBe(true);
    const dir = scratch();
    const written = await cli(['validate', 'examples/spend-sample.csv', '-s', 'spend-over-500', '-f', format, '-o', join(dir, 'out')]);
    expect(written.code).toBe(1);
    expect(written.stdout).toBe('');
    // Only the time spent (JUnit's time attributes) and when the check was made may differ between the two runs.
    const timeless = (text: string) =>
      text
        .replace(/ time="[\d.]+"/g, '')
        .replace(/<time datetime="[^"]*">[^<]*<\/time>/g, '')
        .replace(/"checkedAt": "[^"]*"/g, '');
    expect(timeless(readFileSync(join(dir, 'out'), 'utf8'))).toBe(timeless(printed.stdout));
  });

  it.each([
    ['report.html', 'html', '<!DOCTYPE html>', 'the HTML report'],
    ['report.md', 'markdown', '## ❌', 'the Markdown report'],
    ['junit.xml', 'junit', '<?xml', 'the JUnit XML report'],
    ['results.sarif', 'sarif', '{\n  "$schema"', 'the SARIF report'],
    ['report.json', 'json', '{\n  "reportVersion"', 'the JSON report'],
    ['issues.csv', 'csv', '\uFEFFfile,row', 'the CSV list of issues'],
  ])('picks the format from the name of -o %s unless -f says, and says what it wrote', async (name, _format, start, words) => {
    const dir = scratch();
    const result = await cli(['validate', 'examples/spend-sample.csv', '-s', 'spend-over-500', '-o', join(dir, name)]);
    expect(result.code).toBe(1);
    expect(readFileSync(join(dir, name), 'utf8').startsWith(start)).toBe(true);
    expect(result.stderr).toBe(`conform: wrote ${words} to ${join(dir, name)}\n`);
    const forced = await cli(['validate', 'examples/spend-sample.csv', '-s', 'spend-over-500', '-f', 'stylish', '-o', join(dir, name), '-q']);
    expect(readFileSync(join(dir, name), 'utf8').startsWith('✖ examples/spend-sample.csv')).toBe(true);
    expect(forced.stderr).toBe('');
  });

  it('rejects an unknown format, naming the ones it knows', async () => {
    const dir = scratch();
    const result = await cli(['validate', 'examples/spend-sample.csv', '-s', 'spend-over-500', '--report', `pdf=${join(dir, 'x.pdf')}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('conform: --report: unknown format "pdf"; use one of stylish, json, junit, github, markdown, html, csv, sarif\n');
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });

  it('lists every format in the help', async () => {
    const help = (await cli(['validate', '--help'])).stdout;
    expect(help.replace(/\s+/g, ' ')).toContain('report format: stylish, json, junit, github, markdown, html, csv, sarif');
  });
});
