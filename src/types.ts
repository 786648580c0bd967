// The shapes that flow through conform: issues found in data, the reports built from them, and the
// standards they are checked against. Readers, checks and formatters all speak in these types.

export type Severity = 'error' | 'warning' | 'info';
export type FailOn = Severity | 'never';
export type InputFormat = 'csv' | 'json' | 'ndjson';

export type IssueCode =
  // file
  | 'file-unreadable'
  | 'file-empty'
  | 'encoding-invalid'
  | 'encoding-not-utf8'
  | 'format-invalid'
  // header
  | 'header-missing'
  | 'header-unknown'
  | 'header-duplicate'
  | 'header-blank'
  | 'header-mismatch'
  | 'title-rows'
  // row
  | 'row-length'
  | 'row-blank'
  | 'row-duplicate'
  // cell
  | 'value-missing'
  | 'value-type'
  | 'value-format'
  | 'value-pattern'
  | 'value-enum'
  | 'value-range'
  | 'value-length'
  | 'value-invalid'
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
  format: InputFormat | 'unknown';
  encoding: string;
  delimiter?: string;
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

export interface Report {
  reportVersion: 1;
  tool: { name: 'conform'; version: string };
  passed: boolean;
  failOn: FailOn;
  summary: ReportSummary;
  files: FileReport[];
  [key: string]: unknown;
}
