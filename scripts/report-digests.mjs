// Digests of every report and fix conform gives for the bundled example, test/real and the shared corpus,
// so a change meant to keep behaviour can be shown to keep it byte for byte.
//   node scripts/report-digests.mjs            print the digests as JSON
//   node scripts/report-digests.mjs --write    store them in test/golden/report-digests.json
//   node scripts/report-digests.mjs --check    compare with the stored ones; exit 1 on any difference
// Runs the built code (dist/); `npm run build` first. Only the time of the check and the seconds it took
// are blanked, as they differ on every run.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');
const STORED = join(ROOT, 'test', 'golden', 'report-digests.json');
const DATA = /\.(csv|tsv|txt|json|ndjson|jsonl|geojson|xlsx|xlsm|ods)$/i;
const OTHER_FORMATS = ['junit', 'github', 'markdown', 'html', 'csv', 'sarif'];

/** The files checked: `example/…`, `real/…` and, where the shared corpus is beside the project, `corpus/…`. */
export function inputs() {
  const found = [];
  const walk = (dir, label, root) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, label, root);
      // Named relative to the project, as a user in its folder would, so reports are the same in any checkout.
      else if (DATA.test(name)) found.push({ key: `${label}/${relative(root, path)}`, path: relative(ROOT, path) });
    }
  };
  walk(join(ROOT, 'examples'), 'example', join(ROOT, 'examples'));
  walk(join(ROOT, 'test', 'real'), 'real', join(ROOT, 'test', 'real'));
  if (existsSync(CORPUS)) {
    for (const name of readdirSync(CORPUS).sort()) {
      const data = join(CORPUS, name, 'data');
      if (existsSync(data)) walk(data, 'corpus', CORPUS);
    }
  }
  return found;
}

const sha = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** A report with its run-dependent fields blanked. */
function steady(report) {
  report.checkedAt = '-';
  if ('elapsed' in report) report.elapsed = 0;
  for (const file of report.files ?? []) if ('elapsed' in file) file.elapsed = 0;
  return report;
}

/** Blank the seconds a human-readable summary quotes ("in 0.42 s", "0.4s"). */
const steadyText = (text) => text.replace(/\b\d+(\.\d+)? ?(s|ms|seconds?)\b/g, 'N s').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME');

/** Every output for one input: the exit code and each report format, then `fix`'s file and log. */
export async function digestsFor(path, { run, formatReport }) {
  const io = (out) => ({
    stdout: { write: (s) => (out.stdout += s) },
    stderr: { write: (s) => (out.stderr += s) },
    cwd: ROOT,
    env: {},
  });
  const result = {};
  const json = { stdout: '', stderr: '' };
  json.code = await run(['validate', path, '--standard', 'auto', '--format', 'json'], io(json));
  let report;
  try {
    report = steady(JSON.parse(json.stdout));
  } catch {
    report = undefined;
  }
  result.exit = json.code;
  // A file of more than a megabyte is also checked in parts on two threads, which must agree byte for byte.
  if (statSync(join(ROOT, path)).size > 1 << 20) {
    const parts = { stdout: '', stderr: '' };
    await run(['validate', path, '--standard', 'auto', '--format', 'json', '--jobs', '2'], io(parts));
    result.jsonInParts = sha(JSON.stringify(steady(JSON.parse(parts.stdout))));
  }
  result.json = sha(report ? JSON.stringify(report) : json.stdout);
  result.jsonStderr = sha(steadyText(json.stderr));
  const stylish = { stdout: '', stderr: '' };
  await run(['validate', path, '--standard', 'auto'], io(stylish));
  result.stylish = sha(steadyText(stylish.stdout + stylish.stderr));
  if (report) for (const format of OTHER_FORMATS) result[format] = sha(steadyText(formatReport(report, format)));
  const out = mkdtempSync(join(tmpdir(), 'conform-digest-'));
  try {
    const fix = { stdout: '', stderr: '' };
    fix.code = await run(['fix', path, '--standard', 'auto', '--output', join(out, 'fixed')], io(fix));
    result.fixExit = fix.code;
    result.fix = sha(steadyText(fix.stdout + fix.stderr).replaceAll(out, 'OUT'));
    for (const name of readdirSync(out).sort()) result[`fix:${name}`] = sha(steadyText(readFileSync(join(out, name), 'utf8')).replaceAll(out, 'OUT'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return result;
}

export async function allDigests() {
  const { run } = await import(join(ROOT, 'dist', 'run.js'));
  const { formatReport } = await import(join(ROOT, 'dist', 'index.js'));
  const all = {};
  for (const { key, path } of inputs()) all[key] = await digestsFor(path, { run, formatReport });
  // Every real file at once, two at a time: the batch path and its one summary.
  const batch = { stdout: '', stderr: '' };
  const io = { stdout: { write: (s) => (batch.stdout += s) }, stderr: { write: (s) => (batch.stderr += s) }, cwd: ROOT, env: {} };
  const exit = await run(['validate', join('test', 'real'), '--standard', 'auto', '--format', 'json', '--jobs', '2'], io);
  all['batch/real'] = { exit, json: sha(JSON.stringify(steady(JSON.parse(batch.stdout)))), stderr: sha(steadyText(batch.stderr)) };
  return all;
}

/** The differences between stored and fresh digests, one line each; corpus entries only where the corpus is present. */
export function differences(stored, fresh) {
  const lines = [];
  for (const [key, digests] of Object.entries(stored)) {
    if (key.startsWith('corpus/') && !existsSync(CORPUS)) continue;
    if (!fresh[key]) lines.push(`${key}: no longer checked`);
    else
      for (const output of Object.keys({ ...digests, ...fresh[key] }))
        if (digests[output] !== fresh[key][output]) lines.push(`${key}: ${output} differs (${digests[output] ?? 'absent'} → ${fresh[key][output] ?? 'absent'})`);
  }
  for (const key of Object.keys(fresh)) if (!stored[key]) lines.push(`${key}: new input, not stored`);
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const fresh = await allDigests();
  if (process.argv.includes('--write')) {
    writeFileSync(STORED, `${JSON.stringify(fresh, null, 1)}\n`);
    console.log(`${Object.keys(fresh).length} inputs stored in ${relative(ROOT, STORED)}`);
  } else if (process.argv.includes('--check')) {
    const lines = differences(JSON.parse(readFileSync(STORED, 'utf8')), fresh);
    console.log(lines.length ? lines.join('\n') : `${Object.keys(fresh).length} inputs: every report and fix as stored`);
    process.exitCode = lines.length ? 1 : 0;
  } else console.log(JSON.stringify(fresh, null, 1));
}
