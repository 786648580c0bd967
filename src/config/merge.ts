// How the settings for one file are decided: a flag given on the command line wins, then the config's
// check that names the file, then the config's top level. Column maps and severities are merged, entry by
// entry, with the same precedence. Pure, so the rule is easy to see and test.
import type { CheckSettings, Config } from './config.js';

export function mergeSettings(flags: CheckSettings, check: CheckSettings | undefined, config: Pick<Config, 'maxIssues'> | undefined): CheckSettings {
  const merged: CheckSettings = {
    standard: flags.standard ?? check?.standard,
    encoding: flags.encoding ?? check?.encoding,
    delimiter: flags.delimiter ?? check?.delimiter,
    inputFormat: flags.inputFormat ?? check?.inputFormat,
    sheet: flags.sheet ?? check?.sheet,
    maxIssues: flags.maxIssues ?? check?.maxIssues ?? config?.maxIssues,
    columns: flags.columns || check?.columns ? { ...check?.columns, ...flags.columns } : undefined,
    severity: flags.severity || check?.severity ? { ...check?.severity, ...flags.severity } : undefined,
  };
  for (const key of Object.keys(merged) as Array<keyof CheckSettings>) if (merged[key] === undefined) delete merged[key];
  return merged;
}
