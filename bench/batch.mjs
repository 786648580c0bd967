#!/usr/bin/env node
// bench/batch.mjs — a batch audit at scale: 500 spend files of 10,000 rows each, checked by
// `conform validate <dir> -s spend-over-500` as a whole process with --jobs 1 and with --jobs 2.
// Prints the wall times (median of the runs), the ratio jobs 2 / jobs 1 (target ≤ 0.6) and the peak
// memory of the --jobs 2 run (target < 300 MB), and exits 1 when a target is missed.
//
// Usage: node bench/batch.mjs [--runs N] [--files N] [--rows N]
// The files are generated once, seeded, into bench/data/batch-<files>x<rows>/ (git-ignored).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const RUNS = option('runs', 3);
const FILES = option('files', 500);
const ROWS = option('rows', 10_000);
const TARGET_RATIO = 0.6;
const TARGET_MB = 300;
const dir = join(here, 'data', `batch-${FILES}x${ROWS}`);
const conform = join(root, 'bin', 'conform.js');
const timeTool = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

// ---------- data: seeded, spend-over-500's columns, ~0.5% of rows with one planted error ----------
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNCILS = ['Northshire County Council', 'Southborough Council', 'Eastvale District Council', 'Westmere City Council'];
const UNITS = ['Adult Social Care', "Children's Services", 'Highways', 'Waste Management', 'Housing', 'Libraries'];
const PURPOSES = ['Residential Home Long Stay Fees', 'Road Maintenance', 'IT Software Licences', 'Agency Staff', 'Grounds Maintenance'];
const HEADER =
  'OrganisationLabel,OrganisationURI,OrganisationalUnit,BeneficiaryName,BeneficiaryOtherID,PaymentDate,TransactionNumber,Amount,IrrecoverableVATAmount,Purpose,CardTransaction';

async function writeFile(path, seed) {
  const rnd = random(seed);
  const council = COUNCILS[seed % COUNCILS.length];
  const out = createWriteStream(path);
  let chunk = HEADER + '\n';
  for (let i = 0; i < ROWS; i++) {
    const broken = rnd() < 0.005 ? Math.floor(rnd() * 3) : -1;
    const day = 1 + Math.floor(rnd() * 28);
    const month = 1 + Math.floor(rnd() * 12);
    const date = broken === 0 ? `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2024` : `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const amount = broken === 1 ? `"£${(500 + rnd() * 9000).toFixed(2)}"` : (500 + rnd() * 50000).toFixed(2);
    const supplier = broken === 2 ? '' : `Supplier ${Math.floor(rnd() * 5000)} Ltd`;
    chunk += `${council},https://example.org/id/council/${seed % COUNCILS.length},${UNITS[Math.floor(rnd() * UNITS.length)]},${supplier},S${Math.floor(rnd() * 90000)},${date},T${seed}-${i},${amount},0.00,${PURPOSES[Math.floor(rnd() * PURPOSES.length)]},None\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

async function generate() {
  const stamp = join(dir, '.complete');
  if (existsSync(stamp)) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  process.stderr.write(`generating ${FILES} files of ${ROWS.toLocaleString('en-GB')} rows in ${dir}…\n`);
  for (let f = 0; f < FILES; f++) await writeFile(join(dir, `spend-${String(f).padStart(4, '0')}.csv`), f + 1);
  writeFileSync(stamp, new Date().toISOString());
}

// ---------- runs ----------
/** One whole-process run: wall seconds and peak resident memory (MB, from /usr/bin/time -v). */
function once_(jobs) {
  const report = join(os.tmpdir(), `conform-batch-bench-${process.pid}.json`);
  const args = [conform, 'validate', dir, '-s', 'spend-over-500', '--jobs', String(jobs), '-f', 'json', '-o', report, '--no-progress'];
  const started = process.hrtime.bigint();
  const result = timeTool
    ? spawnSync(timeTool, ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, ['--import', join(here, 'rss-hook.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, BENCH_RSS_FILE: `${report}.rss` } });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 1) throw new Error(`conform exited with ${result.status}: ${result.stderr}`);
  const summary = JSON.parse(readFileSync(report, 'utf8')).summary;
  rmSync(report, { force: true });
  let rssKiB;
  const cpu = timeTool ? Number(/Percent of CPU this job got: (\d+)%/.exec(result.stderr)?.[1]) : NaN;
  if (timeTool) rssKiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1]);
  else {
    rssKiB = Number(readFileSync(`${report}.rss`, 'utf8').trim().split('\n').pop());
    rmSync(`${report}.rss`, { force: true });
  }
  return { wall, rss: (rssKiB * 1024) / 1e6, cpu, summary };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * What this machine can do in parallel: the time two threads take to do the same fixed CPU work as one
 * thread does, relative to that one (1.0 on two real cores; 2.0 when the two share one core's time). The
 * best --jobs 2 / --jobs 1 ratio the machine allows is about half of it.
 */
async function parallelCapacity() {
  const spin = 'let x = 0; for (let i = 0; i < 4e8; i++) x += i % 7; require("node:worker_threads").parentPort.postMessage(x);';
  const time = async (threads) => {
    const started = performance.now();
    await Promise.all(Array.from({ length: threads }, () => new Promise((done) => new Worker(spin, { eval: true }).once('message', done))));
    return performance.now() - started;
  };
  await time(1);
  const one = median([await time(1), await time(1), await time(1)]);
  const two = median([await time(2), await time(2), await time(2)]);
  return two / one;
}

await generate();
if (!existsSync(join(root, 'dist', 'batch', 'worker.js'))) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
const bytes = readdirSync(dir).reduce((n, name) => n + (name.endsWith('.csv') ? statSync(join(dir, name)).size : 0), 0);

once_(1); // warm the file cache
const runs = { 1: [], 2: [] };
for (let r = 0; r < RUNS; r++) for (const jobs of [1, 2]) runs[jobs].push(once_(jobs));
const one = { wall: median(runs[1].map((x) => x.wall)), rss: Math.max(...runs[1].map((x) => x.rss)), cpu: median(runs[1].map((x) => x.cpu)) };
const two = { wall: median(runs[2].map((x) => x.wall)), rss: Math.max(...runs[2].map((x) => x.rss)), cpu: median(runs[2].map((x) => x.cpu)) };
const ratio = two.wall / one.wall;
const totalRows = FILES * ROWS;
const summary = runs[2][0].summary;
const sameResult = JSON.stringify(runs[1][0].summary) === JSON.stringify(summary);
const ok = ratio <= TARGET_RATIO && two.rss < TARGET_MB && sameResult;
const capacity = await parallelCapacity();
const f = (n, d = 2) => n.toFixed(d);
console.log(
  `${FILES} files × ${ROWS.toLocaleString('en-GB')} rows = ${totalRows.toLocaleString('en-GB')} rows, ${Math.round(bytes / 1e6)} MB; ${os.cpus().length} cores; median of ${RUNS} runs each`,
);
const cpuText = (x) => (Number.isNaN(x.cpu) ? '' : `, ${x.cpu}% CPU`);
console.log(`--jobs 1: ${f(one.wall)} s, ${Math.round(totalRows / one.wall).toLocaleString('en-GB')} rows/s, peak ${f(one.rss, 1)} MB${cpuText(one)}`);
console.log(
  `--jobs 2: ${f(two.wall)} s, ${Math.round(totalRows / two.wall).toLocaleString('en-GB')} rows/s, peak ${f(two.rss, 1)} MB${cpuText(two)} (near 200% when the machine gives the run two cores)`,
);
console.log(`this machine runs two CPU-bound threads in ${f(capacity)}× the time of one (1.00 = two real cores), so the best ratio it allows is about ${f(capacity / 2)}`);
console.log(
  `findings (the same with both): ${summary.failedFiles} of ${summary.files} files failed, ${summary.errors.toLocaleString('en-GB')} errors${sameResult ? '' : ' — BUT THE TWO RUNS DISAGREE'}`,
);
console.log(`${ok ? 'PASS' : 'FAIL'}: --jobs 2 / --jobs 1 = ${f(ratio)} (target ≤ ${TARGET_RATIO}); peak memory with --jobs 2 ${f(two.rss, 1)} MB (target < ${TARGET_MB} MB)`);
process.exitCode = ok ? 0 : 1;
