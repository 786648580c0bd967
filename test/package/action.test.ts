// The GitHub Action: action.yml passes every input to the entry script, and the entry script, run as
// GitHub runs it (INPUT_* variables, GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT), writes
// annotations to the log, the Markdown report to the step summary, the reports and the step's outputs.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers.js';

const ENTRY = join(ROOT, 'action', 'run.mjs');

interface Step {
  id?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

function runAction(inputs: Record<string, string>, setUp?: (workspace: string) => void) {
  const workspace = mkdtempSync(join(tmpdir(), 'conform-action-'));
  copyFileSync(join(ROOT, 'examples', 'spend-sample.csv'), join(workspace, 'spend.csv'));
  setUp?.(workspace);
  const summary = join(workspace, '..', `${workspace.split('/').pop()}-summary.md`);
  const output = join(workspace, '..', `${workspace.split('/').pop()}-output.txt`);
  writeFileSync(summary, '');
  writeFileSync(output, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    GITHUB_ACTION_PATH: ROOT,
  };
  // As action.yml passes them: INPUT_ and the name with - as _.
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  const run = spawnSync(process.execPath, [ENTRY], { cwd: workspace, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { code: run.status, log: run.stdout + run.stderr, summary: readFileSync(summary, 'utf8'), outputs, workspace };
}

describe('action.yml', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    runs: { using: string; steps: Step[] };
  };

  it('is a composite action that passes every input to the entry script', () => {
    expect(action.runs.using).toBe('composite');
    const step = action.runs.steps.find((s) => s.id === 'conform')!;
    expect(step.run).toContain('action/run.mjs');
    const script = readFileSync(ENTRY, 'utf8');
    for (const name of Object.keys(action.inputs)) {
      expect(step.env![`INPUT_${name.toUpperCase().replace(/-/g, '_')}`]).toBe(`\${{ inputs.${name} }}`);
      expect(script).toContain(`input('${name}')`);
    }
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['files', 'standard', 'fail-on', 'formats', 'upload-sarif']));
  });

  it('uploads SARIF only when asked, and even when the check failed', () => {
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    expect(upload.if).toContain("inputs.upload-sarif == 'true'");
    expect(upload.if).toContain('!cancelled()');
    expect(upload.with!.sarif_file).toBe('${{ steps.conform.outputs.sarif }}');
  });
});

describe('the entry script, run as GitHub runs it', () => {
  it('annotates the log, writes the step summary and the outputs, and fails the step', () => {
    const result = runAction({ files: 'spend.csv', standard: 'spend-over-500', 'fail-on': 'error', formats: 'github,markdown', 'upload-sarif': 'true', 'report-dir': 'reports' });
    expect(result.code).toBe(1);
    expect(result.log).toMatch(/^::error file=spend\.csv,line=\d+,/m);
    expect(result.log).toMatch(/^::warning file=spend\.csv,/m);
    expect(result.summary).toMatch(/^#+ .*1 of 1 file failed/m);
    expect(result.summary).toContain('spend.csv');
    expect(result.summary).toContain('Amount');
    expect(result.outputs).toMatchObject({ passed: 'false', errors: '5', warnings: '2' });
    const sarif = JSON.parse(readFileSync(result.outputs.sarif!, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(result.outputs.sarif).toBe(join(result.workspace, 'reports', 'conform.sarif'));
  });

  it('passes the step when fail-on allows, and writes the other formats to the report folder', () => {
    const result = runAction({ files: '\n  sp{end,x}.csv\n', standard: 'spend-over-500', 'fail-on': 'never', formats: 'markdown, junit, html' });
    expect(result.code).toBe(0);
    expect(result.log).not.toContain('::error');
    expect(result.outputs.passed).toBe('true');
    expect(result.summary).toContain('spend.csv');
    for (const name of ['conform.xml', 'conform.html', 'conform.json']) expect(existsSync(join(result.workspace, 'conform-reports', name))).toBe(true);
    expect(result.outputs.sarif).toBeUndefined();
  });

  it('runs the checks of the config when no files are named', () => {
    const result = runAction({}, (workspace) => writeFileSync(join(workspace, 'conform.config.yaml'), 'checks:\n  - files: spend.csv\n    standard: spend-over-500\n'));
    expect(result.code).toBe(1);
    expect(result.summary).toContain('spend.csv');
  });

  it('says in the log and the summary when the check cannot be run', () => {
    const result = runAction({ files: 'spend.csv', standard: 'no-such-standard' });
    expect(result.code).toBe(2);
    expect(result.log).toContain('Unknown standard "no-such-standard"');
    expect(result.log).toContain('::error title=conform::');
    expect(result.summary).toContain('could not be run');
    expect(runAction({ formats: 'pdf' }).code).toBe(2);
  });
});
