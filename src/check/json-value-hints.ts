// Hints for a JSON record's own values, from the repairs and diagnoses a CSV cell gets: a value that
// fails is read as a cell's text would be (£1,200.00, "Buildings", 559716.56), and the cell's hint is
// the value's. Only hints: JSON has no `conform fix`. Dates have their own (see json-date-hints.ts).
import type { Standard } from '../standards/standard.js';
import { CellChecker } from './cells.js';
import type { Finding } from './explain.js';

/** Hints remembered for values that fail again (a file's bad values are mostly a few, many times over). */
const REMEMBERED = 4096;

export class ValueHints {
  private readonly cells = new Map<string, CellChecker | null>();
  private readonly remembered = new Map<string, string | undefined>();

  constructor(private readonly standard: Standard) {}

  /** The hint for a finding about the value of the record's property `name`; undefined when there is none. */
  hintFor(f: Finding, name: string): string | undefined {
    if (typeof f.data !== 'string' && typeof f.data !== 'number') return undefined;
    const key = `${f.code}\u0000${typeof f.data}\u0000${name}\u0000${f.data}`;
    if (this.remembered.has(key)) return this.remembered.get(key);
    const hint = this.hintForValue(f, name, String(f.data));
    if (this.remembered.size < REMEMBERED) this.remembered.set(key, hint);
    return hint;
  }

  private hintForValue(f: Finding, name: string, text: string): string | undefined {
    const cell = this.cellOf(name);
    if (!cell) return undefined;
    const found = cell.evaluate(text, true).findings?.[0];
    if (!found) {
      // The text would do as a cell: the record wrote a number or true/false as a string.
      return f.code === 'value-type' && typeof f.data === 'string' ? `write it without quotes: ${text.trim()}` : undefined;
    }
    // A date read by what the field's dates so far settle would differ from one thread to another.
    return found.dateOrderDependent ? undefined : found.hint;
  }

  private cellOf(name: string): CellChecker | null {
    let cell = this.cells.get(name);
    if (cell === undefined) {
      const field = this.standard.fieldByName.get(name);
      cell = field ? new CellChecker(field, this.standard, () => 'error') : null;
      this.cells.set(name, cell);
    }
    return cell;
  }
}
