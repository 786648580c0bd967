// Putting the reports of a sharded run (`--shard k/n` on several machines) back together: every shard
// present once, each file put back at its place in the whole run, and the summary and overview built
// again from the files — the report a single run over all the files would have produced. Reports that
// are not shards are joined in the order given.
import { ConformError } from '../errors.js';
import type { FileReport, Report } from '../types.js';
import { buildReport } from './build.js';
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
    throw new ConformError(`The report${missing.length === 1 ? '' : 's'} of shard${missing.length === 1 ? '' : 's'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: merge the reports of every shard`);
  }
  if (files.some((f) => f === undefined)) throw new ConformError('The shards do not cover every file of the run: merge the reports of one run');
  return files as FileReport[];
}
