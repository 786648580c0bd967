// `conform validate`: find the config, decide which files are checked with which settings, check them
// (in parallel, one shard of them, with a progress line on a terminal), print or write the reports, and
// say by the exit code whether the data passed (0), failed (1), or the run could not be done (2, thrown
// as ConformError).
import { appendFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import type { CheckSettings, Config } from '../config/config.js';
import { discoverConfig } from '../config/discover.js';
import { loadConfig, standardSpec } from '../config/load.js';
import type { Task } from '../batch/check-task.js';
import { planTasks } from '../batch/plan.js';
import { ProgressLine, progressWanted } from '../batch/progress.js';
import { VERSION } from '../version.js';
import { parseShard, shardPositions, shardRunId } from '../batch/shard.js';
import { checkedInParts } from '../run/file.js';
import { ConformError } from '../errors.js';
import { FORMAT_WORDS, FORMATTERS, isFormatName, type FormatName } from '../formatters/index.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { OutputGuard, type Input } from '../io/output-guard.js';
import { closePrestartedWorkers, prestartPartWorkers } from '../parallel/part-pool.js';
import { colorWanted, type Io } from '../io/io.js';
import { isKnownEncoding } from '../sources/text.js';
import { parseColumnFlags } from './column-flag.js';
import { Registry, warnShadowing } from '../standards/registry.js';
import type { FailOn, InputFormat, Report } from '../types.js';
import { validateTasks } from '../validate.js';
import { runSettings } from '../run/settings.js';
import { locateCells } from '../report/cell-columns.js';

export interface ValidateFlags {
  standard?: string;
  format?: string;
  output?: string;
  report?: string[];
  failOn?: string;
  maxIssues?: string;
  encoding?: string;
  delimiter?: string;
  inputFormat?: string;
  sheet?: string;
  standardsDir?: string[];
  validRows?: string;
  invalidRows?: string;
  allowRemote?: boolean;
  column?: string[];
  config?: string;
  jobs?: string;
  shard?: string;
  quiet?: boolean;
  color?: boolean;
  progress?: boolean;
  verbose?: boolean;
}

const FAIL_ON: FailOn[] = ['error', 'warning', 'info', 'never'];
const INPUT_FORMATS: InputFormat[] = ['csv', 'json', 'ndjson'];
export const DELIMITERS: Record<string, string> = { ',': ',', ';': ';', '\t': '\t', '\\t': '\t', tab: '\t', '|': '|', auto: 'auto' };

export async function validateCommand(args: string[], flags: ValidateFlags, io: Io): Promise<number> {
  const format = flags.format !== undefined ? formatName(flags.format, '--format') : (flags.output && formatFromName(flags.output)) || 'stylish';
  const reports = (flags.report ?? []).map(parseReportFlag);
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const config = findConfig(flags, io);
  const failOn = oneOf(flags.failOn ?? config?.failOn ?? 'error', FAIL_ON, '--fail-on');
  const chosenJobs = atMostCores(
    flags.jobs === undefined ? config?.jobs : positiveInteger(flags.jobs, '--jobs'),
    flags.jobs === undefined ? 'jobs in the config file' : '--jobs',
    flags.quiet ? undefined : io,
  );
  const standardsDirs = [...(flags.standardsDir ?? []).map((d) => resolve(io.cwd, d)), ...(config?.standards ?? [])];

  const plan = await planTasks(args, settingsFromFlags(flags, io), config, io.cwd);
  if (!flags.quiet) for (const pattern of plan.empty) io.stderr.write(`conform: "${pattern}" matched no data files\n`);
  if (!flags.quiet) for (const { shown, why } of plan.leftOut) io.stderr.write(`conform: note: left out ${shown}: ${why}\n`);
  let tasks = plan.tasks;
  let shardInfo: Report['shard'];
  if (shard) {
    if (tasks.some((t) => t.path === '-')) throw new ConformError('--shard cannot be used with standard input (-)');
    const positions = shardPositions(tasks.length, shard);
    const runId = shardRunId(
      tasks.map((t) => t.shown),
      { failOn, version: VERSION, count: shard.count },
      io.env,
    );
    shardInfo = { index: shard.index, count: shard.count, totalFiles: tasks.length, positions, runId };
    tasks = positions.map((p) => plan.tasks[p]!);
  }

  // Every output is claimed before anything is read or written: none may be an input or another output.
  const outputs = new OutputGuard(runInputs(plan.tasks, config));
  const reportTargets = reports.map((r) => outputs.claim(resolve(io.cwd, r.path), `--report ${r.format}=${r.path}`));
  const outputTarget = flags.output === undefined ? undefined : outputs.claim(resolve(io.cwd, flags.output), `--output ${flags.output}`);
  const jobs = chosenJobs ?? defaultJobs(tasks);
  const progress = progressWanted(io, flags) && tasks.length ? new ProgressLine(io.stderr, tasks) : undefined;
  // One big file on several threads: its workers start now, and load their code while this thread loads
  // the standard and reads the header.
  const threads = tasks.length === 1 ? chosenJobs : undefined;
  if (threads && checkedInParts(tasks[0]!.path, threads)) prestartPartWorkers(threads - 1);
  const registry = new Registry(standardsDirs, true, [], flags.allowRemote);
  warnShadowing(registry, io);
  let report: Report;
  try {
    // For a single file, --jobs is the threads that check its parts.
    const settings = runSettings({ standardsDirs, failOn, jobs, threads, allowRemote: flags.allowRemote }, io.cwd);
    report = await validateTasks(tasks, settings, {
      registry,
      stdin: io.stdin,
      onEvent: progress?.onEvent,
      shard: shardInfo,
      validRows: flags.validRows && resolve(io.cwd, flags.validRows),
      invalidRows: flags.invalidRows && resolve(io.cwd, flags.invalidRows),
      outputs,
    });
  } finally {
    progress?.finish();
    await closePrestartedWorkers();
  }

  const color = colorWanted(io, flags.color);
  // Annotations and code scanning mark a cell by its character in the line: read the lines to be marked again.
  if ([format, ...reports.map((r) => r.format)].some((f) => f === 'github' || f === 'sarif')) await locateCells(report, io.cwd);
  for (const [i, { format: extra, path }] of reports.entries()) {
    writeFileAtomic(reportTargets[i]!, FORMATTERS[extra](report, { color: false, verbose: flags.verbose }));
    if (!flags.quiet) io.stderr.write(wroteLine(extra, path));
  }
  const width = flags.output ? undefined : terminalWidth(io);
  const text = FORMATTERS[format](report, { color: flags.output ? false : color, width, verbose: flags.verbose });
  // On GitHub Actions, the annotations are few by design; the whole story goes to the step summary.
  const summary = io.env.GITHUB_STEP_SUMMARY;
  if ((format === 'github' || reports.some((r) => r.format === 'github')) && summary) {
    try {
      appendFileSync(summary, FORMATTERS.markdown(report, { verbose: flags.verbose }) + '\n');
    } catch {
      // a step summary that cannot be written is no reason to fail the check
    }
  }
  if (flags.output && outputTarget) {
    writeFileAtomic(outputTarget, text);
    if (!flags.quiet) io.stderr.write(wroteLine(format, flags.output));
  } else if (!flags.quiet || format !== 'stylish') io.stdout.write(text);
  else if (!report.passed) io.stdout.write(text.split('\n').filter(Boolean).pop() + '\n');
  return report.passed ? 0 : 1;
}

const BY_EXTENSION: Record<string, FormatName> = {
  '.html': 'html',
  '.htm': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.xml': 'junit',
  '.sarif': 'sarif',
  '.json': 'json',
  '.csv': 'csv',
  '.txt': 'stylish',
};

/** The format an output's name asks for (`report.html` → html; `x.sarif.json` → sarif), if any. */
export function formatFromName(path: string): FormatName | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.sarif.json')) return 'sarif';
  if (lower.endsWith('.junit.xml')) return 'junit';
  const dot = lower.lastIndexOf('.');
  return dot > lower.lastIndexOf('/') ? BY_EXTENSION[lower.slice(dot)] : undefined;
}

/** The one line that says what was written where. */
export function wroteLine(format: FormatName, path: string): string {
  return `conform: wrote ${FORMAT_WORDS[format]} to ${path}\n`;
}

/** The terminal's width, when standard output is one; else undefined (the report's default of 80). */
export function terminalWidth(io: Io): number | undefined {
  const columns = (io.stdout as { columns?: number }).columns;
  return io.stdout.isTTY && typeof columns === 'number' && columns > 0 ? columns : undefined;
}

/** Below this much data in all, files are checked sooner in the main thread than worker threads start. */
const WORKERS_WORTH_IT_BYTES = 16 * 1024 * 1024;

/** Without --jobs: one worker per core, unless the files are small enough to check before workers start. */
function defaultJobs(tasks: Task[]): number {
  let bytes = 0;
  for (const task of tasks) {
    if (task.path === '-') continue;
    try {
      bytes += statSync(task.path).size;
    } catch {
      // a missing file is reported when it is checked
    }
    if (bytes >= WORKERS_WORTH_IT_BYTES) return availableParallelism();
  }
  return 1;
}

/** More threads than cores only costs memory and time: the number asked for, at most one per core. */
function atMostCores(jobs: number | undefined, source: string, io: Io | undefined): number | undefined {
  const cores = availableParallelism();
  if (jobs === undefined || jobs <= cores) return jobs;
  io?.stderr.write(`conform: ${source} is ${jobs}, but this machine has ${cores} core${cores === 1 ? '' : 's'}: using ${cores} thread${cores === 1 ? '' : 's'}\n`);
  return cores;
}

/** Every file the run reads: the data files (of every shard), the config, and standards named by path. */
function runInputs(tasks: Task[], config: Config | undefined): Input[] {
  const inputs: Input[] = tasks.filter((t) => t.path !== '-').map((t) => ({ path: t.path, shown: t.shown }));
  if (config) inputs.push(config.path);
  for (const task of tasks) if (task.settings.standard && isAbsolute(task.settings.standard)) inputs.push(task.settings.standard);
  return inputs;
}

/** --config, else the config found from the working folder upward, else none. */
function findConfig(flags: ValidateFlags, io: Io): Config | undefined {
  if (flags.config !== undefined) return loadConfig(resolve(io.cwd, flags.config), flags.config);
  const found = discoverConfig(io.cwd, { home: io.env.HOME, note: (line) => io.stderr.write(`conform: note: ${line}\n`) });
  return found ? loadConfig(found) : undefined;
}

/** The settings given as flags: each overrides the config's value for every file. */
function settingsFromFlags(flags: ValidateFlags, io: Io): CheckSettings {
  const delimiter = flags.delimiter === undefined ? undefined : DELIMITERS[flags.delimiter];
  if (flags.delimiter !== undefined && !delimiter) {
    throw new ConformError(`--delimiter must be one of , ; \\t | or auto (got "${flags.delimiter}")`);
  }
  if (flags.encoding && flags.encoding !== 'auto' && !isKnownEncoding(flags.encoding)) {
    throw new ConformError(`--encoding "${flags.encoding}" is not an encoding conform knows; try utf-8, windows-1252, utf-16le or utf-16be`);
  }
  const settings: CheckSettings = {
    standard: flags.standard === undefined ? undefined : standardSpec(flags.standard, io.cwd),
    encoding: flags.encoding,
    delimiter,
    inputFormat: flags.inputFormat === undefined ? undefined : oneOf(flags.inputFormat, INPUT_FORMATS, '--input-format'),
    sheet: flags.sheet,
    maxIssues: flags.maxIssues === undefined ? undefined : nonNegativeInteger(flags.maxIssues, '--max-issues'),
    columns: flags.column ? parseColumnFlags(flags.column) : undefined,
  };
  for (const key of Object.keys(settings) as Array<keyof CheckSettings>) if (settings[key] === undefined) delete settings[key];
  return settings;
}

function parseReportFlag(value: string): { format: FormatName; path: string } {
  const eq = value.indexOf('=');
  if (eq <= 0 || eq === value.length - 1) {
    throw new ConformError(`--report takes <format>=<file>, such as --report junit=junit.xml (got "${value}")`);
  }
  return { format: formatName(value.slice(0, eq), '--report'), path: value.slice(eq + 1) };
}

export function formatName(name: string, flag: string): FormatName {
  if (!isFormatName(name)) throw new ConformError(`${flag}: unknown format "${name}"; use one of ${Object.keys(FORMATTERS).join(', ')}`);
  return name;
}

function oneOf<T extends string>(value: string, allowed: T[], flag: string): T {
  if (!allowed.includes(value as T)) throw new ConformError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

function nonNegativeInteger(value: string, flag: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new ConformError(`${flag} must be a whole number of 0 or more (got "${value}")`);
  return n;
}

function positiveInteger(value: string, flag: string): number {
  const n = nonNegativeInteger(value, flag);
  if (n < 1) throw new ConformError(`${flag} must be 1 or more (got "${value}")`);
  return n;
}
