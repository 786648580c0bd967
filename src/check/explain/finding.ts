// What the explanation of the schema's keywords finds about one value or record, before it becomes an issue.
import type { LengthFound } from '../../issues/args.js';
import type { IssueCode } from '../../types.js';

/** The codes a finding of the schema's validation can have. */
export type FindingCode = Extract<IssueCode, `value-${string}` | 'key-reference' | 'row-rule'>;

export interface Finding {
  code: FindingCode;
  /** JSON Pointer, below the value validated, of the value the finding is about ('' for the value itself). */
  path: string;
  /** Completes "must be …" (or "must …" for patterns and lengths). */
  expected?: string;
  /** A whole clause or sentence for findings that are not about one value. */
  detail?: string;
  /** The value found, when ajv has it. */
  data?: unknown;
  keyword: string;
  /** A severity the rule itself sets (an open code list warns). */
  severity?: 'error' | 'warning' | 'info';
  /** How to fix it, when the rule knows (the nearest codes of a list). */
  hint?: string;
  /** For a value not written in a required format: the formats that would do ('date', 'date-time', …). */
  formats?: string[];
  /** For a value of the wrong length: the length it has. */
  found?: LengthFound;
}
