// `conform report merge`: read the JSON reports of a sharded run, merge them into the report one run would
// have produced, and print or write it in any format. The exit code is the merged verdict, as validate's.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConformError } from '../errors.js';
import { FORMATTERS } from '../formatters/index.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { OutputGuard } from '../io/output-guard.js';
import { colorWanted, type Io } from '../io/io.js';
import { mergeReports, type NamedReport } from '../report/merge.js';
import { reportProblem } from '../report/report-schema.js';
import type { Report } from '../types.js';
import { formatFromName, formatName, wroteLine } from './validate.js';

export interface MergeFlags {
  format?: string;
  output?: string;
  report?: string[];
  color?: boolean;
}

export async function mergeCommand(paths: string[], flags: MergeFlags, io: Io): Promise<number> {
  // As validate: the name given to -o picks the format unless --format says otherwise.
  const format = flags.format !== undefined ? formatName(flags.format, '--format') : (flags.output && formatFromName(flags.output)) || 'stylish';
  const extra = (flags.report ?? []).map((value) => {
    const eq = value.indexOf('=');
    if (eq <= 0 || eq === value.length - 1) throw new ConformError(`--report takes <format>=<file>, such as --report html=report.html (got "${value}")`);
    return { format: formatName(value.slice(0, eq), '--report'), path: value.slice(eq + 1) };
  });
  // No output may be one of the reports read, or another output.
  const outputs = new OutputGuard(paths.map((p) => ({ path: resolve(io.cwd, p), shown: p })));
  const extraTargets = extra.map(({ format: other, path }) => outputs.claim(resolve(io.cwd, path), `--report ${other}=${path}`));
  const outputTarget = flags.output === undefined ? undefined : outputs.claim(resolve(io.cwd, flags.output), `--output ${flags.output}`);
  const merged = mergeReports(paths.map((p) => readReport(p, io.cwd)));
  for (const [i, { format: other, path }] of extra.entries()) {
    writeFileAtomic(extraTargets[i]!, FORMATTERS[other](merged, { color: false }));
    io.stderr.write(wroteLine(other, path));
  }
  const text = FORMATTERS[format](merged, { color: flags.output ? false : colorWanted(io, flags.color) });
  if (flags.output && outputTarget) {
    writeFileAtomic(outputTarget, text);
    io.stderr.write(wroteLine(format, flags.output));
  } else io.stdout.write(text);
  return merged.passed ? 0 : 1;
}

function readReport(path: string, cwd: string): NamedReport {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConformError(`Cannot read the report ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`);
  }
  let report: Report;
  try {
    report = JSON.parse(text) as Report;
  } catch {
    throw new ConformError(`${path} is not a JSON report: write shard reports with --format json (or --report json=<file>)`);
  }
  if ((report as { reportVersion?: unknown } | null)?.reportVersion !== 1) {
    throw new ConformError(`${path} is not a conform JSON report of version 1: write shard reports with --format json`);
  }
  // Everything merged is shown again in every format: a report that does not hold to the report schema
  // (a count that is negative or text, a missing field) is refused rather than trusted.
  const problem = reportProblem(report);
  if (problem) throw new ConformError(`${path} is not a valid conform report (${problem}): merge the JSON reports conform wrote, unchanged`);
  return { name: path, report };
}
