import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverConfig } from '../../src/config/discover.js';
import { loadConfig } from '../../src/config/load.js';
import { mergeSettings } from '../../src/config/merge.js';
import { cli, report } from '../helpers.js';
import { spendCsv, tree } from './make-data.js';

const good = spendCsv(1, { rows: 5 }).text;
// Row 2 has a UK date: a value-format error in the PaymentDate column.
const oneBad = good.replace(/2024-03-(\d\d)(,T1-1,)/, '$1/03/24$2');

describe('finding the config file', () => {
  it('looks in the working folder, then in each folder above it', () => {
    const dir = tree({ 'conform.config.yaml': 'checks: []\n', 'a/b/c/.keep': '' });
    expect(discoverConfig(join(dir, 'a', 'b', 'c'))).toBe(join(dir, 'conform.config.yaml'));
    expect(discoverConfig(dir)).toBe(join(dir, 'conform.config.yaml'));
  });

  it('tries the names in order: .yaml, then .yml, then .json', () => {
    const dir = tree({ 'conform.config.json': '{}', 'conform.config.yml': 'checks: []\n' });
    expect(discoverConfig(dir)).toBe(join(dir, 'conform.config.yml'));
    const nearer = join(dir, 'sub');
    mkdirSync(nearer);
    expect(discoverConfig(nearer)).toBe(join(dir, 'conform.config.yml'));
  });

  it('runs every check of a config found above the working folder, with paths relative to the config', async () => {
    const dir = tree({
      'conform.config.yaml': 'checks:\n  - files: "data/spend/*.csv"\n    standard: spend-over-500\n',
      'data/spend/jan.csv': good,
      'data/spend/feb.csv': oneBad,
      'data/other/ignored.csv': 'x,y\n1,2\n',
      'work/.keep': '',
    });
    const { code, report: r } = await report([], { cwd: join(dir, 'work') });
    expect(code).toBe(1);
    expect(r.files.map((f: any) => f.path)).toEqual(['../data/spend/feb.csv', '../data/spend/jan.csv']);
    expect(r.files.map((f: any) => f.standard.id)).toEqual(['spend-over-500', 'spend-over-500']);
    expect(r.files[0].byCode).toEqual({ 'value-format': 1 });
  });

  it('reads a JSON config given with --config', async () => {
    const dir = tree({
      'settings/conform.json': JSON.stringify({ failOn: 'never', checks: [{ files: '../data/*.csv', standard: 'spend-over-500' }] }),
      'data/feb.csv': oneBad,
    });
    const { code, report: r } = await report(['--config', 'settings/conform.json'], { cwd: dir });
    expect(code).toBe(0);
    expect(r.failOn).toBe('never');
    expect(r.files.map((f: any) => f.path)).toEqual(['data/feb.csv']);
  });

  it('stops with exit 2 when --config names a file that is not there', async () => {
    const { code, stderr } = await cli(['validate', '--config', 'missing.yaml'], { cwd: tree({}) });
    expect(code).toBe(2);
    expect(stderr).toBe('conform: Cannot read the config file missing.yaml: no such file\n');
  });
});

describe('the settings of a check', () => {
  it('maps columns, sets the encoding, and changes severities', async () => {
    const text = oneBad.replace('PaymentDate', 'Date Of Payment');
    const dir = tree({
      'conform.config.yaml': [
        'checks:',
        '  - files: "*.csv"',
        '    standard: spend-over-500',
        '    columns: { "Date Of Payment": PaymentDate }',
        '    severity: { value-format: warning }',
        '',
      ].join('\n'),
      'spend.csv': text,
    });
    const { code, report: r } = await report([], { cwd: dir });
    expect(code).toBe(0);
    const f = r.files[0];
    expect(f.byCode).toEqual({ 'value-format': 1 });
    expect(f.issues[0]).toMatchObject({ code: 'value-format', severity: 'warning', row: 2, line: 3, column: 'Date Of Payment' });
    expect(f.validRows).toBe(5);
  });

  it("adds --column maps to a check's columns, and names the line of a map that sends a column nowhere", async () => {
    const text = good.replace('PaymentDate', 'Date Of Payment').replace('BeneficiaryName', 'Payee Name');
    const dir = tree({
      'conform.config.yaml': 'checks:\n  - files: "*.csv"\n    standard: spend-over-500\n    columns: { "Date Of Payment": PaymentDate }\n',
      'spend.csv': text,
    });
    const both = await report(['--column', 'Payee Name=BeneficiaryName'], { cwd: dir });
    expect(both.code).toBe(0);
    expect(both.report.files[0].issues).toEqual([]);

    const wrong = tree({
      'conform.config.yaml': 'checks:\n  - files: "*.csv"\n    standard: spend-over-500\n\n    columns: { "Date Of Payment": PaymentDay }\n',
      'spend.csv': text,
    });
    const { code, stderr } = await cli(['validate'], { cwd: wrong });
    expect(code).toBe(2);
    expect(stderr).toBe(
      'conform: conform.config.yaml line 5: The column map sends "Date Of Payment" to "PaymentDay", but the standard "spend-over-500" has no field "PaymentDay"; did you mean "PaymentDate"?\n',
    );
  });

  it('gives a file named on the command line the settings of the check that names it', async () => {
    const dir = tree({
      'conform.config.yaml': 'checks:\n  - files: "published/**/*.csv"\n    standard: spend-over-500\n    severity: { value-format: info }\n',
      'published/2024/feb.csv': oneBad,
    });
    const { code, report: r } = await report(['published/2024/feb.csv'], { cwd: dir });
    expect(code).toBe(0);
    expect(r.files[0]).toMatchObject({ path: 'published/2024/feb.csv', counts: { error: 0, warning: 0, info: 1 } });
    expect(r.files[0].standard.detected).toBeUndefined();
  });

  it('lets flags override the config: --fail-on, --max-issues and --standard', async () => {
    const many = spendCsv(2, { rows: 40, badShare: 1 }).text;
    const dir = tree({
      'conform.config.yaml': 'failOn: never\nmaxIssues: 5\nchecks:\n  - files: "*.csv"\n    standard: spend-over-500\n',
      'spend.csv': many,
    });
    const fromConfig = await report([], { cwd: dir });
    expect(fromConfig.code).toBe(0);
    expect(fromConfig.report.files[0].issues).toHaveLength(5);
    expect(fromConfig.report.files[0].truncated).toBe(35);

    const flagged = await report(['--fail-on', 'error', '--max-issues', '2'], { cwd: dir });
    expect(flagged.code).toBe(1);
    expect(flagged.report.failOn).toBe('error');
    expect(flagged.report.files[0].issues).toHaveLength(2);

    const otherStandard = await report(['-s', join(dir, 'nothing.json')], { cwd: dir }).catch((e: Error) => e.message);
    expect(otherStandard).toMatch(/^exit 2: conform: Cannot read the standard .*nothing\.json: no such file/);
  });

  it('merges flags over a check over the top level, in one small pure function', () => {
    expect(mergeSettings({ maxIssues: 3 }, { standard: 'a', maxIssues: 10, severity: { 'value-pattern': 'warning' } }, { maxIssues: 99 })).toEqual({
      standard: 'a',
      maxIssues: 3,
      severity: { 'value-pattern': 'warning' },
    });
    expect(mergeSettings({}, undefined, { maxIssues: 99 })).toEqual({ maxIssues: 99 });
    expect(mergeSettings({ standard: 'b' }, { standard: 'a' }, undefined)).toEqual({ standard: 'b' });
  });

  it('finds a standard named by a path relative to the config file, and extra standard folders', async () => {
    const dir = tree({
      'conform.config.yaml':
        'standards: [../fixtures-standards]\nchecks:\n  - files: spend.csv\n    standard: ../schemas/spend.json\n  - files: plots.csv\n    standard: test-allotment-sites\n',
      'spend.csv': good,
      'plots.csv': 'AllotmentSiteName,PlotCount,WaitingListLength\nHill Road,40,12\n',
    });
    mkdirSync(join(dir, '..', 'schemas'), { recursive: true });
    // The config's folder is `dir`; its paths point outside it, as a data repository's often do.
    const { cpSync } = await import('node:fs');
    cpSync(join(process.cwd(), 'schemas', 'spend-over-500', 'schema.json'), join(dir, '..', 'schemas', 'spend.json'));
    cpSync(join(process.cwd(), 'fixtures', 'batch', 'standards'), join(dir, '..', 'fixtures-standards'), { recursive: true });
    const { code, report: r } = await report([], { cwd: dir });
    expect(code).toBe(0);
    expect(r.files.map((f: any) => [f.path, f.standard.id])).toEqual([
      ['spend.csv', 'spend-over-500'],
      ['plots.csv', 'test-allotment-sites'],
    ]);
  });
});

describe('a config that is not right stops the run (exit 2), naming the key and the line', () => {
  const cases: Array<[string, string, string]> = [
    [
      'an unknown key, with the likely one',
      'failOn: error\nchecks:\n  - files: "*.csv"\n    standard: spend-over-500\n    encodng: utf-8\n',
      'conform.config.yaml line 5: "encodng" is not a setting conform knows in checks[0]; did you mean "encoding"?',
    ],
    ['an unknown top-level key', 'failOn: error\nchek: []\n', 'conform.config.yaml line 2: "chek" is not a setting conform knows; did you mean "checks"?'],
    ['a value not allowed', 'standards: []\nfailOn: errors\n', 'conform.config.yaml line 2: failOn must be one of "error", "warning", "info", "never" (got "errors")'],
    [
      'a check without files',
      'checks:\n  - files: "a/*.csv"\n  - standard: spend-over-500\n',
      'conform.config.yaml line 3: checks[1] needs "files": the files the check applies to (a path, a folder or a glob pattern)',
    ],
    ['files of the wrong type', 'checks:\n  - files: 12\n', 'conform.config.yaml line 2: checks[0].files must be text or a list (got 12)'],
    ['a number below its minimum', 'jobs: 0\n', 'conform.config.yaml line 1: jobs must be 1 or more (got 0)'],
    ['a whole number expected', 'checks:\n  - files: x.csv\n    maxIssues: lots\n', 'conform.config.yaml line 3: checks[0].maxIssues must be a whole number (got "lots")'],
    [
      'a delimiter not allowed',
      'checks:\n  - files: x.csv\n\n    delimiter: ":"\n',
      'conform.config.yaml line 4: checks[0].delimiter must be one of "auto", ",", ";", "\\t", "\\\\t", "tab", "|" (got ":")',
    ],
    [
      'an encoding conform does not know',
      'checks:\n  - files: x.csv\n    encoding: klingon-8\n',
      'conform.config.yaml line 3: checks[0].encoding "klingon-8" is not an encoding conform knows; try utf-8, windows-1252, utf-16le or utf-16be',
    ],
    [
      'a severity for an issue code that does not exist',
      'checks:\n  - files: x.csv\n    severity:\n      value-patern: warning\n',
      'conform.config.yaml line 4: checks[0].severity: "value-patern" is not an issue code; did you mean "value-pattern"?',
    ],
    [
      'a severity that is not one',
      'checks:\n  - files: x.csv\n    severity: { value-pattern: low }\n',
      'conform.config.yaml line 3: checks[0].severity.value-pattern must be one of "error", "warning", "info" (got "low")',
    ],
    ['YAML that does not parse', 'checks:\n  - files: "x.csv\n    standard: spend-over-500\n', 'conform.config.yaml line 2: the file is not valid YAML: Missing closing "quote'],
    ['a key given twice', 'failOn: error\nfailOn: never\n', 'conform.config.yaml line 2: the file is not valid YAML: Map keys must be unique'],
  ];
  it.each(cases)('%s', async (_name, text, message) => {
    const dir = tree({ 'conform.config.yaml': text, 'x.csv': good });
    const { code, stdout, stderr } = await cli(['validate'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`conform: ${message}\n`);
  });

  it('points at the line of a check whose standard is unknown', async () => {
    const dir = tree({ 'conform.config.yaml': 'checks:\n  - files: x.csv\n    standard: spend-over-50\n', 'x.csv': good });
    const { code, stderr } = await cli(['validate'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe(
      'conform: conform.config.yaml line 3: Unknown standard "spend-over-50". Did you mean "spend-over-500"? Run "conform standards list" to see them all, or give the path of a JSON Schema file\n',
    );
  });

  it('names the line in a JSON config too', () => {
    const dir = tree({ 'conform.config.json': '{\n  "checks": [\n    { "files": "x.csv", "delimiter": "x" }\n  ]\n}\n' });
    expect(() => loadConfig(join(dir, 'conform.config.json'))).toThrow('conform.config.json line 3: checks[0].delimiter must be one of');
  });

  it('accepts an empty config file', () => {
    const dir = tree({ 'conform.config.yaml': '# nothing yet\n' });
    expect(loadConfig(join(dir, 'conform.config.yaml'))).toMatchObject({ standards: [], checks: [] });
  });
});
