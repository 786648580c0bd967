// The shapes that flow through conform: issues found in data, the reports built from them, and the
// standards they are checked against. Readers, checks and formatters all speak in these types.

export type Severity = 'error' | 'warning' | 'info';
export type FailOn = Severity | 'never';
export type InputFormat = 'csv' | 'json' | 'ndjson';
/** What a report says a file was read as: a text format, or a workbook. */
export type FileFormat = InputFormat | 'xlsx' | 'ods';

export type IssueCode =
  // file
  | 'file-unreadable'
  | 'file-empty'
  | 'file-skipped'
  | 'encoding-invalid'
  | 'encoding-not-utf8'
  | 'format-invalid'
  | 'standard-undetected'
  | 'standard-warning'
  | 'workbook-sheet'
  // header
  | 'header-missing'
  | 'header-absent'
  | 'header-unknown'
  | 'header-duplicate'
  | 'header-blank'
  | 'header-mismatch'
  | 'title-rows'
  // row
  | 'row-length'
  | 'row-blank'
  | 'total-rows'
  | 'row-duplicate'
  | 'property-duplicate'
  // cell
  | 'value-missing'
  | 'value-type'
  | 'value-format'
  | 'value-pattern'
  | 'value-enum'
  | 'value-range'
  | 'value-length'
  | 'value-invalid'
  | 'formula-value'
  // rules
  | 'row-rule'
  | 'key-duplicate'
  | 'key-reference'
  | 'table-rule';

/** One finding about the data. Location fields appear only where they apply. */
export interface Issue {
  code: IssueCode;
  severity: Severity;
  message: string;
  /** 1-based data record number (the first record after the header is row 1). */
  row?: number;
  /** 1-based physical line of the file where the record (or the finding) starts. */
  line?: number;
  /** The column name as written in the file's header. */
  column?: string;
  /** 1-based position of the column. */
  columnIndex?: number;
  /**
   * 1-based character position in its line where the cell starts, where code scanning and annotations
   * mark it (added for the GitHub and SARIF reports; see src/report/cell-columns.ts).
   */
  columnStart?: number;
  /** The standard's name for the field, when it differs from the column as written. */
  field?: string;
  /** JSON Pointer of the value, for JSON input. */
  pointer?: string;
  /** The offending value as text (shortened when very long). */
  value?: string;
  /** What the rule expected, in words. */
  expected?: string;
  /** For header-mismatch and similar: the name the file probably meant. */
  suggestion?: string;
  /** How to fix it, in words. */
  hint?: string;
  /** The repaired value, when a safe repair is known. */
  fix?: string;
  /** For findings that stand for a run of rows (blank rows) or many occurrences. */
  count?: number;
  endRow?: number;
  endLine?: number;
  /** For encoding-invalid: byte offset of the first bad bytes. */
  offset?: number;
  /** For key-duplicate: where the value was first seen. */
  firstRow?: number;
  firstLine?: number;
  /** For findings about another file (cross-file references). */
  otherFile?: string;
  /** For document standards: the record's own id (a 360Giving grant id, an OCDS ocid/release id, a service id). */
  record?: string;
  /** For workbooks: the sheet the issue is on. */
  sheet?: string;
  /** For workbooks: the cell (or row, `'Spend 2024'!12:12`) a spreadsheet can go to, such as `'Spend 2024'!C12`. */
  cell?: string;
}

/** Every issue of one kind and severity in one column (or place, or the file): counted whatever is listed. */
export interface IssueGroup {
  /** The heading: the column as written (with the standard's name when it differs), a JSON place, `Header`, `Rows` or `File`. */
  label: string;
  code: IssueCode;
  severity: Severity;
  column?: string;
  columnIndex?: number;
  field?: string;
  /** For JSON: the place in every record (`grants[].awardDate`). */
  place?: string;
  /** Issues found. */
  count: number;
  /** Of them, the ones `conform fix` repairs. */
  fixable: number;
  /** The first rows with such an issue (at most five). */
  rows: number[];
  /** The first such issue in file order. */
  example: Issue;
  /** The first that `conform fix` does not repair, when there is one. */
  manual?: Issue;
}

/** One kind of issue that needs a person, in the fix plan. */
export interface PlanStep {
  label: string;
  code: IssueCode;
  severity: Severity;
  /** Issues of this kind left after `conform fix`. */
  count: number;
  /** Files with such issues (in the run's plan). */
  files?: number;
  /** Where the first is, and what it says. */
  example: Issue & { path?: string };
  /** What to do, in words. */
  action: string;
}

/** What to do first: what `conform fix` repairs, then what needs a person, largest first. */
export interface FixPlan {
  /** Issues found (every one, listed or not). */
  issues: number;
  /** Issues `conform fix` repairs. */
  fixable: number;
  /** The command that repairs them, when conform fix can read the file (CSV). */
  command?: string;
  /** Kinds of issue `conform fix` leaves, the largest first. */
  manual: PlanStep[];
}

export interface StandardRef {
  id: string;
  version: string;
  title: string;
  [key: string]: unknown;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface FileReport {
  path: string;
  standard: StandardRef | null;
  passed: boolean;
  format: FileFormat | 'unknown';
  encoding: string;
  delimiter?: string;
  /** For workbooks: the sheet that was checked. */
  sheet?: string;
  rows: number;
  validRows: number;
  invalidRows: number;
  counts: SeverityCounts;
  byCode: Partial<Record<IssueCode, number>>;
  issues: Issue[];
  /** Issues found but not kept because of --max-issues. */
  truncated: number;
  /** Seconds spent on this file. */
  elapsed?: number;
  /** Who published the file, when one column names the same body in every record (see src/batch/publisher.ts). */
  publisher?: string;
  /** Every issue found, by column (or place) and kind: the source of every count a report shows. */
  groups?: IssueGroup[];
  /** What to do first. */
  plan?: FixPlan;
  [key: string]: unknown;
}

export interface ReportSummary {
  files: number;
  passedFiles: number;
  failedFiles: number;
  rows: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Counts for one file, or for a group of files, in the overview of a run. */
export interface OverviewCounts {
  files: number;
  passedFiles: number;
  failedFiles: number;
  rows: number;
  validRows: number;
  /** validRows / rows as a percentage (one decimal); null when there are no rows. */
  conformance: number | null;
  errors: number;
  warnings: number;
  infos: number;
}

export interface FileOverview {
  path: string;
  /** `id@version`, or null when the file was checked against no standard. */
  standard: string | null;
  publisher: string | null;
  passed: boolean;
  rows: number;
  validRows: number;
  conformance: number | null;
  errors: number;
  warnings: number;
  infos: number;
}

/** A league table of the run: files and groups ranked worst first (lowest conformance, then most errors). */
export interface Overview {
  files: FileOverview[];
  byStandard: Array<OverviewCounts & { standard: string | null }>;
  byPublisher: Array<OverviewCounts & { publisher: string | null }>;
}

/** For a report of one shard of a run (--shard k/n): what `conform report merge` needs to rebuild the whole. */
export interface ShardInfo {
  index: number;
  count: number;
  /** Files in the whole run. */
  totalFiles: number;
  /** For each file of this report, its 0-based position in the whole run. */
  positions: number[];
  /** The same in every shard of one run (see shardRunId); merge refuses shards whose ids differ. */
  runId?: string;
}

export interface Report {
  reportVersion: 1;
  tool: { name: 'conform'; version: string };
  passed: boolean;
  failOn: FailOn;
  summary: ReportSummary;
  files: FileReport[];
  overview?: Overview;
  shard?: ShardInfo;
  /** What to do first, across the files. */
  plan?: FixPlan;
  /** When the check was made (ISO 8601). */
  checkedAt?: string;
  [key: string]: unknown;
}
