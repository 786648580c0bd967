// Where an issue is, in words every format shares: the column it belongs to, its row and line, and runs
// of rows written compactly. Pure text; each format escapes it for its own medium.
import type { FileReport, Issue, IssueCode, Severity } from '../types.js';
import { formatNumber } from '../plain-text.js';

export { columnLabel, isColumnIssue, pointerPattern } from '../report/groups.js';

/**
 * `row 4 (line 5)`, `rows 3–9 (lines 6–12)`, `line 1`, or '' for the file as a whole; with the record's
 * own id after it when the standard names its records (`row 1 (line 3), id 360G-abc-1`). In a workbook,
 * the cell a spreadsheet can go to: `'Spend 2024'!C12 (row 9)`, or the sheet (`sheet "Notes"`).
 */
export function locationText(issue: Issue): string {
  const place = issue.cell !== undefined ? cellText(issue) : issue.sheet !== undefined && issue.line === undefined ? `sheet ${JSON.stringify(issue.sheet)}` : rowText(issue);
  if (issue.record === undefined) return place;
  return place ? `${place}, id ${issue.record}` : `id ${issue.record}`;
}

function cellText(issue: Issue): string {
  if (issue.row === undefined) return issue.cell!;
  const rows = issue.endRow !== undefined && issue.endRow !== issue.row ? `rows ${n(issue.row)}–${n(issue.endRow)}` : `row ${n(issue.row)}`;
  return `${issue.cell} (${rows})`;
}

function rowText(issue: Issue): string {
  if (issue.row !== undefined && issue.endRow !== undefined && issue.endRow !== issue.row) {
    const lines = issue.line !== undefined && issue.endLine !== undefined ? ` (lines ${n(issue.line)}–${n(issue.endLine)})` : '';
    return `rows ${n(issue.row)}–${n(issue.endRow)}${lines}`;
  }
  if (issue.row !== undefined) return `row ${n(issue.row)}${issue.line !== undefined ? ` (line ${n(issue.line)})` : ''}`;
  if (issue.line !== undefined) return `line ${n(issue.line)}`;
  return '';
}

/**
 * Numbers written as runs: `1–5, 9, 12–14`. At most `maxParts` parts are written; the rest are counted
 * (`… and 40 more`), so a column that fails on every row takes one line, not thousands.
 */
export function runsText(numbers: number[], maxParts = 4): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  let shown = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (parts.length === maxParts) break;
    parts.push(j > i ? `${n(sorted[i]!)}–${n(sorted[j]!)}` : n(sorted[i]!));
    shown += j - i + 1;
    i = j + 1;
  }
  const rest = sorted.length - shown;
  return parts.join(', ') + (rest > 0 ? ` and ${n(rest)} more` : '');
}

/** A count with its noun: `1 row`, `3,836 rows`. */
export function count(value: number, word: string, plural = `${word}s`): string {
  return `${n(value)} ${value === 1 ? word : plural}`;
}

/** A number as a British reader writes it (thousands separated by commas). */
export function n(value: number): string {
  return formatNumber(value);
}

/** What people call each severity: `info` issues are notes. */
export const SEVERITY_WORD: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** The worst severity among some issues. */
export function worstSeverity(issues: readonly Issue[]): Severity {
  if (issues.some((i) => i.severity === 'error')) return 'error';
  if (issues.some((i) => i.severity === 'warning')) return 'warning';
  return 'info';
}

/**
 * How many issues of a code the file has in all. The listed issues may stop at --max-issues, but
 * `byCode` counts every one, so totals come from there.
 */
export function codeTotal(file: FileReport, code: IssueCode): number {
  return file.byCode[code] ?? file.issues.filter((i) => i.code === code).length;
}

/** Codes in the order they are first listed in the file, then any counted but not listed. */
export function codesOf(file: FileReport): IssueCode[] {
  const codes = new Set<IssueCode>(file.issues.map((i) => i.code));
  for (const code of Object.keys(file.byCode) as IssueCode[]) codes.add(code);
  return [...codes];
}

/**
 * The full size of a group of issues of one code. When the group holds every listed issue of its code,
 * the issues past --max-issues belong to it too, so the file's count of the code is its size.
 */
export function groupTotal(file: FileReport, code: IssueCode, group: readonly Issue[]): number {
  const holdsAll = file.issues.every((i) => i.code !== code || group.includes(i));
  return holdsAll ? Math.max(group.length, codeTotal(file, code)) : group.length;
}
