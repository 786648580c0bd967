// Collects one file's issues as they are found: counts everything, keeps the first --max-issues row
// issues (issues about the file, its header, its table or a run of rows are always kept), and remembers which rows
// have an error, in a bitset so that memory stays small on files of millions of rows.
import type { Issue, IssueCode, Severity, SeverityCounts } from '../types.js';
import { detachStrings } from './detach.js';

export type SeverityAdjuster = (issue: Issue) => Severity | undefined;

export class IssueCollector {
  readonly kept: Issue[] = [];
  readonly counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  readonly byCode: Partial<Record<IssueCode, number>> = {};
  truncated = 0;
  invalidRows = 0;
  private keptRowIssues = 0;
  private invalid = new Uint32Array(1024);

  constructor(
    private readonly maxIssues: number,
    /** Severity overrides from the config, applied to every issue. */
    private readonly adjust?: SeverityAdjuster,
  ) {}

  add(issue: Issue): void {
    if (this.adjust) issue.severity = this.adjust(issue) ?? issue.severity;
    this.counts[issue.severity]++;
    this.byCode[issue.code] = (this.byCode[issue.code] ?? 0) + 1;
    if (issue.severity === 'error' && issue.row !== undefined) this.markInvalid(issue.row);
    if (issue.row === undefined || issue.endRow !== undefined) {
      // About the file, its header or a run of rows: few, and needed to understand the rest.
      this.kept.push(detachStrings(issue));
    } else if (this.keptRowIssues < this.maxIssues) {
      this.keptRowIssues++;
      this.kept.push(detachStrings(issue));
    } else {
      this.truncated++;
    }
  }

  private markInvalid(row: number): void {
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

  /** Whether a row has an error (known for certain once the whole file has been checked). */
  isInvalid(row: number): boolean {
    const word = row >>> 5;
    return word < this.invalid.length && (this.invalid[word]! & (1 << (row & 31))) !== 0;
  }

  /** Issues in file order: by line, then column; issues without a line first. */
  sorted(): Issue[] {
    return this.kept
      .map((issue, order) => ({ issue, order }))
      .sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || (a.issue.columnIndex ?? 0) - (b.issue.columnIndex ?? 0) || a.order - b.order)
      .map(({ issue }) => issue);
  }
}
