// What every format counts from: a file's groups (every issue found, by column and kind) and plans. A
// report made before groups were counted (an older JSON report, a hand-written fixture) gets groups built
// from its listed issues, with the issues counted but not listed put where they can only be: in the one
// group of their kind, or in a group of their own.
import { CATALOG } from '../issues/catalog.js';
import { compareIssues } from '../report/collector.js';
import { groupKey, groupsFromIssues } from '../report/groups.js';
import { filePlan, runPlan } from '../report/plan.js';
import type { FileReport, FixPlan, Issue, IssueCode, IssueGroup, Report, Severity } from '../types.js';

const cache = new WeakMap<FileReport, IssueGroup[]>();

export const NOT_LISTED = 'Not listed';

export function groupsOf(file: FileReport): IssueGroup[] {
  if (file.groups) return file.groups;
  let groups = cache.get(file);
  if (groups) return groups;
  groups = groupsFromIssues(file.issues, compareIssues).map((g) => ({ ...g }));
  for (const code of Object.keys(file.byCode) as IssueCode[]) {
    const total = file.byCode[code] ?? 0;
    const mine = groups.filter((g) => g.code === code);
    const listed = mine.reduce((sum, g) => sum + g.count, 0);
    if (total <= listed) continue;
    if (mine.length === 1) {
      mine[0]!.count = total;
      continue;
    }
    const severity: Severity = mine[0]?.severity ?? CATALOG[code]?.severity ?? 'error';
    const example: Issue = mine[0]?.example ?? { code, severity, message: `${CATALOG[code]?.title ?? code} (not listed)` };
    groups.push({ label: NOT_LISTED, code, severity, count: total - listed, fixable: 0, rows: [], example });
  }
  cache.set(file, groups);
  return groups;
}

/** The listed issues of each group, by the group's key. */
export function listedByGroup(file: FileReport): Map<string, Issue[]> {
  const map = new Map<string, Issue[]>();
  for (const issue of file.issues) {
    const key = groupKey(issue);
    const list = map.get(key);
    if (list) list.push(issue);
    else map.set(key, [issue]);
  }
  return map;
}

export function keyOfGroup(group: IssueGroup): string {
  return `${group.label}\u0000${group.code}\u0000${group.severity}`;
}

export function planOf(file: FileReport): FixPlan {
  return file.plan ?? filePlan(file, groupsOf(file));
}

export function runPlanOf(report: Report): FixPlan {
  if (report.plan) return report.plan;
  return runPlan(report.files.map((f) => ({ ...f, plan: planOf(f) })));
}

/** Issues found in a file, listed or not. */
export function totalIssues(file: FileReport): number {
  return file.counts.error + file.counts.warning + file.counts.info;
}

/** `Showing 1,000 of 2,619 issues`, when listing was cut; '' otherwise. */
export function showingText(file: FileReport, n: (value: number) => string): string {
  if (!file.truncated) return '';
  const total = totalIssues(file);
  return `Showing ${n(total - file.truncated)} of ${n(total)} issues (--max-issues); every count covers all ${n(total)}.`;
}
