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
      'validate', 'examples/spend-sample.csv', '-s', 'spend-over-500',
      '--report', `html=${out('report.html')}`,
      '--report', `junit=${out('junit.xml')}`,
      '--report', `sarif=${out('results.sarif')}`,
      '-f', 'github',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const annotations = result.stdout.trimEnd().split('\n');
    expect(annotations).toHaveLength(7);
    expect(annotations).toContain(
      '::error file=examples/spend-sample.csv,line=9,col=4,title=Required value missing (value-missing) · BeneficiaryName::BeneficiaryName is required, but the cell is empty',
    );

    const page = readFileSync(out('report.html'), 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<code>examples/spend-sample.csv</code>');
    expect(page.match(/<tr class="issue"/g)).toHaveLength(7);

    const xml = readFileSync(out('junit.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<testsuite name="examples/spend-sample.csv" tests="5" failures="4"');

    const log = JSON.parse(readFileSync(out('results.sarif'), 'utf8'));
    expect(log.runs[0].results).toHaveLength(7);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('examples/spend-sample.csv');
  });

  it.each([
    ['markdown', '## ❌ 1 of 1 file failed'],
    ['csv', '\uFEFFfile,row,line,column,code,severity,value,message,hint\r\n'],
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
    // Only the time spent (JUnit's time attributes) may differ between the two runs.
    const timeless = (text: string) => text.replace(/ time="[\d.]+"/g, '');
    expect(timeless(readFileSync(join(dir, 'out'), 'utf8'))).toBe(timeless(printed.stdout));
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
