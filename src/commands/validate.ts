// `conform validate`: check the files, print or write the reports, and say by the exit code whether the
// data passed (0), failed (1), or the run could not be done (2, thrown as ConformError).
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConformError } from '../errors.js';
import { FORMATTERS, isFormatName, type FormatName } from '../formatters/index.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { colorWanted, type Io } from '../io/io.js';
import { isKnownEncoding } from '../sources/text.js';
import { parseColumnFlags } from './column-flag.js';
import type { FailOn, InputFormat, Report } from '../types.js';
import { DEFAULT_MAX_ISSUES, validate } from '../validate.js';

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
  standardsDir?: string[];
  validRows?: string;
  invalidRows?: string;
  allowRemote?: boolean;
  column?: string[];
  quiet?: boolean;
  color?: boolean;
}

const FAIL_ON: FailOn[] = ['error', 'warning', 'info', 'never'];
const INPUT_FORMATS: InputFormat[] = ['csv', 'json', 'ndjson'];
const DELIMITERS: Record<string, string> = { ',': ',', ';': ';', '\t': '\t', '\\t': '\t', tab: '\t', '|': '|', auto: 'auto' };

export async function validateCommand(files: string[], flags: ValidateFlags, io: Io): Promise<number> {
  const failOn = oneOf(flags.failOn ?? 'error', FAIL_ON, '--fail-on');
  const format = formatName(flags.format ?? 'stylish', '--format');
  const reports = (flags.report ?? []).map(parseReportFlag);
  const maxIssues = flags.maxIssues === undefined ? DEFAULT_MAX_ISSUES : nonNegativeInteger(flags.maxIssues, '--max-issues');
  const delimiter = flags.delimiter === undefined ? undefined : DELIMITERS[flags.delimiter];
  if (flags.delimiter !== undefined && !delimiter) {
    throw new ConformError(`--delimiter must be one of , ; \\t | or auto (got "${flags.delimiter}")`);
  }
  if (flags.encoding && flags.encoding !== 'auto' && !isKnownEncoding(flags.encoding)) {
    throw new ConformError(`--encoding "${flags.encoding}" is not an encoding conform knows; try utf-8, windows-1252, utf-16le or utf-16be`);
  }
  const inputFormat = flags.inputFormat === undefined ? undefined : oneOf(flags.inputFormat, INPUT_FORMATS, '--input-format');
  if (!flags.standard) {
    throw new ConformError('No standard given: use --standard <id or schema file> (run "conform standards list" to see the ids)');
  }
  if (!files.length) throw new ConformError('No files given: name the files to check, or - for standard input');

  refuseOverwritingInputs(
    [flags.output, ...reports.map((r) => r.path), flags.validRows, flags.invalidRows].filter((p): p is string => Boolean(p)).map((p) => resolve(io.cwd, p)),
    files.filter((f) => f !== '-').map((f) => resolve(io.cwd, f)),
  );
  const report = await validate(
    files.map((f) => (f === '-' ? f : resolve(io.cwd, f))),
    {
      standard: flags.standard,
      failOn,
      maxIssues,
      encoding: flags.encoding,
      delimiter,
      inputFormat,
      standardsDirs: (flags.standardsDir ?? []).map((d) => resolve(io.cwd, d)),
      columns: flags.column ? parseColumnFlags(flags.column) : undefined,
      stdin: io.stdin,
      validRows: flags.validRows && resolve(io.cwd, flags.validRows),
      invalidRows: flags.invalidRows && resolve(io.cwd, flags.invalidRows),
      allowRemote: flags.allowRemote,
    },
  );
  showPathsAsGiven(report, files);

  const color = colorWanted(io, flags.color);
  for (const { format: extra, path } of reports) {
    writeFileAtomic(resolve(io.cwd, path), FORMATTERS[extra](report, { color: false }));
  }
  const text = FORMATTERS[format](report, { color: flags.output ? false : color });
  if (flags.output) writeFileAtomic(resolve(io.cwd, flags.output), text);
  else if (!flags.quiet || format !== 'stylish') io.stdout.write(text);
  else if (!report.passed) io.stdout.write(text.split('\n').filter(Boolean).pop() + '\n');
  return report.passed ? 0 : 1;
}

/** An output that is one of the inputs would destroy the data being checked. */
function refuseOverwritingInputs(outputs: string[], inputs: string[]): void {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  };
  const inputSet = new Set(inputs.map(real));
  for (const output of outputs) {
    if (inputSet.has(real(output))) throw new ConformError(`Writing to ${output} would overwrite the input file being checked; choose another path`);
  }
}

/** Reports show each file as the user named it. */
function showPathsAsGiven(report: Report, given: string[]): void {
  report.files.forEach((file, i) => {
    file.path = given[i] === '-' ? '<stdin>' : given[i] ?? file.path;
  });
}

function parseReportFlag(value: string): { format: FormatName; path: string } {
  const eq = value.indexOf('=');
  if (eq <= 0 || eq === value.length - 1) {
    throw new ConformError(`--report takes <format>=<file>, such as --report junit=junit.xml (got "${value}")`);
  }
  return { format: formatName(value.slice(0, eq), '--report'), path: value.slice(eq + 1) };
}

function formatName(name: string, flag: string): FormatName {
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
