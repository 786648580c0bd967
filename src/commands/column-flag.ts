// `--column "Paid Date=PaymentDate"`, repeatable: a column of the file mapped to a field of the standard.
import { ConformError } from '../errors.js';

export function parseColumnFlags(values: string[] = []): Record<string, string> {
  const map: Record<string, string> = {};
  for (const value of values) {
    const eq = value.lastIndexOf('=');
    const from = value.slice(0, eq);
    const to = value.slice(eq + 1).trim();
    if (eq <= 0 || !from.trim() || !to) {
      throw new ConformError(`--column takes "<column in the file>=<field of the standard>", such as --column "Paid Date=PaymentDate" (got "${value}")`);
    }
    map[from] = to;
  }
  return map;
}
