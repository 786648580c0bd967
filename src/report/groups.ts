// Every issue found, counted by where it is and what it is: one group per column (or place in a JSON
// record, or the file, its header, its rows), kind and severity. The collector adds every issue to its
// group as it is found, whatever --max-issues lists, so every count, table and chart a report shows is
// exact. A group also remembers its first rows, its first issue in file order, and how many of its issues
// `conform fix` repairs, which is what the fix plan is made from.
import type { Issue, IssueCode, IssueGroup, Severity } from '../types.js';
import { detachStrings } from './detach.js';

/** Rows of each group remembered, the smallest first. */
export const GROUP_ROWS = 5;

/** The heading an issue is grouped under: its column, the place in a JSON record, or the file itself. */
export function columnLabel(issue: Issue): string {
  if (issue.column !== undefined) {
    // A name with leading or trailing spaces is quoted so the spaces can be seen.
    const shown = issue.column !== issue.column.trim() || issue.column === '' ? JSON.stringify(issue.column) : issue.column;
    return issue.field && issue.field !== issue.column ? `${shown} (${issue.field})` : shown;
  }
  if (issue.pointer !== undefined) {
    const place = pointerPattern(issue.pointer) || '(document)';
    return issue.field ? `${issue.field} (${place})` : place; // a document's published column title first
  }
  if (issue.columnIndex !== undefined) return `Column ${issue.columnIndex}`;
  if (issue.code.startsWith('header-')) return 'Header';
  if (issue.code.startsWith('row-') || issue.code === 'key-duplicate' || issue.code === 'total-rows') return 'Rows';
  return 'File';
}

/** True when an issue is about one column (or one place in a JSON record), not the file or a row. */
export function isColumnIssue(issue: Issue): boolean {
  return issue.column !== undefined || issue.pointer !== undefined || issue.columnIndex !== undefined;
}

/** `grants[].awardDate` for `/grants/3/awardDate`: the same place in every record. */
export function pointerPattern(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? '[]' : `.${part.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')
    .replace(/^\./, '');
}

/** The key of an issue's group: its heading, code and severity. */
export function groupKey(issue: Issue): string {
  return `${columnLabel(issue)}\u0000${issue.code}\u0000${issue.severity}`;
}

/** Kinds of finding that `conform fix` puts right as it rewrites the file, whatever the issue carries. */
const LAYOUT_REPAIRS = new Set<IssueCode>(['title-rows', 'row-blank', 'total-rows', 'encoding-not-utf8']);

/**
 * Whether `conform fix` repairs the issue: a cell with a safe repair (`fix`), a layout repair (title,
 * template and blank rows, the encoding), a column read under another name (renamed to the standard's),
 * or a column-wide note whose hint says the repair is made.
 */
export function fixable(issue: Issue): boolean {
  if (issue.fix !== undefined) return true;
  if (LAYOUT_REPAIRS.has(issue.code)) return true;
  if (issue.code === 'header-mismatch') return issue.field !== undefined && issue.column !== undefined;
  return issue.hint !== undefined && /conform fix does this/.test(issue.hint);
}

/** File order (the collector's): line, column, row, then code and message. */
type Compare = (a: Issue, b: Issue) => number;

/** Groups as they are being counted. */
export class GroupTally {
  private readonly groups = new Map<string, IssueGroup>();
  /** Whether each issue was counted as fixable when it was added (it may be revised before the report). */
  private readonly counted = new WeakMap<Issue, boolean>();

  constructor(private readonly compare: Compare) {}

  /** Count an issue; returns whether `conform fix` repairs it, for `remember`. */
  add(issue: Issue): boolean {
    const key = groupKey(issue);
    let group = this.groups.get(key);
    if (!group) {
      group = {
        label: columnLabel(issue),
        code: issue.code,
        severity: issue.severity,
        ...(issue.column !== undefined ? { column: issue.column } : {}),
        ...(issue.columnIndex !== undefined ? { columnIndex: issue.columnIndex } : {}),
        ...(issue.field !== undefined ? { field: issue.field } : {}),
        ...(issue.pointer !== undefined ? { place: pointerPattern(issue.pointer) } : {}),
        count: 0,
        fixable: 0,
        rows: [],
        example: detachStrings({ ...issue }),
      };
      this.groups.set(key, group);
    }
    group.count++;
    const canFix = fixable(issue);
    if (canFix) group.fixable++;
    else if (!group.manual || this.compare(issue, group.manual) < 0) group.manual = detachStrings({ ...issue });
    if (this.compare(issue, group.example) < 0) group.example = detachStrings({ ...issue });
    if (issue.row !== undefined) insertRow(group.rows, issue.row);
    return canFix;
  }

  /** An issue that may be listed: how it was counted, in case it is revised before the report is built. */
  remember(issue: Issue, canFix: boolean): void {
    this.counted.set(issue, canFix);
  }

  /**
   * The groups for the report. `kept` are the issues listed, in their final form: a repair settled only
   * once the whole file was read (the order of day and month in a date column) is counted as it ends.
   */
  finish(kept: readonly Issue[]): IssueGroup[] {
    for (const issue of kept) {
      const before = this.counted.get(issue);
      if (before === undefined) continue;
      const now = fixable(issue);
      if (now === before) continue;
      const group = this.groups.get(groupKey(issue));
      if (!group) continue;
      group.fixable += now ? 1 : -1;
      if (!now && (!group.manual || this.compare(issue, group.manual) <= 0)) group.manual = { ...issue };
      this.counted.set(issue, now);
    }
    for (const issue of kept) {
      const group = this.groups.get(groupKey(issue));
      if (!group) continue;
      // The examples shown are the issues as listed, with their settled hints.
      if (this.compare(issue, group.example) === 0) group.example = { ...issue };
      if (group.manual && this.compare(issue, group.manual) === 0) group.manual = fixable(issue) ? undefined : { ...issue };
    }
    const groups = [...this.groups.values()];
    for (const group of groups) {
      group.fixable = Math.max(0, Math.min(group.count, group.fixable));
      if (group.fixable === group.count) delete group.manual;
      else if (!group.manual) group.manual = kept.find((i) => groupKey(i) === groupKey(group.example) && !fixable(i)) ?? group.example;
    }
    return groups.sort(compareGroups);
  }
}

function insertRow(rows: number[], row: number): void {
  if (rows.length === GROUP_ROWS && row >= rows[GROUP_ROWS - 1]!) return;
  let i = rows.length;
  while (i > 0 && rows[i - 1]! > row) i--;
  if (rows[i - 1] === row) return;
  rows.splice(i, 0, row);
  if (rows.length > GROUP_ROWS) rows.length = GROUP_ROWS;
}

/** File and header findings first, rows next, then columns in file order, then by code and severity. */
export function groupOrder(group: Pick<IssueGroup, 'label' | 'columnIndex' | 'column' | 'place'>): number {
  if (group.column !== undefined || group.place !== undefined || group.columnIndex !== undefined) return 2 + (group.columnIndex ?? 0);
  return group.label === 'Rows' ? 1 : 0;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareGroups(a: IssueGroup, b: IssueGroup): number {
  return (
    groupOrder(a) - groupOrder(b) ||
    (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
  );
}

/** Groups of a report made before groups were counted (an older JSON report): built from the listed issues. */
export function groupsFromIssues(issues: readonly Issue[], compare: Compare): IssueGroup[] {
  const tally = new GroupTally(compare);
  for (const issue of issues) tally.remember(issue, tally.add(issue));
  return tally.finish(issues);
}
