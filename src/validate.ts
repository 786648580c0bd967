// The main job as a library function: check data against a standard and return the report the CLI
// prints. Reads its input; writes nothing unless asked to (validRows / invalidRows). `validate` takes a
// path, paths, a stream or records in memory, and a standard by id, path or schema object; `validateTasks`
// takes files each with its own settings (as a config file gives them) and is what the CLI runs.
import { basename, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import { AUTO, DEFAULT_MAX_ISSUES, type Task } from './batch/check-task.js';
import type { RowTargets } from './run/route-rows.js';
import { runSettings, type RunSettings } from './run/settings.js';
import { checkColumnMap } from './check/header.js';
import { checkAll, type PoolEvent } from './batch/pool.js';
import { ConformError } from './errors.js';
import { OutputGuard } from './io/output-guard.js';
import { buildReport } from './report/build.js';
import { buildOverview } from './report/summary.js';
import { loadStandardSchema } from './standards/load.js';
import { Registry } from './standards/registry.js';
import type { Standard } from './standards/standard.js';
import type { FailOn, FileReport, InputFormat, IssueCode, Report, Severity, ShardInfo } from './types.js';

export { DEFAULT_MAX_ISSUES };

/** A JSON Schema held in memory, as parsed JSON. */
export type SchemaObject = Record<string, unknown>;

/** A web stream of bytes or text (`fetch(...).body`, `Blob.stream()`): anything with `getReader()`. */
export interface WebReadableStream {
  getReader(): unknown;
}

/**
 * What `validate` checks: a file path, a list of file paths, a Node `Readable` or a web `ReadableStream`
 * of a file's bytes, or an iterable or async iterable of records (plain objects, validated as JSON).
 */
export type ValidateInput = string | readonly string[] | Readable | WebReadableStream | Iterable<object> | AsyncIterable<object>;

/** The standard: a bundled or registered id (`spend-over-500`, `spend-over-500@1.0`), a schema file's path, `auto`, a loaded standard, or a JSON Schema object. */
export type StandardInput = string | Standard | SchemaObject;

/** What happens as files start, progress and finish. */
export type ValidateEvent = PoolEvent;

export interface ValidateOptions {
  /** @deprecated Give the standard as `validate`'s second argument; kept for `validate(files, { standard })`. */
  standard?: StandardInput;
  /** Which severity makes the report fail: `error` (default), `warning`, `info` or `never`. */
  failOn?: FailOn;
  /** Issues kept per file (default 1000); the counts stay true past it. */
  maxIssues?: number;
  /** `auto` (default), `utf-8`, `windows-1252`, `utf-16le`, `utf-16be`. */
  encoding?: string;
  /** `auto` (default), `,` `;` `\t` `|`. */
  delimiter?: string;
  /** `csv`, `json` or `ndjson`, when a file's name (or a stream's content) does not say. */
  inputFormat?: InputFormat;
  /** For workbooks (.xlsx, .ods): the sheet to check, by name or by number from 1 (default: the best match to the standard). */
  sheet?: string;
  /** Column names in the files mapped to the standard's fields (`{ 'Paid Date': 'PaymentDate' }`). */
  columns?: Record<string, string>;
  /** Severity of issues by code (`{ 'value-pattern': 'warning' }`). */
  severity?: Partial<Record<IssueCode, Severity>>;
  /** Extra folders of standards, whose ids can then be used. */
  standardsDirs?: string[];
  /** Folders where code lists are looked for after the standard's own folder. */
  codelistDirs?: string[];
  /** Fetch schemas and code lists that standards name by web address (10 s and 10 MB limits). Off by default. */
  allowRemote?: boolean;
  /** How the report names a stream or records in memory (default `<stream>` / `<records>`). */
  name?: string;
  /** What the path `-` reads (default: `process.stdin`). */
  stdin?: Readable;
  /** Files checked at once in worker threads; 1 (the default) checks them one by one in this thread. */
  jobs?: number;
  /** Threads that check the parts of one big file (default 1: this thread alone). */
  threads?: number;
  /** Called as files start, progress and finish. */
  onEvent?: (event: ValidateEvent) => void;
  /** Write the records that pass / fail to these files; `{name}` stands for each input's name. Files only. */
  validRows?: string;
  invalidRows?: string;
}

/** Switches for tests and the bench, not part of the library's API. */
export interface InternalValidateOptions extends ValidateOptions {
  /** `reference` reads CSV with csv-parse instead of the fast tokenizer; the report is the same. */
  tokenizer?: 'fast' | 'reference';
  /** Characters in each part of a big file, and the smallest file (bytes) split into parts. */
  partSize?: number;
  partsFrom?: number;
}

const OPTION_KEYS = new Set([
  'standard',
  'failOn',
  'maxIssues',
  'encoding',
  'delimiter',
  'inputFormat',
  'sheet',
  'columns',
  'severity',
  'standardsDirs',
  'codelistDirs',
  'allowRemote',
  'name',
  'stdin',
  'jobs',
  'threads',
  'onEvent',
  'validRows',
  'invalidRows',
  'tokenizer',
  'partSize',
  'partsFrom',
]);

/**
 * Check data against a standard and return the report (the object `--format json` prints).
 *
 * ```ts
 * const report = await validate('spend.csv', 'spend-over-500');
 * const fromStream = await validate(response.body!, 'spend-over-500', { inputFormat: 'csv' });
 * const records = await validate([{ id: 1 }], { type: 'object', required: ['id'] });
 * ```
 * Rejects (with a `ConformError`) only when the run cannot be done: an unknown standard, an invalid
 * schema, no input. Problems in the data are issues in the report.
 */
export function validate(input: ValidateInput, standard?: StandardInput, options?: ValidateOptions): Promise<Report>;
/** The earlier form: file paths, with the standard among the options. */
export function validate(files: readonly string[], options?: ValidateOptions): Promise<Report>;
export async function validate(input: ValidateInput, second?: StandardInput | InternalValidateOptions, third?: InternalValidateOptions): Promise<Report> {
  let options: InternalValidateOptions;
  let spec: StandardInput | undefined;
  if (third === undefined && (typeof input === 'string' || isPathList(input)) && isOptions(second)) {
    options = second ?? {};
    spec = options.standard;
  } else {
    options = third ?? {};
    spec = (second as StandardInput | undefined) ?? options.standard;
  }

  const given = runSettings(options);
  const { codelistDirs } = given;
  const registry = new MemoryRegistry(given.standardsDirs, codelistDirs, given.allowRemote);
  let standard = AUTO;
  let inMemory = false;
  if (typeof spec === 'string') standard = spec;
  else if (spec && isStandard(spec)) {
    inMemory = MEMORY.has(spec);
    standard = inMemory ? registry.hold(spec) : spec.path;
  } else if (spec && typeof spec === 'object' && Object.keys(spec).length === 1 && typeof spec.path === 'string') {
    // `{ path }`: a schema file, as the earlier form took it.
    standard = spec.path;
  } else if (spec && typeof spec === 'object') {
    standard = registry.hold(await loadStandard(spec, { codelistDirs, allowRemote: options.allowRemote }));
    inMemory = true;
  } else if (spec !== undefined) {
    throw new ConformError("The standard must be an id, a schema file's path, a loaded standard or a JSON Schema object");
  }

  const source = asSource(input, options);
  if ((source.stream || source.files.includes('-')) && standard === AUTO) {
    throw new ConformError("A stream or records in memory need a standard: give it as validate()'s second argument");
  }
  const files = source.files;
  if (!files.length) throw new ConformError('No files to check');
  const tasks: Task[] = files.map((path) => ({
    path: path === '-' ? '-' : resolve(path),
    shown: path === '-' ? (source.name ?? '<stdin>') : path,
    settings: {
      standard,
      maxIssues: options.maxIssues,
      encoding: options.encoding,
      delimiter: options.delimiter,
      inputFormat: source.inputFormat ?? options.inputFormat,
      sheet: options.sheet,
      columns: options.columns,
      severity: options.severity,
    },
  }));
  // A standard held in memory cannot be loaded again by another thread.
  const settings = inMemory ? { ...given, jobs: 1, threads: 1 } : given;
  const report = await validateTasks(tasks, settings, {
    registry,
    stdin: source.stream ?? options.stdin,
    onEvent: options.onEvent,
    validRows: options.validRows,
    invalidRows: options.invalidRows,
  });
  // A failure of the caller's own iterable of records is the caller's, not a finding about the data.
  if (source.failure) throw source.failure.error;
  return report;
}

export interface LoadStandardOptions {
  /** The folder a relative code list (`x-codelist`) or referenced schema is looked for in (default: the working folder). */
  baseDir?: string;
  /** Folders where code lists are looked for after `baseDir`. */
  codelistDirs?: string[];
  /** Fetch schemas and code lists named by web address. Off by default. */
  allowRemote?: boolean;
}

/** Standards loaded from a schema object: no file to load them from again. */
const MEMORY = new WeakSet<Standard>();

/**
 * Load a standard from a JSON Schema held in memory (draft-04 to 2020-12, with conform's `x-` keywords),
 * checked as a schema file would be. The object is copied, never changed. Rejects with a `ConformError`
 * that says what is wrong when it is not a valid schema.
 */
export async function loadStandard(schema: SchemaObject, options: LoadStandardOptions = {}): Promise<Standard> {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    throw new ConformError('A standard must be a JSON Schema object');
  }
  let copy: SchemaObject;
  try {
    copy = JSON.parse(JSON.stringify(schema)) as SchemaObject;
  } catch (error) {
    throw new ConformError(`The schema object is not plain JSON: ${(error as Error).message}`);
  }
  const meta = (copy['x-standard'] ?? {}) as { id?: unknown };
  const name = [meta.id, copy.title].find((v): v is string => typeof v === 'string' && /[a-z0-9]/i.test(v)) ?? 'standard';
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const file = join(resolve(options.baseDir ?? process.cwd()), `${slug}.schema.json`);
  const standard = await loadStandardSchema(copy, file, 'The schema object', {
    codelistDirs: options.codelistDirs?.map((d) => resolve(d)),
    allowRemote: options.allowRemote,
  });
  MEMORY.add(standard);
  return standard;
}

/** A registry that also knows standards held in memory, by a name of their own. */
class MemoryRegistry extends Registry {
  private readonly held = new Map<string, Standard>();

  constructor(dirs: string[], codelistDirs: string[], allowRemote: boolean) {
    super(dirs, true, codelistDirs, allowRemote);
  }

  hold(standard: Standard): string {
    const name = `memory:${this.held.size + 1}:${standard.id}`;
    this.held.set(name, standard);
    return name;
  }

  override async resolve(spec: string): Promise<Standard> {
    return this.held.get(spec) ?? super.resolve(spec);
  }
}

interface Source {
  files: string[];
  stream?: Readable;
  name?: string;
  inputFormat?: InputFormat;
  failure?: { error: unknown };
}

function asSource(input: ValidateInput, options: ValidateOptions): Source {
  if (typeof input === 'string') return { files: [input] };
  if (isPathList(input)) return { files: [...input] };
  if (input instanceof Readable || isNodeStream(input)) return { files: ['-'], stream: input as Readable, name: options.name ?? '<stream>' };
  if (isWebStream(input)) {
    return { files: ['-'], stream: Readable.fromWeb(input as unknown as NodeWebReadableStream), name: options.name ?? '<stream>' };
  }
  if (input && (Symbol.iterator in input || Symbol.asyncIterator in input)) {
    const source: Source = { files: ['-'], name: options.name ?? '<records>', inputFormat: 'ndjson' };
    source.stream = Readable.from(ndjson(input as Iterable<unknown> | AsyncIterable<unknown>, source));
    return source;
  }
  throw new ConformError('validate() takes a path, a list of paths, a stream, or an iterable of records');
}

/** Records as NDJSON bytes, a batch at a time; a failure of the caller's iterable is kept to be thrown. */
async function* ndjson(records: Iterable<unknown> | AsyncIterable<unknown>, source: Source): AsyncGenerator<Buffer> {
  let batch = '';
  let count = 0;
  try {
    for await (const record of records) {
      count++;
      const text = JSON.stringify(record);
      if (text === undefined) throw new ConformError(`Record ${count} cannot be written as JSON (it is ${typeof record})`);
      batch += text.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') + '\n';
      if (batch.length >= 64 << 10) {
        yield Buffer.from(batch);
        batch = '';
      }
    }
  } catch (error) {
    source.failure = { error };
    throw error;
  }
  if (batch) yield Buffer.from(batch);
}

function isPathList(input: unknown): input is readonly string[] {
  return Array.isArray(input) && input.every((item) => typeof item === 'string');
}

function isNodeStream(input: unknown): boolean {
  return typeof (input as Readable)?.pipe === 'function' && typeof (input as Readable)?.on === 'function' && typeof (input as Readable)?.read === 'function';
}

function isWebStream(input: unknown): boolean {
  return typeof (input as WebReadableStream)?.getReader === 'function';
}

function isStandard(value: object): value is Standard {
  return 'ajv' in value && 'schemaKey' in value && 'fields' in value;
}

/** The options object of the earlier `validate(files, options)` form rather than a schema. */
function isOptions(value: unknown): value is InternalValidateOptions | undefined {
  if (value === undefined) return true;
  if (value === null || typeof value !== 'object' || Array.isArray(value) || isStandard(value)) return false;
  return Object.keys(value).every((key) => OPTION_KEYS.has(key));
}

/** What a batch needs besides the run's settings. */
export interface BatchOptions {
  /** A registry over the settings' folders, when the caller has one already. */
  registry?: Registry;
  stdin?: Readable;
  onEvent?: (event: PoolEvent) => void;
  /** When the tasks are one shard of a larger run. */
  shard?: ShardInfo;
  /** Paths for the records that pass / fail; `{name}` stands for each input's name. */
  validRows?: string;
  invalidRows?: string;
  /** The run's other outputs, already claimed (see io/output-guard.ts); the row files are claimed in it too. */
  outputs?: OutputGuard;
}

export async function validateTasks(tasks: Task[], settings: RunSettings, options: BatchOptions = {}): Promise<Report> {
  const registry = options.registry ?? new Registry(settings.standardsDirs, true, settings.codelistDirs, settings.allowRemote);
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
  tasks = withRowTargets(tasks, options, options.outputs);
  const files: FileReport[] = [];
  for await (const file of checkAll(tasks, { settings, registry, stdin: options.stdin, onEvent: options.onEvent })) {
    files.push(file);
  }
  const report = buildReport(files, settings.failOn);
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

/**
 * Each file's --valid-rows / --invalid-rows paths, with `{name}` replaced by the file's own name, each
 * claimed as an output of the run: never an input, never another output.
 */
function withRowTargets(tasks: Task[], options: Pick<BatchOptions, 'validRows' | 'invalidRows'>, outputs?: OutputGuard): Task[] {
  const templates = { valid: options.validRows, invalid: options.invalidRows };
  if (!templates.valid && !templates.invalid) return tasks;
  if (tasks.some((t) => t.path === '-')) throw new ConformError('--valid-rows and --invalid-rows need files to read twice; they cannot be used with standard input');
  for (const template of [templates.valid, templates.invalid]) {
    if (template && tasks.length > 1 && !template.includes('{name}')) {
      throw new ConformError(`With several files, put {name} in the row file's path (e.g. "${template.replace(/(\.[^./]+)?$/, '-{name}$1')}") so each file gets its own`);
    }
  }
  const guard = outputs ?? new OutputGuard(tasks.map((t) => ({ path: t.path, shown: t.shown })));
  const writer = new Map<string, Task>();
  return tasks.map((task) => {
    const name = basename(task.path).replace(/\.[^.]+$/, '');
    const fill = (template?: string) => template && resolve(template.replace(/\{name\}/g, name));
    const rowTargets: RowTargets = { valid: fill(templates.valid), invalid: fill(templates.invalid) };
    for (const [target, flag] of [
      [rowTargets.valid, '--valid-rows'],
      [rowTargets.invalid, '--invalid-rows'],
    ] as const) {
      if (!target) continue;
      const other = writer.get(target);
      if (other === task) throw new ConformError(`--valid-rows and --invalid-rows both name ${target}; give each its own file`);
      if (other) throw new ConformError(`${other.shown} and ${task.shown} have the same name, so their rows would go to the same file ${target}; check them in separate runs`);
      writer.set(target, task);
      guard.claim(target, `${flag} ${target}`);
    }
    return { ...task, rowTargets };
  });
}
