// The config file's settings once read and checked: paths made absolute, lists always lists, and the
// line each check starts on, so later messages can point at it.
import type { FailOn, InputFormat, IssueCode, Severity } from '../types.js';

/** How a set of files is checked; every setting is optional, and a flag overrides it. */
export interface CheckSettings {
  standard?: string;
  encoding?: string;
  delimiter?: string;
  inputFormat?: InputFormat;
  /** For workbooks: the sheet to check, by name or by number from 1. */
  sheet?: string;
  maxIssues?: number;
  columns?: Record<string, string>;
  severity?: Partial<Record<IssueCode, Severity>>;
}

export interface CheckConfig extends CheckSettings {
  /** Files, folders or glob patterns, relative to the config's folder. */
  files: string[];
  /** 1-based line of the check in the config file. */
  line: number;
  /** 1-based lines of its `standard` and `columns`, when it has them. */
  standardLine?: number;
  columnsLine?: number;
}

export interface Config {
  /** The config file, absolute. */
  path: string;
  /** Its folder: what paths in it are relative to. */
  dir: string;
  /** Extra standard folders, absolute. */
  standards: string[];
  failOn?: FailOn;
  maxIssues?: number;
  jobs?: number;
  checks: CheckConfig[];
}
