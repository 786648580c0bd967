// What every table rule is made of: its spec as plain data, and its reading and judging halves.
import type { ReferenceProblem } from '../../issues/args.js';
import type { IssueLocation } from '../../issues/catalog.js';
import type { IssueCollector } from '../../report/collector.js';
import type { Issue, IssueCode, Severity } from '../../types.js';
import type { Standard } from '../../standards/standard.js';
import type { KeyRuns } from './key-set.js';

/** What a rule is, as plain data (so a worker thread can build the same reader). */
export interface RuleSpec {
  kind: 'key' | 'reference' | 'constant' | 'date-range' | 'rows';
  /** The fields whose texts the reader receives, in this order. */
  fields: string[];
  primary?: boolean;
  /** For references: the index of the other file in the references list. */
  reference?: number;
  range?: DateRange;
  bounds?: { minimum?: number; maximum?: number };
}

export interface DateRange {
  maximumDays?: number;
  minimum?: string;
  maximum?: string;
}

/** Values of the referenced fields in another file, loaded before the table is read. */
export interface Reference {
  /** The fields of this file that refer. */
  from: string[];
  /** The other file, as the standard names it (relative to the data file). */
  resource: string;
  /** The fields of the other file referred to. */
  fields: string[];
  values?: Set<string>;
  /** Why the other file could not be read. */
  problem?: ReferenceProblem;
}

/** Where a field is in the file being checked, for locating issues. */
export type Locate = (field: string) => Pick<IssueLocation, 'column' | 'columnIndex' | 'field'>;

export interface RuleContext {
  standard: Standard;
  locate: Locate;
  severityOf: (code: IssueCode, field: string | undefined) => Severity;
  references: Reference[];
  /** Where a key rule keeps the keys that outgrow memory (in memory when not given). */
  keyRuns?: () => KeyRuns;
}

/** The reading half: sees rows, may raise issues about a row itself, and notes what the judge needs. */
export interface RuleReader {
  row(texts: string[], row: number, line: number, issues: Issue[]): void;
  /** The notes for the rows read since the last call (structured-clonable), starting afresh. */
  take(): unknown;
}

/** The judging half: given every reader's notes in row order, decides and reports. */
export interface RuleJudge {
  /** Notes for rows numbered from 1 within their part; `rowOffset` makes them the file's row numbers. */
  merge(notes: unknown, rowOffset: number): void;
  finish(rows: number): void;
}

/** What a judge reports into, beside what every rule sees. */
export type JudgeContext = RuleContext & { sink: IssueCollector };

/** Joins the texts of a key of several fields; no cell holds it. */
export const SEPARATOR = '\u0001';
