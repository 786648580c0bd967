// Putting the reports of a sharded run (`--shard k/n` on several machines) back together: every shard
// present once, each file put back at its place in the whole run, and the summary and overview built
// again from the files — the report a single run over all the files would have produced. Reports that
// are not shards are joined in the order given.
import { ConformError } from '../errors.js';
import type { FailOn, FileReport, Report } from '../types.js';
import { buildReport } from './build.js';
import { passes } from './gate.js';
import { buildOverview } from './summary.js';

export interface NamedReport {
  /** Where the report came from, for messages. */
  name: string;
  report: Report;
}

export function mergeReports(reports: NamedReport[]): Report {
  if (!reports.length) throw new ConformError('No reports to merge: name the JSON reports of each shard');
  const failOn = reports[0]!.report.failOn;
  for (const { name, report } of reports) {
    if (report.failOn !== failOn) {
      throw new ConformError(`${name} was made with --fail-on ${report.failOn}, but ${reports[0]!.name} with --fail-on ${failOn}: merge reports of the same run`);
    }
  }
  for (const named of reports) for (const file of named.report.files) recheckFile(file, named.name, failOn);
  const sharded = reports.filter((r) => r.report.shard);
  if (sharded.length && sharded.length !== reports.length) {
    const plain = reports.find((r) => !r.report.shard)!;
    throw new ConformError(`${plain.name} is not the report of a shard (--shard k/n), but ${sharded[0]!.name} is: merge the reports of one sharded run`);
  }
  const files = sharded.length ? placeShards(reports) : reports.flatMap((r) => r.report.files);
  const merged = buildReport(files, failOn);
  merged.overview = buildOverview(files);
  return merged;
}

/**
 * A file's verdict is worked out again from its counts, never taken from the report, and its counts must
 * agree with each other and with the issues listed: a shard edited by hand (or by a compromised job)
 * cannot turn a failing file into a passing one.
 */
function recheckFile(file: FileReport, name: string, failOn: FailOn): void {
  const damaged = (what: string) => new ConformError(`${name} is damaged: for ${JSON.stringify(file.path)}, ${what}; merge the JSON reports conform wrote, unchanged`);
  const total = file.counts.error + file.counts.warning + file.counts.info;
  for (const severity of ['error', 'warning', 'info'] as const) {
    const listed = file.issues.filter((i) => i.severity === severity).length;
    if (listed > file.counts[severity]) throw damaged(`it lists ${listed} issues of severity ${severity} but counts ${file.counts[severity]}`);
  }
  if (file.issues.length + file.truncated !== total) throw damaged(`it counts ${total} issues but lists ${file.issues.length} and leaves out ${file.truncated}`);
  const byCode = Object.values(file.byCode).reduce<number>((n, c) => n + (c ?? 0), 0);
  if (byCode !== total) throw damaged(`its issues by code add up to ${byCode}, not ${total}`);
  if (file.groups) {
    const grouped = { error: 0, warning: 0, info: 0 };
    for (const group of file.groups) grouped[group.severity] += group.count;
    if (grouped.error !== file.counts.error || grouped.warning !== file.counts.warning || grouped.info !== file.counts.info) {
      throw damaged(
        `its groups count ${grouped.error} errors, ${grouped.warning} warnings and ${grouped.info} notes, not ${file.counts.error}, ${file.counts.warning} and ${file.counts.info}`,
      );
    }
  }
  if (file.validRows + file.invalidRows !== file.rows) throw damaged(`${file.validRows} valid and ${file.invalidRows} invalid rows do not make ${file.rows}`);
  file.passed = passes(file.counts, failOn);
}

function placeShards(reports: NamedReport[]): FileReport[] {
  const first = reports[0]!;
  const { count, totalFiles } = first.report.shard!;
  const byIndex = new Map<number, string>();
  const files = new Array<FileReport | undefined>(totalFiles);
  for (const { name, report } of reports) {
    const shard = report.shard!;
    if (shard.count !== count || shard.totalFiles !== totalFiles) {
      throw new ConformError(
        `${name} is shard ${shard.index}/${shard.count} of a run of ${shard.totalFiles} files, but ${first.name} is shard ${first.report.shard!.index}/${count} of ${totalFiles}: merge the reports of one run`,
      );
    }
    if (shard.runId !== first.report.shard!.runId) {
      throw new ConformError(`${name} and ${first.name} come from different runs (their shard run ids differ): merge the reports of the shards of one run`);
    }
    const twin = byIndex.get(shard.index);
    if (twin) throw new ConformError(`${name} and ${twin} are both shard ${shard.index}/${count}: name each shard's report once`);
    byIndex.set(shard.index, name);
    if (shard.positions.length !== report.files.length) throw new ConformError(`${name} is damaged: it lists ${report.files.length} files but ${shard.positions.length} positions`);
    shard.positions.forEach((position, i) => {
      if (!Number.isInteger(position) || position < 0 || position >= totalFiles || files[position]) {
        throw new ConformError(`${name} is damaged: file position ${position} is out of range or taken by another shard`);
      }
      files[position] = report.files[i]!;
    });
  }
  const missing = [];
  for (let k = 1; k <= count; k++) if (!byIndex.has(k)) missing.push(`${k}/${count}`);
  if (missing.length) {
    throw new ConformError(
      `The report${missing.length === 1 ? '' : 's'} of shard${missing.length === 1 ? '' : 's'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: merge the reports of every shard`,
    );
  }
  // A plain loop, not .some(): the array starts with empty slots, which .some() skips.
  const uncovered = [];
  for (let position = 0; position < totalFiles; position++) if (files[position] === undefined) uncovered.push(position + 1);
  if (uncovered.length) {
    const which = uncovered.length === 1 ? `file ${uncovered[0]}` : `${uncovered.length} files (${uncovered.slice(0, 5).join(', ')}${uncovered.length > 5 ? ', …' : ''})`;
    throw new ConformError(`The shards do not cover every file of the run: no shard holds ${which} of ${totalFiles}; merge the reports of one run, unchanged`);
  }
  return files as FileReport[];
}
