// Checking one file of a batch with its settings: find its standard (by id, path, or detected from its
// header), check it with run/file.ts, and add what the batch summary needs (how the standard was found,
// who published the file). The same function runs in the main thread (--jobs 1) and in each worker.
import type { Readable } from 'node:stream';
import { checkFile } from '../run/file.js';
import { checkColumnMap } from '../check/header.js';
import type { RowTargets } from '../run/route-rows.js';
import type { CheckSettings } from '../config/config.js';
import { ConformError } from '../errors.js';
import { makeIssue } from '../issues/catalog.js';
import type { SkippedFile } from '../issues/args.js';
import { buildFileReport } from '../report/build.js';
import { IssueCollector } from '../report/collector.js';
import { detectStandard, type Candidate, type NameSet } from '../standards/detect.js';
import type { Registry } from '../standards/registry.js';
import type { Standard } from '../standards/standard.js';
import type { FailOn, FileReport, Issue } from '../types.js';
import { readFileHead, type FileHead } from './file-head.js';
import type { RunSettings } from '../run/settings.js';
import { standardProfiles, type Profiles } from './profiles.js';
import { PublisherTracker } from './publisher.js';

export const DEFAULT_MAX_ISSUES = 1000;
export const AUTO = 'auto';

export interface Task {
  /** Absolute path, or `-` for standard input. */
  path: string;
  /** The path as the report shows it. */
  shown: string;
  settings: CheckSettings;
  /** Where its standard was named, when in a config file ("conform.config.yaml line 7"), for messages. */
  origin?: string;
  /** Where its column map was written, when in a config file. */
  columnsOrigin?: string;
  /** Where to write the records that pass and those that fail (--valid-rows, --invalid-rows). */
  rowTargets?: RowTargets;
  /** A file of a folder that is not data conform reads: what it is. It is reported, not read. */
  skipped?: SkippedFile;
}

export interface TaskContext {
  registry: Registry;
  /** `threads`: for the parts of one big file (1: this thread only). */
  settings: RunSettings;
  /** What `-` reads. */
  stdin?: Readable;
}

/** How far the current file has got. */
export interface TaskProgress {
  rows: number;
  bytes: number;
}

/** What the report says about a standard that was detected rather than given. */
export interface DetectedFrom {
  from: 'header' | 'keys';
  reason: string;
  matched: number;
  columns: number;
  score: number;
  runnerUp?: { id: string; matched: number; score: number };
}

const profileCache = new WeakMap<Registry, Profiles>();

export async function checkTask(task: Task, context: TaskContext, onProgress?: (progress: TaskProgress) => void): Promise<FileReport> {
  const started = performance.now();
  if (task.skipped !== undefined) {
    const head: FileHead = { format: 'unknown', encoding: 'unknown', rows: [] };
    return findingReport(task, head, makeIssue('file-skipped', { file: task.skipped }), context.settings.failOn, started);
  }
  const settings = task.settings;
  const spec = settings.standard ?? AUTO;
  let standard: Standard;
  let detected: DetectedFrom | undefined;
  if (spec === AUTO) {
    if (task.path === '-') throw new ConformError('Standard input needs a standard: add --standard <id or schema file>');
    const head = await readFileHead(task.path, settings);
    if (head.problem) return findingReport(task, head, head.problem, context.settings.failOn, started);
    const detection = detect(head, profilesOf(context.registry), task.path);
    if (!detection.found) {
      return findingReport(task, head, makeIssue('standard-undetected', { because: detection.reason }), context.settings.failOn, started);
    }
    standard = await context.registry.resolve(`${detection.best.id}@${detection.best.version}`);
    detected = describeDetection(head, detection.best, detection.runnerUp, detection.reason);
  } else {
    standard = await context.registry.resolve(spec);
  }
  if (settings.columns) checkColumnMap(settings.columns, standard);

  const progress: TaskProgress = { rows: 0, bytes: 0 };
  const publisher = new PublisherTracker(standard, settings.columns);
  const severity = settings.severity;
  const { failOn, tokenizer, threads, partSize, partsFrom } = context.settings;
  const report = await checkFile(task.path, standard, {
    failOn,
    maxIssues: settings.maxIssues ?? DEFAULT_MAX_ISSUES,
    encoding: settings.encoding,
    delimiter: settings.delimiter,
    inputFormat: settings.inputFormat,
    sheet: settings.sheet,
    columns: settings.columns,
    adjust: severity ? (issue: Issue) => severity[issue.code] : undefined,
    tokenizer,
    threads,
    partSize,
    partsFrom,
    rowTargets: task.rowTargets,
    stream: task.path === '-' ? (context.stdin ?? process.stdin) : undefined,
    onBytes: (bytes) => {
      progress.bytes += bytes;
      onProgress?.(progress);
    },
    onRecords: (batch) => {
      publisher.take(batch);
      progress.rows += batch.rows.length;
    },
  });
  report.path = task.shown;
  if (detected) report.standard = { ...report.standard!, detected };
  const name = report.format === 'csv' ? publisher.finish(report.rows) : undefined;
  if (name !== undefined) report.publisher = name;
  return report;
}

function profilesOf(registry: Registry): Profiles {
  let profiles = profileCache.get(registry);
  if (!profiles) {
    profiles = standardProfiles(registry);
    profileCache.set(registry, profiles);
  }
  return profiles;
}

function detect(head: FileHead, profiles: Profiles, path: string) {
  const sets: NameSet[] = [];
  if (head.format === 'json' && head.documentKeys?.length) sets.push({ rows: [head.documentKeys], profiles: profiles.documents });
  sets.push({ rows: head.rows, profiles: profiles.records });
  return detectStandard(sets, head.format === 'csv' ? 'column' : 'key', path);
}

function describeDetection(head: FileHead, best: Candidate, next: Candidate | undefined, reason: string): DetectedFrom {
  return {
    from: head.format === 'csv' ? 'header' : 'keys',
    reason,
    matched: best.matched,
    columns: best.columns,
    score: best.score,
    ...(next ? { runnerUp: { id: next.id, matched: next.matched, score: next.score } } : {}),
  };
}

/** The report of a file that could not be checked against a standard, with the one finding that says why. */
function findingReport(task: Task, head: FileHead, issue: Issue, failOn: FailOn, started: number): FileReport {
  const sink = new IssueCollector(task.settings.maxIssues ?? DEFAULT_MAX_ISSUES, task.settings.severity ? (i) => task.settings.severity![i.code] : undefined);
  sink.add(issue);
  return buildFileReport({ path: task.shown, standard: null, format: head.format, encoding: head.encoding, rows: 0, elapsed: (performance.now() - started) / 1000 }, sink, failOn);
}
