// The main job as a library function: check files against a standard and return the report the CLI
// prints. Reads the files; writes nothing.
import type { Readable } from 'node:stream';
import { checkFile } from './check/file.js';
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
}

export const DEFAULT_MAX_ISSUES = 1000;

export async function validate(files: string[], options: ValidateOptions): Promise<Report> {
  if (!files.length) throw new ConformError('No files to check');
  const failOn = options.failOn ?? 'error';
  const standard =
    typeof options.standard === 'string' ? await new Registry(options.standardsDirs, true, options.codelistDirs).resolve(options.standard) : options.standard;
  const reports: FileReport[] = [];
  for (const path of files) {
    reports.push(
      await checkFile(path, standard, {
        failOn,
        maxIssues: options.maxIssues ?? DEFAULT_MAX_ISSUES,
        encoding: options.encoding,
        delimiter: options.delimiter,
        inputFormat: options.inputFormat,
        columns: options.columns,
        tokenizer: options.tokenizer,
        adjust: options.severity ? (issue) => options.severity![issue.code] : undefined,
        stream: path === '-' ? options.stdin ?? process.stdin : undefined,
      }),
    );
  }
  return buildReport(reports, failOn);
}
