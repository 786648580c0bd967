// The library API: the same engine and report as the command line. Everything exported here is the
// package's public API (pinned by test/package/exports.test.ts); the rest of the code is internal.
import { ConformError } from './errors.js';
import { FORMATTERS, isFormatName, type FormatName, type FormatOptions } from './formatters/index.js';
import { Registry, type RegistryEntry } from './standards/registry.js';
import type { Report } from './types.js';

export {
  validate,
  loadStandard,
  type ValidateInput,
  type ValidateOptions,
  type ValidateEvent,
  type StandardInput,
  type SchemaObject,
  type WebReadableStream,
  type LoadStandardOptions,
} from './validate.js';
export { loadStandardFile, type LoadOptions } from './standards/load.js';
export { mergeReports, type NamedReport } from './report/merge.js';
export type { Standard, StandardMeta, Field } from './standards/standard.js';
export type { RegistryEntry } from './standards/registry.js';
export type { FormatName, FormatOptions } from './formatters/index.js';
export { CATALOG, type CatalogEntry } from './issues/catalog.js';
export type { IssueArgs } from './issues/args.js';
export { ConformError } from './errors.js';
export { VERSION } from './version.js';
export type * from './types.js';

/** The report formats `formatReport` (and `--format`) know. */
export const FORMAT_NAMES = Object.freeze(Object.keys(FORMATTERS) as FormatName[]);

/** A report as text in one of the formats of `--format`: `stylish`, `json`, `junit`, `github`, `markdown`, `html`, `csv`, `sarif`. */
export function formatReport(report: Report, format: FormatName, options: FormatOptions = {}): string {
  if (!isFormatName(format)) throw new ConformError(`Unknown report format "${String(format)}"; use one of ${FORMAT_NAMES.join(', ')}`);
  return FORMATTERS[format](report, options);
}

/** The standards conform knows (bundled, and those in `standardsDirs`), newest version first within each id. */
export function listStandards(options: { standardsDirs?: string[] } = {}): RegistryEntry[] {
  return new Registry(options.standardsDirs ?? []).list().map((entry) => ({ ...entry }));
}
