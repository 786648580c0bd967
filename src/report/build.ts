// Folding what was found into the contract's report: one FileReport per file, then the run's Report.
import type { FailOn, FileFormat, FileReport, Report, StandardRef } from '../types.js';
import type { IssueCollector } from './collector.js';
import { passes } from './gate.js';
import { filePlan, refreshCommand, runPlan } from './plan.js';
import { VERSION } from '../version.js';

export interface FileFacts {
  path: string;
  standard: StandardRef | null;
  format: FileFormat | 'unknown';
  encoding: string;
  delimiter?: string;
  sheet?: string;
  rows: number;
  elapsed?: number;
}

export function buildFileReport(facts: FileFacts, collector: IssueCollector, failOn: FailOn): FileReport {
  const report: FileReport = {
    path: facts.path,
    standard: facts.standard,
    passed: passes(collector.counts, failOn),
    format: facts.format,
    encoding: facts.encoding,
    ...(facts.delimiter !== undefined ? { delimiter: facts.delimiter } : {}),
    ...(facts.sheet !== undefined ? { sheet: facts.sheet } : {}),
    rows: facts.rows,
    validRows: Math.max(0, facts.rows - collector.invalidRows),
    invalidRows: Math.min(facts.rows, collector.invalidRows),
    counts: { ...collector.counts },
    byCode: { ...collector.byCode },
    issues: collector.sorted(),
    truncated: collector.truncated,
  };
  report.groups = collector.groups();
  report.plan = filePlan(report, report.groups);
  if (facts.elapsed !== undefined) report.elapsed = Math.round(facts.elapsed * 1000) / 1000;
  return report;
}

export function buildReport(files: FileReport[], failOn: FailOn): Report {
  for (const file of files) refreshCommand(file);
  const summary = {
    files: files.length,
    passedFiles: files.filter((f) => f.passed).length,
    failedFiles: files.filter((f) => !f.passed).length,
    rows: files.reduce((n, f) => n + f.rows, 0),
    errors: files.reduce((n, f) => n + f.counts.error, 0),
    warnings: files.reduce((n, f) => n + f.counts.warning, 0),
    infos: files.reduce((n, f) => n + f.counts.info, 0),
  };
  return {
    reportVersion: 1,
    tool: { name: 'conform', version: VERSION },
    passed: summary.failedFiles === 0,
    failOn,
    checkedAt: new Date().toISOString(),
    summary,
    plan: runPlan(files),
    files,
  };
}
