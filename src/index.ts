// The library API: the same engine and report as the command line.
export { validate, type ValidateOptions } from './validate.js';
export { mergeReports } from './report/merge.js';
export { buildOverview } from './report/summary.js';
export { discoverConfig } from './config/discover.js';
export { loadConfig } from './config/load.js';
export type { Config, CheckConfig, CheckSettings } from './config/config.js';
export { run } from './run.js';
export type { Io } from './io/io.js';
export { loadStandardFile } from './standards/load.js';
export { Registry } from './standards/registry.js';
export type { Standard, Field } from './standards/standard.js';
export { FORMATTERS, type FormatName, type Formatter, type FormatOptions } from './formatters/index.js';
export { CATALOG } from './issues/catalog.js';
export { ConformError } from './errors.js';
export type * from './types.js';
