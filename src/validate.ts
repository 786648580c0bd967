// The main job as a library function: check files against a standard and return the report the CLI
// prints. Reads the files; writes nothing.
import type { Readable } from 'node:stream';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { checkFile } from './check/file.js';
import type { RowTargets } from './check/route-rows.js';
import { checkColumnMap } from './check/header.js';
import { ConformError } from './errors.js';
import { buildReport } from './report/build.js';
import { Registry } from './standards/registry.js';
import type { Standard } from './standards/standard.js';
import type { FailOn, FileReport, InputFormat, IssueCode, Report, Severity } from './types.js';

export interface ValidateOptions {
  /** A registry id (`spend-over-500`, `spend-over-500@1.0`), a path to a JSON Schema file, or a loaded standard. */
  standard: string | Standard;
  failOn?: FailOn;
  /** Issues kept per file (the counts stay true past it). */
  maxIssues?: number;
  encoding?: string;
  delimiter?: string;
  inputFormat?: InputFormat;
  /** Column names in the files mapped to the standard's fields. */
  columns?: Record<string, string>;
  /** Extra folders of standards. */
  standardsDirs?: string[];
  /** What `-` reads. */
  stdin?: Readable;
  /** Severities that replace the standard's, by issue code (a council's maturity level). */
  severity?: Partial<Record<IssueCode, Severity>>;
  /** Folders where code lists are looked for after the standard's own folder. */
  codelistDirs?: string[];
  /** `reference` reads CSV with csv-parse instead of the fast tokenizer; the report is the same. */
  tokenizer?: 'fast' | 'reference';
  /** Fetch schemas and code lists that standards name by web address (with a time and size limit). */
  allowRemote?: boolean;
  /** Worker threads for one big file (default: the machine's cores when there is one file). */
  threads?: number;
  /** Characters in each part of a big file, and the smallest file (bytes) split into parts. */
  partSize?: number;
  partsFrom?: number;
  /** Write the records that pass / fail to these files; `{name}` stands for each input's name. */
  validRows?: string;
  invalidRows?: string;
}

export const DEFAULT_MAX_ISSUES = 1000;

export async function validate(files: string[], options: ValidateOptions): Promise<Report> {
  if (!files.length) throw new ConformError('No files to check');
  const failOn = options.failOn ?? 'error';
  const standard =
    typeof options.standard === 'string' ? await new Registry(options.standardsDirs, true, options.codelistDirs, options.allowRemote).resolve(options.standard) : options.standard;
  if (options.columns) checkColumnMap(options.columns, standard);
  const reports: FileReport[] = [];
  const rowTargets = rowTargetsFor(files, options);
  for (const [index, path] of files.entries()) {
    reports.push(
      await checkFile(path, standard, {
        failOn,
        maxIssues: options.maxIssues ?? DEFAULT_MAX_ISSUES,
        encoding: options.encoding,
        delimiter: options.delimiter,
        inputFormat: options.inputFormat,
        columns: options.columns,
        tokenizer: options.tokenizer,
        rowTargets: rowTargets[index],
        threads: options.threads ?? (files.length === 1 ? availableParallelism() : 1),
        partSize: options.partSize,
        partsFrom: options.partsFrom,
        adjust: options.severity ? (issue) => options.severity![issue.code] : undefined,
        stream: path === '-' ? options.stdin ?? process.stdin : undefined,
      }),
    );
  }
  return buildReport(reports, failOn);
}

/** Each file's --valid-rows / --invalid-rows paths, with `{name}` replaced by the file's own name. */
function rowTargetsFor(files: string[], options: ValidateOptions): Array<RowTargets | undefined> {
  const templates = { valid: options.validRows, invalid: options.invalidRows };
  if (!templates.valid && !templates.invalid) return files.map(() => undefined);
  if (files.includes('-')) throw new ConformError('--valid-rows and --invalid-rows need files to read twice; they cannot be used with standard input');
  for (const template of [templates.valid, templates.invalid]) {
    if (template && files.length > 1 && !template.includes('{name}')) {
      throw new ConformError(`With several files, put {name} in the row file's path (e.g. "${template.replace(/(\.[^./]+)?$/, '-{name}$1')}") so each file gets its own`);
    }
  }
  return files.map((file) => {
    const name = basename(file).replace(/\.[^.]+$/, '');
    const fill = (template?: string) => template?.replace(/\{name\}/g, name);
    return { valid: fill(templates.valid), invalid: fill(templates.invalid) };
  });
}
