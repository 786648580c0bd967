#!/usr/bin/env node
// The GitHub Action's entry (see action.yml): read the inputs GitHub passes as INPUT_* variables, run
// `conform validate` in the workspace, and hand its results to GitHub: annotations on the log (the
// `github` format), the Markdown report appended to $GITHUB_STEP_SUMMARY, the other formats written to
// the report folder, and the step's outputs in $GITHUB_OUTPUT. The exit code is conform's: 0 passed,
// 1 an issue at or above fail-on, 2 the check could not be run.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'conform.js');
const EXTENSIONS = { stylish: 'txt', json: 'json', junit: 'xml', github: 'txt', markdown: 'md', html: 'html', csv: 'csv', sarif: 'sarif' };
/** GitHub refuses a step summary over 1 MiB. */
const SUMMARY_LIMIT = 1024 * 1024 - 4096;

/** An input as GitHub names it (`INPUT_FAIL-ON`), or as action.yml passes it (`INPUT_FAIL_ON`). */
function input(name) {
  const upper = name.toUpperCase();
  return (process.env[`INPUT_${upper}`] ?? process.env[`INPUT_${upper.replace(/-/g, '_')}`] ?? '').trim();
}

/** Files, folders and patterns are separated by white space (a pattern may hold a comma: `{a,b}.csv`); formats also by commas. */
const words = (text) => text.split(/\s+/).filter(Boolean);
const list = (text) => text.split(/[\s,]+/).filter(Boolean);
const yes = (text) => /^(true|yes|1|on)$/i.test(text);

function setOutput(name, value) {
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${String(value).replace(/[\r\n]+/g, ' ')}\n`);
}

function summary(text) {
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, text.endsWith('\n') ? text : `${text}\n`);
}

function main() {
  const workspace = resolve(process.env.GITHUB_WORKSPACE || process.cwd());
  const formats = list(input('formats') || 'github,markdown');
  for (const format of formats) {
    if (!(format in EXTENSIONS)) {
      console.log(`::error title=conform::Unknown format "${format}" in the formats input; use some of ${Object.keys(EXTENSIONS).join(', ')}`);
      return 2;
    }
  }
  const uploadSarif = yes(input('upload-sarif'));
  if (uploadSarif && !formats.includes('sarif')) formats.push('sarif');
  const reportDir = resolve(workspace, input('report-dir') || 'conform-reports');
  mkdirSync(reportDir, { recursive: true });
  const reportPath = (format) => join(reportDir, `conform.${EXTENSIONS[format]}`);

  const args = ['validate', ...words(input('files'))];
  if (input('standard')) args.push('--standard', input('standard'));
  if (input('fail-on')) args.push('--fail-on', input('fail-on'));
  if (input('config')) args.push('--config', input('config'));
  for (const dir of words(input('standards-dir'))) args.push('--standards-dir', dir);
  // Annotations (or the terminal report) go to the log; every other format to a file.
  args.push('--format', formats.includes('github') ? 'github' : 'stylish', '--no-color');
  const files = new Set(['json', ...formats.filter((f) => f !== 'github')]);
  for (const format of files) args.push('--report', `${format}=${reportPath(format)}`);

  console.log(`conform ${args.map((a) => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: workspace, stdio: 'inherit', env: { ...process.env, CI: 'true' } });
  const code = run.status ?? 2;

  const json = reportPath('json');
  if (code === 2 || !existsSync(json)) {
    summary("## conform\n\nThe check could not be run: see the step's log for why.");
    console.log('::error title=conform::The check could not be run; the message above says why');
    setOutput('passed', 'false');
    return 2;
  }
  const report = JSON.parse(readFileSync(json, 'utf8'));
  if (formats.includes('markdown')) {
    let text = readFileSync(reportPath('markdown'), 'utf8');
    if (Buffer.byteLength(text) > SUMMARY_LIMIT) {
      text = `${Buffer.from(text)
        .subarray(0, SUMMARY_LIMIT)
        .toString('utf8')
        .replace(/\n[^\n]*$/, '')}\n\n_The report was cut short to fit the step summary: the full one is ${relative(workspace, reportPath('markdown'))}._\n`;
    }
    summary(text);
  }
  setOutput('passed', report.passed ? 'true' : 'false');
  setOutput('errors', report.summary.errors);
  setOutput('warnings', report.summary.warnings);
  setOutput('report-dir', reportDir);
  setOutput('json', json);
  if (files.has('sarif')) setOutput('sarif', reportPath('sarif'));
  return code;
}

try {
  process.exitCode = main();
} catch (error) {
  console.log(`::error title=conform::${String(error?.message ?? error).replace(/\r?\n/g, ' ')}`);
  process.exitCode = 2;
}
