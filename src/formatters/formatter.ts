import type { Report } from '../types.js';

export interface FormatOptions {
  /** Use colour (stylish only); decided by the caller from the terminal, NO_COLOR and --no-color. */
  color?: boolean;
  /** Examples shown per column and code in terminal output. */
  examples?: number;
  /** Terminal width for stylish output (80 when not known). */
  width?: number;
  /** Show the raw patterns and other technical detail that the reports for people put in words. */
  verbose?: boolean;
}

/** A formatter turns the one report into text; it never decides pass or fail. */
export type Formatter = (report: Report, options: FormatOptions) => string;
