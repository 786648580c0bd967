// The fix plan that leads every report: how many of the issues `conform fix` repairs and the command that
// does it, then the kinds of issue left for a person, the largest first, each with one example and what
// to do. Made from the groups (every issue found), so it is exact whatever --max-issues lists.
import { CATALOG } from '../issues/catalog.js';
import type { FileReport, FixPlan, IssueGroup, PlanStep } from '../types.js';

/** Kinds of issue in the run's plan; each file's plan has all of its own. */
const RUN_STEPS = 25;

export function filePlan(file: Pick<FileReport, 'path' | 'format' | 'standard' | 'counts'>, groups: readonly IssueGroup[]): FixPlan {
  const issues = file.counts.error + file.counts.warning + file.counts.info;
  // conform fix rewrites CSV files of records; a JSON file's hints are for a person to follow.
  const canFix = file.format === 'csv' && file.standard !== null && file.path !== '-';
  const fixable = canFix ? groups.reduce((sum, g) => sum + g.fixable, 0) : 0;
  const manual: PlanStep[] = [];
  for (const group of groups) {
    const left = group.count - (canFix ? group.fixable : 0);
    if (left <= 0) continue;
    const example = (canFix ? group.manual : undefined) ?? group.example;
    // Header findings come one per column; in the plan they are one step, under the header.
    const header = HEADER_CODES.has(group.code);
    const same = header ? manual.find((s) => s.code === group.code && s.severity === group.severity) : undefined;
    if (same) {
      same.count += left;
      continue;
    }
    manual.push({ label: header ? 'Header' : group.label, code: group.code, severity: group.severity, count: left, example, action: actionFor(group, example) });
  }
  manual.sort(largestFirst);
  return {
    issues,
    fixable,
    ...(fixable > 0 ? { command: fixCommandLine(file.path, file.standard!.id) } : {}),
    manual,
  };
}

const HEADER_CODES = new Set(['header-unknown', 'header-mismatch', 'header-missing', 'header-duplicate', 'header-blank']);

/** The command of a file's plan, for the path the report shows (a file is renamed for the report after it is checked). */
export function refreshCommand(file: FileReport): void {
  if (file.plan?.command && file.standard) file.plan.command = fixCommandLine(file.path, file.standard.id);
}

/** The run's plan: the files' plans added up, and the kinds left across files, the largest first. */
export function runPlan(files: readonly FileReport[]): FixPlan {
  const plans = files.map((f) => ({ file: f, plan: f.plan }));
  const issues = files.reduce((sum, f) => sum + f.counts.error + f.counts.warning + f.counts.info, 0);
  const fixable = plans.reduce((sum, p) => sum + (p.plan?.fixable ?? 0), 0);
  const steps = new Map<string, PlanStep>();
  for (const { file, plan } of plans) {
    for (const step of plan?.manual ?? []) {
      const key = `${step.label}\u0000${step.code}\u0000${step.severity}`;
      const seen = steps.get(key);
      if (seen) {
        seen.count += step.count;
        seen.files = (seen.files ?? 1) + 1;
      } else steps.set(key, { ...step, files: 1, example: { ...step.example, path: file.path } });
    }
  }
  const withCommand = plans.filter((p) => p.plan?.command);
  return {
    issues,
    fixable,
    ...(withCommand.length === 1 ? { command: withCommand[0]!.plan!.command! } : {}),
    manual: [...steps.values()].sort(largestFirst).slice(0, RUN_STEPS),
  };
}

function largestFirst(a: PlanStep, b: PlanStep): number {
  const rank = { error: 0, warning: 1, info: 2 };
  return b.count - a.count || rank[a.severity] - rank[b.severity] || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/** What to do about a kind of issue: the example's own hint when it has one, else the catalog's advice. */
function actionFor(group: IssueGroup, example: IssueGroup['example']): string {
  if (example.hint) return example.hint;
  if (group.code === 'header-missing' && example.column === undefined) return CATALOG[group.code].help;
  return CATALOG[group.code]?.help ?? '';
}

/** `conform fix spend.csv --standard spend-over-500 -o spend-fixed.csv`, quoted for a POSIX shell where needed. */
export function fixCommandLine(path: string, standard: string): string {
  const out = path.replace(/(\.[^./\\]*)?$/, '-fixed.csv');
  return ['conform', 'fix', shellWord(path), '--standard', shellWord(standard), '-o', shellWord(out)].join(' ');
}

function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
