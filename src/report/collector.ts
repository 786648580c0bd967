// Collects one file's issues as they are found: counts everything; keeps issues about the file, its header,
// its table or a run of rows, and the first --max-issues row issues in file order (whatever order they
// arrive in, so a file checked in parts on several threads keeps the same ones); and remembers which rows
// have an error, in a bitset, so memory stays small on files of millions of rows. Every issue is also
// counted in its group (column and kind), so what a report counts never depends on what it lists.
import type { Issue, IssueCode, IssueGroup, Severity, SeverityCounts } from '../types.js';
import { detachStrings } from './detach.js';
import { GroupTally } from './groups.js';

export type SeverityAdjuster = (issue: Issue) => Severity | undefined;

export class IssueCollector {
  readonly counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  readonly byCode: Partial<Record<IssueCode, number>> = {};
  truncated = 0;
  invalidRows = 0;
  /** Issues about the file, its header, its table or runs of rows: always kept. */
  private readonly fixed: Issue[] = [];
  /** Row issues that may be among the first --max-issues; trimmed now and then. */
  private rowIssues: Issue[] = [];
  /** Once trimmed, the last issue kept: any issue after it in file order is dropped at once. */
  private cutoff?: Issue;
  private invalid = new Uint32Array(1024);
  private readonly tally = new GroupTally(compareIssues);

  /** Row issues listed: --max-issues, where 0 lists every one. */
  private readonly maxIssues: number;

  constructor(
    maxIssues: number,
    /** Severity overrides from the config, applied to every issue. */
    private readonly adjust?: SeverityAdjuster,
  ) {
    this.maxIssues = maxIssues === 0 ? Infinity : maxIssues;
  }

  add(issue: Issue): void {
    if (this.adjust) issue.severity = this.adjust(issue) ?? issue.severity;
    this.counts[issue.severity]++;
    this.byCode[issue.code] = (this.byCode[issue.code] ?? 0) + 1;
    if (issue.severity === 'error' && issue.row !== undefined) this.markInvalid(issue.row);
    const canFix = this.tally.add(issue);
    if (issue.row === undefined || issue.endRow !== undefined) {
      this.tally.remember(issue, canFix);
      this.fixed.push(detachStrings(issue));
      return;
    }
    if (this.cutoff && compareIssues(issue, this.cutoff) > 0) {
      this.truncated++;
      return;
    }
    this.tally.remember(issue, canFix);
    this.rowIssues.push(detachStrings(issue));
    if (this.rowIssues.length >= 2 * this.maxIssues + 256) this.trim();
  }

  /** Whether a row has an error (known for certain once the whole file has been checked). */
  isInvalid(row: number): boolean {
    const word = row >>> 5;
    return word < this.invalid.length && (this.invalid[word]! & (1 << (row & 31))) !== 0;
  }

  /** Every issue that will be in the report, to revise before the report is built. */
  kept(): Issue[] {
    this.trim();
    return [...this.fixed, ...this.rowIssues];
  }

  /** Every issue found, by column (or place) and kind, with the listed issues in their final form. */
  groups(): IssueGroup[] {
    return this.tally.finish(this.kept());
  }

  /** Issues in file order: by line, then column; issues without a line first. */
  sorted(): Issue[] {
    return this.kept().sort(compareIssues);
  }

  private trim(): void {
    if (this.rowIssues.length <= this.maxIssues) return;
    this.rowIssues.sort(compareIssues);
    this.truncated += this.rowIssues.length - this.maxIssues;
    this.rowIssues.length = this.maxIssues;
    this.cutoff = this.rowIssues[this.maxIssues - 1];
  }

  /** Mark a row as failing the standard for a reason an issue elsewhere gives (a required column missing). */
  markInvalid(row: number): void {
    const word = row >>> 5;
    if (word >= this.invalid.length) {
      let size = this.invalid.length;
      while (size <= word) size *= 2;
      const grown = new Uint32Array(size);
      grown.set(this.invalid);
      this.invalid = grown;
    }
    const bit = 1 << (row & 31);
    if (!(this.invalid[word]! & bit)) {
      this.invalid[word] = this.invalid[word]! | bit;
      this.invalidRows++;
    }
  }
}

/** File order: line, column, row, pointer, then code and message so that the order never depends on arrival. */
export function compareIssues(a: Issue, b: Issue): number {
  return (
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.columnIndex ?? 0) - (b.columnIndex ?? 0) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    ((a.pointer ?? '') < (b.pointer ?? '') ? -1 : (a.pointer ?? '') > (b.pointer ?? '') ? 1 : 0) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
