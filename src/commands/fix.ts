// `conform fix <file> -s <id> -o <out>`: write a repaired copy of a CSV file using only the safe repairs
// `validate` offers as fixes, with a log of every change, then check the copy and report what still needs
// a person. The input is never overwritten unless --in-place is given (which keeps its mode and owner),
// and every output is claimed through io/output-guard.ts before anything is written.
import { existsSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { readFileHead } from '../batch/file-head.js';
import { standardProfiles } from '../batch/profiles.js';
import { checkColumnMap } from '../check/header.js';
import { detectStandard } from '../standards/detect.js';
import type { Standard } from '../standards/standard.js';
import { ConformError } from '../errors.js';
import { FORMATTERS, isFormatName, type FormatName } from '../formatters/index.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { OutputGuard } from '../io/output-guard.js';
import { standardSpec } from '../config/load.js';
import { colorWanted, type Io } from '../io/io.js';
import { fixFile, type FixSummary } from '../run/fix-file.js';
import { exportSheet } from '../run/workbook-export.js';
import { isWorkbookName } from '../run/workbook-file.js';
import { isKnownEncoding } from '../sources/text.js';
import { Registry, warnShadowing } from '../standards/registry.js';
import type { FailOn } from '../types.js';
import { DEFAULT_MAX_ISSUES, validate } from '../validate.js';
import { parseColumnFlags } from './column-flag.js';
import { terminalWidth, wroteLine } from './validate.js';
import { formatNumber } from '../plain-text.js';

export interface FixFlags {
  standard?: string;
  output?: string;
  inPlace?: boolean;
  sheet?: string;
  log?: string;
  format?: string;
  report?: string[];
  failOn?: string;
  maxIssues?: string;
  encoding?: string;
  delimiter?: string;
  column?: string[];
  standardsDir?: string[];
  quiet?: boolean;
  color?: boolean;
  verbose?: boolean;
}

const FAIL_ON: FailOn[] = ['error', 'warning', 'info', 'never'];
const DELIMITERS: Record<string, string> = { ',': ',', ';': ';', '\t': '\t', '\\t': '\t', tab: '\t', '|': '|', auto: 'auto' };

export async function fixCommand(file: string, flags: FixFlags, io: Io): Promise<number> {
  if (!flags.standard)
    throw new ConformError('No standard given: use --standard <id or schema file>, or --standard auto to detect it from the header (run "conform standards list" to see the ids)');
  if (file === '-') throw new ConformError('conform fix reads its input twice, so it needs a file, not standard input');
  if (flags.output && flags.inPlace) throw new ConformError('Use either --output <file> or --in-place, not both');
  const workbook = isWorkbookName(file);
  if (workbook && flags.inPlace)
    throw new ConformError('A workbook cannot be replaced by its repaired CSV copy: leave out --in-place (the copy is written next to it as .csv), or name it with --output');
  if (!flags.output && !flags.inPlace && !workbook) throw new ConformError('Say where to write the repaired file: --output <file>, or --in-place to replace the input');
  const failOn = (flags.failOn ?? 'error') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new ConformError(`--fail-on must be one of ${FAIL_ON.join(', ')} (got "${flags.failOn}")`);
  const format = flags.format ?? 'stylish';
  if (!isFormatName(format)) throw new ConformError(`--format: unknown format "${format}"; use one of ${Object.keys(FORMATTERS).join(', ')}`);
  const delimiter = flags.delimiter === undefined ? undefined : DELIMITERS[flags.delimiter];
  if (flags.delimiter !== undefined && !delimiter) throw new ConformError(`--delimiter must be one of , ; \\t | or auto (got "${flags.delimiter}")`);
  if (flags.encoding && flags.encoding !== 'auto' && !isKnownEncoding(flags.encoding)) {
    throw new ConformError(`--encoding "${flags.encoding}" is not an encoding conform knows; try utf-8, windows-1252, utf-16le or utf-16be`);
  }
  const maxIssues = flags.maxIssues === undefined ? DEFAULT_MAX_ISSUES : Number(flags.maxIssues);
  if (!Number.isSafeInteger(maxIssues) || maxIssues < 0) throw new ConformError(`--max-issues must be a whole number of 0 or more (got "${flags.maxIssues}")`);

  const input = resolve(io.cwd, file);
  if (!existsSync(input)) throw new ConformError(`Cannot read ${file}: the file does not exist`);
  // A workbook's repaired sheet is a CSV file: by default beside it, with the same name ending .csv.
  const outputGiven = flags.output ?? (workbook ? file.replace(/\.[^./\\]+$/, '.csv') : file);
  if (workbook && !flags.output && existsSync(resolve(io.cwd, outputGiven))) {
    throw new ConformError(`${outputGiven} already exists: name the repaired copy with --output <file>`);
  }
  const logGiven = flags.log ?? `${outputGiven}.log.csv`;
  const reports = (flags.report ?? []).map(parseReportFlag);
  // Every output is claimed before anything is written: the copy may replace the input only with
  // --in-place, and no output may be another, an input, a link or a device.
  const standardFile = standardSpec(flags.standard, io.cwd);
  const outputs = new OutputGuard([{ path: input, shown: file }, ...(isAbsolute(standardFile) ? [standardFile] : [])]);
  if (!flags.inPlace && isSameFile(input, resolve(io.cwd, outputGiven))) throw new ConformError('The output is the input file; use --in-place to replace it, or another --output');
  const output = outputs.claim(resolve(io.cwd, outputGiven), flags.inPlace ? `--in-place ${file}` : `--output ${outputGiven}`, flags.inPlace ? input : undefined);
  const log = outputs.claim(resolve(io.cwd, logGiven), `--log ${logGiven}`);
  const reportTargets = reports.map((r) => outputs.claim(resolve(io.cwd, r.path), `--report ${r.format}=${r.path}`));

  const registry = new Registry((flags.standardsDir ?? []).map((d) => resolve(io.cwd, d)));
  warnShadowing(registry, io);
  const standard = flags.standard === 'auto' ? await detectForFix(input, file, registry, flags, delimiter, io, workbook) : await registry.resolve(flags.standard);
  if (standard.mode === 'document') throw new ConformError(`The standard "${standard.id}" describes a whole JSON document; conform fix repairs CSV files of records`);
  const columns = parseColumnFlags(flags.column);
  checkColumnMap(columns, standard);

  const sheet = workbook ? await exportSheet(input, file, standard, { sheet: flags.sheet, columns }) : undefined;
  let summary: FixSummary;
  try {
    if (sheet && !flags.quiet) io.stderr.write(`conform fix: repairing the sheet ${JSON.stringify(sheet.sheet)} of ${file} into a CSV file\n`);
    summary = await fixFile(sheet?.path ?? input, output, log, standard, sheet ? { encoding: 'utf-8', delimiter: ',', columns } : { encoding: flags.encoding, delimiter, columns });
  } finally {
    if (sheet) rmSync(sheet.dir, { recursive: true, force: true });
  }
  if (!flags.quiet) io.stderr.write(describeSummary(outputGiven, logGiven, summary));

  const report = await validate([output], { standard, failOn, maxIssues });
  report.files[0]!.path = outputGiven;
  const color = colorWanted(io, flags.color);
  for (const [i, { format: extra, path }] of reports.entries()) {
    writeFileAtomic(reportTargets[i]!, FORMATTERS[extra](report, { color: false, verbose: flags.verbose }));
    if (!flags.quiet) io.stderr.write(wroteLine(extra, path));
  }
  const text = FORMATTERS[format](report, { color, width: terminalWidth(io), verbose: flags.verbose });
  if (!flags.quiet || format !== 'stylish') io.stdout.write(text);
  else if (!report.passed) io.stdout.write(text.split('\n').filter(Boolean).pop() + '\n');
  return report.passed ? 0 : 1;
}

/** --standard auto: the standard the file's header follows, found as `validate` finds it, and said on stderr. */
async function detectForFix(input: string, shown: string, registry: Registry, flags: FixFlags, delimiter: string | undefined, io: Io, workbook: boolean): Promise<Standard> {
  const head = await readFileHead(input, workbook ? { sheet: flags.sheet } : { encoding: flags.encoding, delimiter, inputFormat: 'csv' });
  if (head.problem) throw new ConformError(`Cannot detect the standard of ${shown}: ${head.problem.message}`);
  const detection = detectStandard([{ rows: head.rows, profiles: standardProfiles(registry).records }], 'column', input);
  if (!detection.found) throw new ConformError(`Cannot tell which standard ${shown} follows: ${detection.reason}. Name it with --standard <id>`);
  const standard = await registry.resolve(`${detection.best.id}@${detection.best.version}`);
  if (!flags.quiet) io.stderr.write(`conform fix: ${shown} follows ${standard.id} ${standard.version} (${detection.reason})\n`);
  return standard;
}

function parseReportFlag(value: string): { format: FormatName; path: string } {
  const eq = value.indexOf('=');
  const format = value.slice(0, eq);
  if (eq <= 0 || eq === value.length - 1 || !isFormatName(format)) {
    throw new ConformError(`--report takes <format>=<file>, such as --report html=fixed.html, with a format among ${Object.keys(FORMATTERS).join(', ')} (got "${value}")`);
  }
  return { format, path: value.slice(eq + 1) };
}

/** Whether two paths reach the same file (by any name). */
function isSameFile(a: string, b: string): boolean {
  const x = statSync(a, { throwIfNoEntry: false });
  const y = statSync(b, { throwIfNoEntry: false });
  return x !== undefined && y !== undefined && x.dev === y.dev && x.ino === y.ino;
}

function describeSummary(output: string, log: string, summary: FixSummary): string {
  const repairs = Object.entries(summary.byRepair)
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${formatNumber(n)} ${name}`)
    .join(', ');
  const changes = `${formatNumber(summary.changes)} change${summary.changes === 1 ? '' : 's'}`;
  return `conform fix: wrote ${output} (${formatNumber(summary.rows)} rows) with ${changes}${repairs ? ` (${repairs})` : ''}; each is listed in ${log}\n`;
}
