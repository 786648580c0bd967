import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { cli, report } from '../helpers.js';
import { spendCsv, TEST_STANDARDS, tree } from './make-data.js';

const plots = 'AllotmentSiteName,PlotCount,WaitingListLength\nHill Road,40,12\n';

function dataFolder() {
  return tree({
    'published/spend/2024-01.csv': spendCsv(1, { rows: 3 }).text,
    'published/spend/2024-02.csv': spendCsv(2, { rows: 3 }).text,
    'published/mixed/plots.csv': plots,
    'published/mixed/spend.csv': spendCsv(3, { rows: 3 }).text,
    'published/mixed/colours.csv': 'Colour,Shape\nred,round\n',
    'top.csv': spendCsv(4, { rows: 2 }).text,
    // A standard of the council's own: it describes data, it is not data.
    'standards/mine.schema.json': '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}',
  });
}

describe('conform init', () => {
  it('writes a commented config that guesses the standard of each file from its header', async () => {
    const dir = dataFolder();
    const { code, stdout, stderr } = await cli(['init', '--standards-dir', TEST_STANDARDS], { cwd: dir });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      'Wrote conform.config.yaml: 4 checks for 5 files.\n1 file could not be matched to a standard; it is listed, commented out, for you to complete.\nCheck the guesses, then run: conform validate\n',
    );
    const text = readFileSync(join(dir, 'conform.config.yaml'), 'utf8');
    expect(text).toContain(`standards: [${JSON.stringify(TEST_STANDARDS)}]\n`);
    const checks = loadConfig(join(dir, 'conform.config.yaml')).checks.map((c) => [c.files, c.standard]);
    expect(checks).toEqual([
      [['published/mixed/plots.csv'], 'test-allotment-sites'],
      [['published/mixed/spend.csv'], 'spend-over-500'],
      [['published/spend/*.csv'], 'spend-over-500'],
      [['top.csv'], 'spend-over-500'],
    ]);
    expect(text).toContain(
      '# Files no standard fits clearly. Choose a standard (or a JSON Schema file) and uncomment:\n' +
        '#   not recognised: none of its 2 columns is a field of any standard conform knows\n',
    );
    expect(text).toContain('#  - files: "published/mixed/colours.csv"\n#    standard: <id or schema file>\n');
    expect(text).not.toContain('mine.schema.json');
    expect(text).toContain('  # 2 files; the first: 10 of 10 columns are fields of spend-over-500 (with 6 of its 6 required fields)');
  });

  it('writes a config that validate then runs', async () => {
    const dir = dataFolder();
    await cli(['init', '--standards-dir', TEST_STANDARDS], { cwd: dir });
    const { code, report: r } = await report(['--jobs', '1'], { cwd: dir });
    expect(code).toBe(0);
    expect(r.files.map((f: any) => [f.path, f.standard.id, f.standard.detected])).toEqual([
      ['published/mixed/plots.csv', 'test-allotment-sites', undefined],
      ['published/mixed/spend.csv', 'spend-over-500', undefined],
      ['published/spend/2024-01.csv', 'spend-over-500', undefined],
      ['published/spend/2024-02.csv', 'spend-over-500', undefined],
      ['top.csv', 'spend-over-500', undefined],
    ]);
  });

  it('never overwrites a config, unless --force', async () => {
    const dir = tree({ 'conform.config.yml': 'checks: []\n', 'a.csv': spendCsv(1, { rows: 1 }).text });
    const refused = await cli(['init'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('conform: conform.config.yml already exists here; conform init does not overwrite it (use --force to replace it)\n');
    expect(readFileSync(join(dir, 'conform.config.yml'), 'utf8')).toBe('checks: []\n');

    const forced = await cli(['init', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe('Wrote conform.config.yml: 1 check for 1 file.\nCheck the guesses, then run: conform validate\n');
    expect(loadConfig(join(dir, 'conform.config.yml')).checks).toMatchObject([{ files: ['a.csv'], standard: 'spend-over-500' }]);
  });

  it('writes a starter config even when there are no data files yet', async () => {
    const dir = tree({ 'README.md': '# data' });
    const { code, stdout } = await cli(['init'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toBe(
      'Wrote conform.config.yaml: 0 checks for 0 files.\nNo data files (.csv, .json, .ndjson, .jsonl) were found under this folder; add checks by hand.\nCheck the guesses, then run: conform validate\n',
    );
    expect(loadConfig(join(dir, 'conform.config.yaml'))).toMatchObject({ failOn: 'error', checks: [] });
    expect(readFileSync(join(dir, 'conform.config.yaml'), 'utf8')).toContain(
      'failOn: error                # error, warning, info or never: what makes the exit code 1\n# maxIssues: 1000            # issues listed per file (all are counted)\n\nchecks:\n',
    );
  });
});
