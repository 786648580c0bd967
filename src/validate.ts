// The main job as a library function: check files against standards and return the report the CLI
// prints. Reads the files; writes nothing. `validate` takes paths and one set of options; `validateTasks`
// takes files each with its own settings (as a config file gives them) and is what the CLI runs.
import { basename, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { AUTO, DEFAULT_MAX_ISSUES, type Task } from './batch/check-task.js';
import type { RowTargets } from './check/route-rows.js';
import { checkColumnMap } from './check/header.js';
import { checkAll, type PoolEvent } from './batch/pool.js';
import { ConformError } from './errors.js';
import { buildReport } from './report/build.js';
import { buildOverview } from './report/summary.js';
import { Registry } from './standards/registry.js';
import type { Standard } from './standards/standard.js';
import type { FailOn, FileReport, InputFormat, IssueCode, Report, Severity, ShardInfo } from './types.js';

export { DEFAULT_MAX_ISSUES };

export interface ValidateOptions {
  /**
   * A registry id (`spend-over-500`, `spend-over-500@1.0`), a path to a JSON Schema file, a loaded
   * standard, or `auto` (the default) to detect each file's standard from its header.
   */
  standard?: string | Standard;
  failOn?: FailOn;
  /** Issues kept per file (the counts stay true past it). */
  maxIssues?: number;
  encoding?: string;
  delimiter?: string;
  inputFormat?: InputFormat;
  /** Column names in the files mapped to the standard's fields. */
  columns?: Record<string, string>;
  /** Severity of issues by code (`{ 'value-pattern': 'warning' }`). */
  severity?: Partial<Record<IssueCode, Severity>>;
  /** Extra folders of standards. */
  standardsDirs?: string[];
  /** Folders where code lists are looked for after the standard's own folder. */
  codelistDirs?: string[];
  /** What `-` reads. */
  stdin?: Readable;
  /** Files checked at once in worker threads; 1 (the default) checks them one by one in this thread. */
  jobs?: number;
  /** Called as files start, progress and finish. */
  onEvent?: (event: PoolEvent) => void;
  /** `reference` reads CSV with csv-parse instead of the fast tokenizer; the report is the same. */
  tokenizer?: 'fast' | 'reference';
  /** Fetch schemas and code lists that standards name by web address (with a time and size limit). */
  allowRemote?: boolean;
  /** Worker threads that check the parts of one big file (default 1: this thread alone). */
  threads?: number;
  /** Characters in each part of a big file, and the smallest file (bytes) split into parts. */
  partSize?: number;
  partsFrom?: number;
  /** Write the records that pass / fail to these files; `{name}` stands for each input's name. */
  validRows?: string;
  invalidRows?: string;
}

export async function validate(files: string[], options: ValidateOptions = {}): Promise<Report> {
  if (!files.length) throw new ConformError('No files to check');
  const standard = typeof options.standard === 'object' ? options.standard.path : options.standard;
  const tasks: Task[] = files.map((path) => ({
    path: path === '-' ? '-' : resolve(path),
    shown: path === '-' ? '<stdin>' : path,
    settings: {
      standard: standard ?? AUTO,
      maxIssues: options.maxIssues,
      encoding: options.encoding,
      delimiter: options.delimiter,
      inputFormat: options.inputFormat,
      columns: options.columns,
      severity: options.severity,
    },
  }));
  return validateTasks(tasks, {
    standardsDirs: options.standardsDirs ?? [],
    codelistDirs: options.codelistDirs ?? [],
    failOn: options.failOn ?? 'error',
    jobs: options.jobs ?? 1,
    stdin: options.stdin,
    onEvent: options.onEvent,
    tokenizer: options.tokenizer,
    threads: options.threads,
    partSize: options.partSize,
    partsFrom: options.partsFrom,
    allowRemote: options.allowRemote,
    validRows: options.validRows,
    invalidRows: options.invalidRows,
  });
}

export interface BatchOptions {
  /** Extra folders of standards, absolute. */
  standardsDirs: string[];
  /** Folders where code lists are looked for after each standard's own, absolute. */
  codelistDirs?: string[];
  /** A registry over those folders, when the caller has one already. */
  registry?: Registry;
  failOn: FailOn;
  jobs: number;
  stdin?: Readable;
  onEvent?: (event: PoolEvent) => void;
  /** When the tasks are one shard of a larger run. */
  shard?: ShardInfo;
  tokenizer?: 'fast' | 'reference';
  /** Worker threads for the parts of one big file, when files are checked in this thread (default 1). */
  threads?: number;
  partSize?: number;
  partsFrom?: number;
  allowRemote?: boolean;
  /** Paths for the records that pass / fail; `{name}` stands for each input's name. */
  validRows?: string;
  invalidRows?: string;
}

export async function validateTasks(tasks: Task[], options: BatchOptions): Promise<Report> {
  const registry = options.registry ?? new Registry(options.standardsDirs, true, options.codelistDirs, options.allowRemote);
  // A standard that cannot be loaded, or a column map naming a field it does not have, stops the run
  // before any file is read.
  const checked = new Set<string>();
  for (const task of tasks) {
    const spec = task.settings.standard ?? AUTO;
    const key = `${spec}\u0000${JSON.stringify(task.settings.columns ?? {})}`;
    if (spec === AUTO || checked.has(key)) continue;
    checked.add(key);
    const standard = await located(task.origin, () => registry.resolve(spec));
    const columns = task.settings.columns;
    if (columns) await located(task.columnsOrigin, async () => checkColumnMap(columns, standard));
  }
  if (tasks.some((t) => t.path === '-' && (t.settings.standard ?? AUTO) === AUTO)) {
    throw new ConformError('Standard input needs a standard: add --standard <id or schema file>');
  }
  tasks = withRowTargets(tasks, options);
  const files: FileReport[] = [];
  for await (const file of checkAll(tasks, {
    jobs: options.jobs,
    failOn: options.failOn,
    standardsDirs: options.standardsDirs,
    codelistDirs: options.codelistDirs ?? [],
    allowRemote: options.allowRemote ?? false,
    tokenizer: options.tokenizer,
    // One file at a time in this thread: a single big file may use the cores in parts instead.
    // A file is split over threads only when asked (--jobs with one file): each thread costs memory.
    threads: options.threads ?? 1,
    partSize: options.partSize,
    partsFrom: options.partsFrom,
    registry,
    stdin: options.stdin,
    onEvent: options.onEvent,
  })) {
    files.push(file);
  }
  const report = buildReport(files, options.failOn);
  report.overview = buildOverview(files);
  if (options.shard) report.shard = options.shard;
  return report;
}

/** A failure of the run, prefixed with where in the config file its cause was written. */
async function located<T>(origin: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ConformError && origin) throw new ConformError(`${origin}: ${error.message}`, error.where);
    throw error;
  }
}

/** Each file's --valid-rows / --invalid-rows paths, with `{name}` replaced by the file's own name. */
function withRowTargets(tasks: Task[], options: Pick<BatchOptions, 'validRows' | 'invalidRows'>): Task[] {
  const templates = { valid: options.validRows, invalid: options.invalidRows };
  if (!templates.valid && !templates.invalid) return tasks;
  if (tasks.some((t) => t.path === '-')) throw new ConformError('--valid-rows and --invalid-rows need files to read twice; they cannot be used with standard input');
  for (const template of [templates.valid, templates.invalid]) {
    if (template && tasks.length > 1 && !template.includes('{name}')) {
      throw new ConformError(`With several files, put {name} in the row file's path (e.g. "${template.replace(/(\.[^./]+)?$/, '-{name}$1')}") so each file gets its own`);
    }
  }
  const inputs = new Set(tasks.map((t) => t.path));
  const writer = new Map<string, Task>();
  return tasks.map((task) => {
    const name = basename(task.path).replace(/\.[^.]+$/, '');
    const fill = (template?: string) => template?.replace(/\{name\}/g, name);
    const rowTargets: RowTargets = { valid: fill(templates.valid), invalid: fill(templates.invalid) };
    for (const target of [rowTargets.valid, rowTargets.invalid]) {
      if (!target) continue;
      if (inputs.has(target)) throw new ConformError(`Writing rows to ${target} would overwrite an input file being checked; choose another path`);
      const other = writer.get(target);
      if (other === task) throw new ConformError(`--valid-rows and --invalid-rows both name ${target}; give each its own file`);
      if (other) throw new ConformError(`${other.shown} and ${task.shown} have the same name, so their rows would go to the same file ${target}; check them in separate runs`);
      writer.set(target, task);
    }
    return { ...task, rowTargets };
  });
}
