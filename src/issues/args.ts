// The facts each issue code carries from the check that found it to the catalog that words it. A check
// says what it found, never how to say it; where one code covers findings worded differently, a `kind`
// (or `reason`) tells them apart.

/** Why a file or sheet has no records to check. */
export type EmptyReason = 'no-bytes' | 'no-header' | 'header-only' | 'empty-array' | 'no-records';

/** Why a referenced file could not be read, so its references cannot be checked. */
export type ReferenceProblem =
  | { kind: 'standard-input' }
  | { kind: 'not-found' }
  /** `why`: why the file may not be read, as the confining check says it. */
  | { kind: 'refused'; why: string }
  /** The reader's own explanation. */
  | { kind: 'unreadable'; readerMessage: string };

/** What a value of the wrong length has: its length in characters (text) or its number of items (a list). */
export type LengthFound = { characters: number } | { items: number };

/** What a template row under the header does instead of holding data. */
export type TemplateRow = 'markers' | 'numbers' | 'formats';

/** What a file a folder held, and conform does not read, is: from its name. */
export type SkippedFile = { is: 'metadata' | 'no-extension' } | { is: 'extension'; extension: string };

/** What a file is when it is not a data file of the format it is read as (found from its first bytes). */
export type NotDataFile =
  | { is: 'xlsx' | 'ods' | 'docx' | 'old-office' | 'sqlite' | 'pdf' | 'gzip' | 'image' | 'html' | 'excel-xml' | 'xml' | 'json-not-csv' }
  /** `firstName`: the name of the first file in the archive, when it can be read. */
  | { is: 'zip'; firstName?: string }
  | { is: 'binary'; readAs: 'csv' | 'json' };

/** Why a sheet of a workbook was not the one checked. */
export type SheetSkipped =
  | { kind: 'other-chosen'; chosen: string }
  | { kind: 'hidden' | 'no-values' }
  /** `best`: the sheet whose header matched better. */
  | { kind: 'weaker-header'; best: string }
  /** A sheet of a flat document workbook (360Giving, OCDS) left out when the document was read back. */
  | { kind: 'flat-hidden' | 'flat-no-fields' | 'flat-no-header' }
  /** `idTitles`: the titles of the id columns that join a sheet's rows to the records. */
  | { kind: 'flat-no-join'; idTitles: string[] };

/** How a column's name was matched to the standard's field it was read as. */
export type NameMatch =
  | { by: 'repaired'; damage: string }
  | { by: 'spelling' | 'alias' }
  /** `knownName`: the known name the column's words (or typo) match, when it is not the field's own. */
  | { by: 'words' | 'typo'; knownName?: string };

/**
 * What a check of the schema found about one value: `expected` completes "must be …" (or "must …"),
 * worded by the explanation of the schema's keywords (check/explain.ts).
 */
interface ValueFacts {
  /** The field or column, as the reader should see it. */
  name: string;
  /** The value as found; absent for an empty cell. */
  value?: string;
  expected: string;
}

/** Every issue code's facts: the catalog's type requires an entry for each code. */
export interface IssueArgs {
  /** `readerMessage`: the system's explanation; `partWay` when some of the file had been read. */
  'file-unreadable': { readerMessage: string; partWay?: boolean };
  /** `sheet`: the workbook sheet that is empty, when the file is a workbook. */
  'file-empty': { reason: EmptyReason; sheet?: string };
  'file-skipped': { file?: SkippedFile };
  'encoding-invalid': { encoding: string; count: number; offset: number; line: number };
  'encoding-not-utf8': { encoding: string };
  'format-invalid':
    | { kind: 'not-data'; file: NotDataFile }
    | { kind: 'document-not-json'; standard: string; format: string }
    | { kind: 'unclosed-quote'; line: number; linesSwallowed: number }
    | { kind: 'csv-record-too-long'; line: number; megabytes: number }
    | { kind: 'record-too-long'; line: number; megabytes: number }
    | { kind: 'too-many-fields'; limit: number }
    | { kind: 'json-file'; parserMessage: string }
    | { kind: 'json-record'; parserMessage: string }
    | { kind: 'too-deep'; what: 'record' | 'document' }
    | { kind: 'nul-bytes'; count: number; offset: number; line: number }
    | { kind: 'workbook-unreadable'; parserMessage: string }
    | { kind: 'no-matching-sheet'; standard: string; exampleTitles: string[] };
  /** `because`: why the standard could not be told, as the detection worded it. */
  'standard-undetected': { because: string };
  /** `unsupported`: what the standard uses that conform cannot check, as the standard's loader worded it. */
  'standard-warning': { unsupported?: string };
  'workbook-sheet': { sheet: string } & SheetSkipped;
  /** `likely`: a column that may hold it; `alsoLikely`: others that may; `advised`: asked for, not required. */
  'header-missing': { name: string; advised?: boolean; likely?: string; alsoLikely?: string[] };
  /** `values`: the first few values of the line that holds data. */
  'header-absent': { line: number; values: string[]; readAs?: string[] };
  'header-unknown': { name: string; closest?: string };
  'header-duplicate': { name: string; otherIndex: number; otherName: string };
  /** Columns numbered from 1. */
  'header-blank': { kind: 'empty'; columns: number[] } | { kind: 'holds-values'; column: number };
  'header-mismatch': { name: string; field: string } & NameMatch;
  'title-rows':
    | { kind: 'above-header'; headerLine: number; firstTitle?: string }
    /** `found`: each template line, with what it does. */
    | { kind: 'template'; line: number; endLine: number; count: number; found: Array<{ line: number; does: TemplateRow }> };
  'row-length': { cells: number; headerCells: number };
  'row-blank': { count: 1 } | { count: number; row: number; endRow: number; line: number; endLine: number };
  'total-rows': { count: number; listed: Array<{ row: number; line: number; label: string }> };
  'row-duplicate': { copyOfRow: number };
  'property-duplicate': { name: string };
  'value-missing': { name: string; reason?: 'absent' | 'primary-key' | 'spaces-only' } | { name: string; reason: 'means-no-value'; value: string };
  'value-type': ValueFacts;
  'value-format': ValueFacts;
  'value-pattern': ValueFacts;
  'value-enum': ValueFacts;
  'value-range': ValueFacts;
  /** `actual`: what the value has, said after "but" ("it has 3", "it is 12 characters long"). */
  'value-length': { name: string; expected: string; actual: LengthFound };
  'value-invalid':
    /** `rule`: the schema's rule, completing "<name> …", as the explanation of its keywords words it. */
    | { kind: 'rule'; name: string; rule: string; value?: string }
    | { kind: 'damaged'; name: string; text: string; explanation: string }
    | { kind: 'padded' | 'means-no-value'; name: string; count: number; row: number; line: number; example: string };
  /** `cell`: the cell's reference ("Sheet1!C4"); `error`: the formula's error, if it shows one. */
  'formula-value': { cell: string; error?: string };
  /**
   * `rule`: the rule broken, as the explanation of the schema's keywords words it: from the record's
   * validation as a sentence of its own, from a field's validation as the clause it gave.
   */
  'row-rule': { kind: 'record-rule' | 'field-rule'; rule: string } | { kind: 'too-deep' };
  /** `fields`: the key's fields; `value`: unknown for a duplicate found late. */
  'key-duplicate': { fields: string[]; value?: string; firstRow: number; firstLine: number };
  'key-reference':
    /** `list`: where the value was looked for ("the code list X", "other.csv (id)"). */
    { kind: 'not-found'; name: string; value: string | undefined; list: string } | { kind: 'unreadable'; resource: string; problem: ReferenceProblem };
  'table-rule':
    | { kind: 'hash-collisions'; count: number; fields: string[] }
    | { kind: 'not-constant'; field: string; first: string; firstRow: number; other: string; otherRow: number; count: number }
    | { kind: 'date-span'; field: string; earliest: string; earliestRow: number; latest: string; latestRow: number; days: number; maximumDays: number }
    | { kind: 'date-before'; field: string; earliest: string; minimum: string }
    | { kind: 'date-after'; field: string; latest: string; maximum: string }
    | { kind: 'row-count'; rows: number; minimum?: number; maximum?: number };
}
