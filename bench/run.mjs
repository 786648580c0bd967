#!/usr/bin/env node
// npm run bench — conform's performance record. Generates seeded spend files, times conform and the
// peers (the naive csv-parse + ajv pipeline, tableschema-js, the naive JSON.parse + ajv NDJSON loop) as
// whole processes in the same run, interleaved so that paired ratios hold on a noisy machine, and
// writes docs/performance.md. Every figure is a median; peak memory is each process's own maxRSS.
//
// Usage: npm run bench [-- --quick] [-- --runs N]
//   --quick   the 1M-row CSV and NDJSON only, two runs each (no 4M, 5M, batch or tableschema-js runs)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, createReadStream, createWriteStream } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const data = join(here, 'data');
const quick = process.argv.includes('--quick');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : quick ? 2 : 3;
const node = process.execPath;
const hook = join(here, 'rss-hook.mjs');
const conform = join(root, 'bin', 'conform.js');
const benchSchema = join(here, 'spend-bench.schema.json');
const benchTableSchema = join(here, 'spend-bench.tableschema.json');
mkdirSync(data, { recursive: true });

if (!existsSync(join(root, 'dist', 'cli.js'))) run('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

// ---------- data ----------
function generate(name, rows, formats, extra = []) {
  const out = join(data, name);
  const wanted = formats.split(',').map((f) => `${out}.${f}`);
  if (wanted.every((f) => existsSync(f)) && existsSync(`${out}.expected.json`)) return out;
  log(`generating ${name} (${rows.toLocaleString('en-GB')} rows, ${formats})…`);
  run(node, [join(here, 'gen-spend.mjs'), '--rows', String(rows), '--out', out, '--formats', formats, ...extra], { stdio: 'inherit' });
  return out;
}

/** The same file with a byte-order mark and the header written as a council might (needs mapping). */
async function messyHeaderCopy(source) {
  const target = join(data, 'spend-1m-messy-header.csv');
  if (existsSync(target)) return target;
  const out = createWriteStream(target);
  out.write('\ufeff');
  let first = true;
  for await (const chunk of createReadStream(source, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    let text = chunk;
    if (first) {
      const nl = text.indexOf('\n');
      const header = text
        .slice(0, nl)
        .split(',')
        .map((h) => h.toLowerCase().replace(/ /g, '_'));
      text = header.join(',') + text.slice(nl);
      first = false;
    }
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return target;
}

/**
 * The first `count` lines of a file, streamed. (This process must stay small: on Linux a child process
 * starts with its parent's peak memory as its own, so a big parent would inflate every figure after.)
 */
async function firstLines(source, target, count) {
  if (existsSync(target)) return target;
  const out = createWriteStream(target);
  let left = count;
  for await (const chunk of createReadStream(source, { highWaterMark: 1 << 20 })) {
    let end = 0;
    while (left > 0) {
      const nl = chunk.indexOf(10, end);
      if (nl < 0) break;
      end = nl + 1;
      left--;
    }
    if (left > 0) end = chunk.length;
    if (!out.write(chunk.subarray(0, end))) await once(out, 'drain');
    if (left === 0) break;
  }
  out.end();
  await once(out, 'finish');
  return target;
}

/** A council-sized file for spend-over-500: 2,000 rows, to time start-up and all. */
function councilFile() {
  const target = join(data, 'council-2000.csv');
  if (existsSync(target)) return target;
  const lines = ['OrganisationLabel,OrganisationURI,OrganisationalUnit,BeneficiaryName,PaymentDate,TransactionNumber,Amount,IrrecoverableVATAmount,Purpose'];
  for (let i = 1; i <= 2000; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      `Anytown Council,https://opendatacommunities.org/id/district-council/anytown,Service ${i % 17},Supplier ${i % 211} Ltd,2024-03-${day},T${100000 + i},${(500 + ((i * 37) % 90000) / 3).toFixed(2)},0,Purpose ${i % 41}`,
    );
  }
  writeFileSync(target, lines.join('\n') + '\n');
  return target;
}

// ---------- measuring ----------
function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  if (result.error) throw result.error;
  return result;
}

/** One whole-process run of a Node.js script: wall seconds, peak memory (MiB) and its stdout. */
function once_(script, args) {
  const rssFile = join(os.tmpdir(), `conform-bench-rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const result = run(node, ['--import', hook, script, ...args], { env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' } });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${script} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return { wall, rss, stdout: result.stdout };
}

/** Interleaved runs of several commands (A B C A B C …); medians and the paired ratios against the first. */
function compare(label, commands, runs = RUNS) {
  log(`${label}: ${commands.map((c) => c.name).join(' vs ')} (${runs} runs each, interleaved)`);
  once_(commands[0].script, commands[0].args); // warm the page cache and the compile cache
  const samples = commands.map(() => []);
  for (let r = 0; r < runs; r++) {
    commands.forEach((c, k) => {
      if (c.runs !== undefined && r >= c.runs) return;
      samples[k].push(once_(c.script, c.args));
    });
  }
  return commands.map((c, k) => {
    const s = samples[k];
    const ratios = s.map((x, r) => x.wall / samples[0][r].wall);
    return {
      name: c.name,
      wall: median(s.map((x) => x.wall)),
      wallMin: Math.min(...s.map((x) => x.wall)),
      wallMax: Math.max(...s.map((x) => x.wall)),
      rss: median(s.map((x) => x.rss)),
      ratio: k === 0 ? 1 : median(ratios),
      runs: s.length,
      stdout: s[s.length - 1].stdout,
    };
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n, d = 2) => n.toFixed(d);
const rate = (rows, wall) => Math.round(rows / wall).toLocaleString('en-GB');
function log(text) {
  process.stderr.write(`bench: ${text}\n`);
}

/** A copy of a bench schema without its unique keys, in bench/data. */
function withoutKeys(schemaFile) {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  delete schema['x-uniqueKeys'];
  const target = join(data, 'spend-bench-no-key.schema.json');
  writeFileSync(target, JSON.stringify(schema, null, 2));
  return target;
}

/** Rows conform flagged with an error, from its JSON report, against the generator's manifest. */
function detection(reportText, expectedFile) {
  const report = JSON.parse(reportText);
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
  const flagged = new Set(report.files[0].issues.filter((i) => i.severity === 'error' && i.code !== 'key-duplicate').map((i) => i.row));
  const want = new Set(expected.rowsWithErrors.map(([row]) => row));
  const found = [...want].filter((r) => flagged.has(r)).length;
  const falsePositives = [...flagged].filter((r) => !want.has(r)).length;
  const duplicates = new Map(report.files[0].issues.filter((i) => i.code === 'key-duplicate').map((i) => [i.row, i.firstRow]));
  const plantedDuplicates = expected.duplicateKeys ?? [];
  const duplicatesFound = plantedDuplicates.filter(([row, first]) => duplicates.get(row) === first).length;
  const withValue = report.files[0].issues.filter((i) => i.code === 'key-duplicate' && i.value !== undefined).length;
  return {
    expected: want.size,
    found,
    falsePositives,
    plantedDuplicates: plantedDuplicates.length,
    duplicatesFound,
    extraDuplicates: duplicates.size - duplicatesFound,
    withValue,
  };
}

// ---------- how many cores this machine really gives ----------
/** Two CPU-bound processes at once against one alone: about 2 on two free cores, about 1 when shared. */
async function parallelCapacity() {
  const spin = ['-e', 'let x = 0; for (let i = 0; i < 4e8; i++) x += i % 7; if (x < 0) console.log(x)'];
  const seconds = (started) => Number(process.hrtime.bigint() - started) / 1e9;
  let started = process.hrtime.bigint();
  spawnSync(node, spin);
  const one = seconds(started);
  started = process.hrtime.bigint();
  await Promise.all([once(spawn(node, spin), 'exit'), once(spawn(node, spin), 'exit')]);
  return (2 * one) / seconds(started);
}

// ---------- scenarios ----------
const results = {};
const check = (name, ok, detail) => {
  results.checks ??= [];
  results.checks.push({ name, ok, detail });
};

results.capacity = await parallelCapacity();
log(`this machine gives about ${results.capacity.toFixed(2)} cores to two busy processes`);
const csv1m = generate('spend-1m', 1_000_000, 'csv,ndjson');
const conformCsv = (file, extra = []) => ({ script: conform, args: ['validate', file, '-s', benchSchema, '-f', 'json', '--max-issues', '20000', ...extra] });

{
  const commands = [
    { name: 'conform', ...conformCsv(`${csv1m}.csv`) },
    { name: 'csv-parse + ajv (naive)', script: join(here, 'peers', 'naive-csv.mjs'), args: [`${csv1m}.csv`, benchSchema] },
    { name: 'conform --jobs 2 (two threads)', ...conformCsv(`${csv1m}.csv`, ['--jobs', '2']) },
  ];
  if (!quick) commands.push({ name: 'tableschema-js', script: join(here, 'peers', 'tableschema.mjs'), args: [`${csv1m}.csv`, benchTableSchema], runs: 2 });
  const r = compare('1M-row spend CSV', commands);
  results.csv1m = r;
  const d = detection(r[0].stdout, `${csv1m}.expected.json`);
  results.detection1m = d;
  check('1M CSV: every planted error found, no false positive', d.found === d.expected && d.falsePositives === 0, `${d.found}/${d.expected}, ${d.falsePositives} false positives`);
  check('1M CSV: at least as fast as the naive pipeline', r[1].ratio >= 1, `naive/conform wall ratio ${fmt(r[1].ratio)}`);
  const fastest = Math.min(r[0].wall, r[2].wall);
  check('1M CSV: over 500,000 rows/s', 1_000_000 / fastest > 500_000, `${rate(1_000_000, r[0].wall)} rows/s on one thread, ${rate(1_000_000, r[2].wall)} on two`);
  check('1M CSV: at least 5× the naive pipeline', r[1].wall / fastest >= 5, `${fmt(r[1].wall / r[0].wall)}× on one thread, ${fmt(r[1].wall / r[2].wall)}× on two`);
  check('1M CSV: peak memory under 150 MB', r[0].rss < 150, `${fmt(r[0].rss, 1)} MiB on one thread, ${fmt(r[2].rss, 1)} on two`);
  // The three together, as the goal sets them: one setting must be fast enough and small enough at once.
  const settings = [
    ['one thread', r[0]],
    ['two threads', r[2]],
  ];
  const meetsAll = ([, x]) => 1_000_000 / x.wall > 500_000 && r[1].wall / x.wall >= 5 && x.rss < 150;
  check(
    '1M CSV: over 500,000 rows/s, 5× the naive pipeline and under 150 MB, all in one setting',
    settings.some(meetsAll),
    settings.map(([name, x]) => `${name}: ${rate(1_000_000, x.wall)} rows/s, ${fmt(r[1].wall / x.wall)}×, ${fmt(x.rss, 1)} MiB`).join('; '),
  );
}

{
  const r = compare('1M-record NDJSON', [
    { name: 'conform', script: conform, args: ['validate', `${csv1m}.ndjson`, '-s', benchSchema, '-f', 'json', '--max-issues', '20000'] },
    { name: 'JSON.parse + ajv (naive)', script: join(here, 'peers', 'naive-ndjson.mjs'), args: [`${csv1m}.ndjson`, benchSchema] },
    { name: 'conform --jobs 2 (two threads)', script: conform, args: ['validate', `${csv1m}.ndjson`, '-s', benchSchema, '-f', 'json', '--max-issues', '20000', '--jobs', '2'] },
    // The naive loop checks no unique key: this row shows what the key costs.
    { name: 'conform, without the unique key', script: conform, args: ['validate', `${csv1m}.ndjson`, '-s', withoutKeys(benchSchema), '-f', 'json', '--max-issues', '20000'] },
  ]);
  results.ndjson = r;
  const fastest = Math.min(r[0].wall, r[2].wall);
  check('1M NDJSON: at least 3× the naive loop', r[1].wall / fastest >= 3, `naive/conform ${fmt(r[1].ratio)} on one thread, ${fmt(r[1].wall / r[2].wall)} on two`);
  // Constant memory: a quarter of the records must need about as much memory as all of them.
  const quarter = await firstLines(`${csv1m}.ndjson`, join(data, 'spend-250k.ndjson'), 250_000);
  // Both with the default options, so that the issues kept (1,000 at most) are the same for both.
  const plainNdjson = (file) => ({ script: conform, args: ['validate', file, '-s', benchSchema, '-f', 'json'] });
  const q = compare(
    'NDJSON memory growth, default options',
    [
      { name: 'conform, 1M records', ...plainNdjson(`${csv1m}.ndjson`) },
      { name: 'conform, 250k records', ...plainNdjson(quarter) },
    ],
    2,
  );
  results.ndjsonQuarter = q;
  check('1M NDJSON: constant memory (within 10% of a quarter of the file)', q[0].rss <= q[1].rss * 1.1, `${fmt(q[0].rss, 1)} MiB for 1M records, ${fmt(q[1].rss, 1)} MiB for 250k`);
}

{
  const messy = await messyHeaderCopy(`${csv1m}.csv`);
  const r = compare('encoding detection and header mapping', [
    { name: 'exact header, --encoding utf-8', ...conformCsv(`${csv1m}.csv`, ['--encoding', 'utf-8', '--delimiter', ',']) },
    { name: 'BOM, snake_case header, detected', ...conformCsv(messy) },
  ]);
  results.mapping = r;
  check('encoding detection and header mapping cost at most 10%', r[1].ratio <= 1.1, `ratio ${fmt(r[1].ratio)}`);
}

{
  const file = councilFile();
  const r = compare(
    '2,000-row council file, start-up included',
    [{ name: 'conform (spend-over-500)', script: conform, args: ['validate', file, '-s', 'spend-over-500', '-f', 'json'] }],
    quick ? 3 : 7,
  );
  results.council = r;
  check('2,000-row file end to end under 0.3 s', r[0].wall < 0.3, `${fmt(r[0].wall, 3)} s`);
}

if (!quick) {
  const csv4m = generate('spend-4m', 4_000_000, 'csv');
  // Both with the default options: the detection runs above keep 20,000 issues, which the 4M file fills.
  const plain = (file) => ({ script: conform, args: ['validate', file, '-s', benchSchema, '-f', 'json'] });
  const r = compare(
    '4M-row spend CSV against 1M (memory growth, default options)',
    [
      { name: 'conform, 4M rows', ...plain(`${csv4m}.csv`) },
      { name: 'conform, 1M rows', ...plain(`${csv1m}.csv`) },
    ],
    2,
  );
  results.csv4m = r;
  const growth = r[0].rss / r[1].rss;
  check('4M CSV: peak memory within 10% of the 1M file', growth <= 1.1, `${fmt(r[0].rss, 1)} MiB vs ${fmt(r[1].rss, 1)} MiB (${fmt(growth)}×)`);

  const keys5m = generate('spend-5m-keys', 5_000_000, 'csv', ['--duplicates', '0.0002']);
  const k = compare('5M-row CSV with a composite key and planted duplicates', [{ name: 'conform', ...conformCsv(`${keys5m}.csv`, ['--max-issues', '100000']) }], 1);
  results.keys5m = k;
  const d = detection(k[0].stdout, `${keys5m}.expected.json`);
  results.detection5m = d;
  check(
    '5M keys: every planted duplicate found, with its first occurrence and its value',
    d.duplicatesFound === d.plantedDuplicates && d.extraDuplicates === 0 && d.withValue === d.duplicatesFound,
    `${d.duplicatesFound}/${d.plantedDuplicates}, ${d.extraDuplicates} others, ${d.withValue} with their value`,
  );
  check('5M keys: peak memory below 400 MB', k[0].rss < 400, `${fmt(k[0].rss, 1)} MiB`);

  if (existsSync(join(here, 'batch.mjs'))) {
    log('batch: 500 files of 10,000 rows, --jobs 1 vs --jobs 2');
    const b = run(node, [join(here, 'batch.mjs')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    results.batch = b.stdout.trim();
    check('batch: bench/batch.mjs targets', b.status === 0, results.batch.split('\n').pop());
  }
}

// ---------- the record ----------
const rows = (r, n) =>
  r
    .map(
      (x) =>
        `| ${x.name} | ${n.toLocaleString('en-GB')} | ${fmt(x.wall)} (${fmt(x.wallMin)}–${fmt(x.wallMax)}) | ${rate(n, x.wall)} | ${fmt(x.rss, 1)} | ${x.ratio === 1 ? '1.00' : fmt(x.ratio)} | ${x.runs} |`,
    )
    .join('\n');
const header = '| command | rows | wall s, median (min–max) | rows/s | peak MiB | wall ratio to conform | runs |\n| --- | --- | --- | --- | --- | --- | --- |';
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const sections = [
  `# Performance\n\nThe record written by \`npm run bench\` (${new Date().toISOString().slice(0, 10)}). Every figure is for a whole process, start to exit (Node.js start-up, module loading and schema compilation included): the median of ${RUNS} runs after a warm-up run, with the commands interleaved so that the ratios compare runs made at the same moment. Peak memory is each process's own maximum resident set.\n\nMachine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node.js ${process.version}. During this run two CPU-bound processes together got about ${results.capacity.toFixed(2)} cores' worth of time (2.00 means both cores were free; this shared machine often gives less, and then two threads cannot beat one).`,
  `## 1,000,000-row spend CSV (${Math.round(statSync(`${csv1m}.csv`).size / 1e6)} MB)\n\nFull checks: types, formats, patterns, enums, lengths, required fields and a composite unique key (conform only; the peers have no unique keys).\n\n${header}\n${rows(results.csv1m, 1_000_000)}\n\nDetection: conform flagged ${results.detection1m.found} of the ${results.detection1m.expected} rows with planted errors, with ${results.detection1m.falsePositives} false positives.`,
  `## 1,000,000-record NDJSON\n\nThe same checks as the CSV, the composite unique key included; the naive loop checks no key.\n\n${header}\n${rows(results.ndjson, 1_000_000)}\n\nMemory against the size of the file, with the default options: all 1,000,000 records peak at ${fmt(results.ndjsonQuarter[0].rss, 1)} MiB and a quarter of them at ${fmt(results.ndjsonQuarter[1].rss, 1)} MiB.`,
  `## Encoding detection and header mapping\n\nThe 1M-row file as it is, read with \`--encoding utf-8 --delimiter ,\`, against a copy with a byte-order mark and a snake_case header that must be mapped, read with everything detected.\n\n${header}\n${rows(results.mapping, 1_000_000)}`,
  `## A council-sized file\n\n2,000 rows against the bundled \`spend-over-500\` standard, start-up included.\n\n${header}\n${rows(results.council, 2000)}`,
];
if (results.csv4m)
  sections.push(
    `## 4,000,000-row spend CSV: memory does not grow with the file\n\nWith the default options (1,000 issues listed), against the 1M-row file run the same way.\n\n${header}\n${rows(results.csv4m.slice(0, 1), 4_000_000)}\n${rows(results.csv4m.slice(1), 1_000_000)}`,
  );
if (results.keys5m) {
  sections.push(
    `## 5,000,000 rows with a composite key\n\n(Organisation Code, Transaction Number), with ${results.detection5m.plantedDuplicates} planted duplicates.\n\n${header}\n${rows(results.keys5m, 5_000_000)}\n\nFound ${results.detection5m.duplicatesFound} of ${results.detection5m.plantedDuplicates} planted duplicates with their first occurrence; ${results.detection5m.extraDuplicates} others. ${results.detection5m.withValue} of them name their value (a duplicate whose first occurrence had gone to disk has its value read from its line again).`,
  );
}
if (results.batch) sections.push(`## Batch: 500 files of 10,000 rows\n\n\`\`\`\n${results.batch}\n\`\`\``);
sections.push(...handWritten(join(root, 'docs', 'performance.md')));
sections.push(
  `## Targets\n\n| target | met | measured |\n| --- | --- | --- |\n${results.checks.map((c) => `| ${c.name} | ${c.ok ? 'yes' : '**no**'} | ${c.detail} |`).join('\n')}`,
);
sections.push(
  "## Reproduce\n\n```sh\nnpm install\nnpm run bench            # everything (about ten minutes; generates ~3 GB of data in bench/data/)\nnpm run bench -- --quick # the 1M-row files only\n```\n\nThe data is generated by `bench/gen-spend.mjs` (seeded, so every run checks the same rows); the peers are in `bench/peers/`. For one command's wall time and peak memory by hand, use `/usr/bin/time -v node bin/conform.js validate …`.",
);
writeFileSync(join(root, 'docs', 'performance.md'), sections.join('\n\n') + '\n');

/** The sections of the record written by hand, not by this script, as the last record has them. */
function handWritten(path) {
  const HAND_WRITTEN = ['## Workbooks', '## Why the code is shaped this way'];
  if (!existsSync(path)) return [];
  const parts = readFileSync(path, 'utf8').split(/^(?=## )/m);
  return parts.filter((part) => HAND_WRITTEN.includes(part.split('\n', 1)[0].trim())).map((part) => part.trimEnd());
}

console.log(results.checks.map((c) => `${c.ok ? 'ok  ' : 'MISS'} ${c.name}: ${c.detail}`).join('\n'));
console.log('written: docs/performance.md');
