// Who published a file, when the data says so. The rule: the standard's publisher field is the first of
// its fields, in the order below, whose name or an alias (compared without case, spaces or punctuation)
// names the publishing body — a publisher's or organisation's name before its URI. When every non-empty
// value of that column in the file is the same (after trimming and folding runs of spaces), that value
// is the file's publisher; a file with several (a county file of its districts) or none states no
// publisher. Only CSV files are read this way, and only when this thread reads every row (a big single
// file checked in parts on worker threads states none).
import { matchHeader } from '../check/header.js';
import { normaliseName } from '../standards/name-tokens.js';
import { findHeader, HEADER_SEARCH, isBlankRow } from '../check/layout.js';
import type { TokenBatch } from '../sources/csv-tokenizer.js';
import type { Field, Standard } from '../standards/standard.js';

export const PUBLISHER_NAMES = [
  'PublisherLabel',
  'PublisherName',
  'Publisher',
  'OrganisationLabel',
  'OrganisationName',
  'OrganizationName',
  'Organisation',
  'Organization',
  'BodyName',
  'PublisherURI',
  'OrganisationURI',
  'OrganizationURI',
].map(normaliseName);

/** The standard's fields that may name the publisher, best first. */
export function publisherFields(standard: Standard): Field[] {
  const rank = (field: Field) => {
    const names = [field.name, ...field.aliases].map(normaliseName);
    const ranks = names.map((n) => PUBLISHER_NAMES.indexOf(n)).filter((r) => r >= 0);
    return ranks.length ? Math.min(...ranks) : -1;
  };
  return standard.fields
    .map((field) => ({ field, rank: rank(field) }))
    .filter((f) => f.rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .map((f) => f.field);
}

/** Watches a CSV file's records go by and remembers whether its publisher column holds one value. */
export class PublisherTracker {
  private waiting: string[][] = [];
  private started = false;
  private column = -1;
  private value?: string;
  /** The publisher column's text in the last row that had one, as written. */
  private lastText?: string;
  private mixed = false;
  /** Data rows seen (blank rows are not counted, as the table check does not count them). */
  private seen = 0;

  constructor(
    private readonly standard: Standard,
    private readonly columns: Record<string, string> = {},
  ) {}

  take(batch: TokenBatch): void {
    if (this.started) return this.read(batch.rows);
    this.waiting.push(...batch.rows);
    if (this.waiting.length >= HEADER_SEARCH) this.start();
  }

  /**
   * The publisher, once the file has been read. `rows`: the data rows the check counted; when this thread
   * saw fewer (a big file checked in parts on other threads), the value was not seen in every row, so no
   * publisher is stated.
   */
  finish(rows: number): string | undefined {
    if (!this.started) this.start();
    if (this.seen < rows) return undefined;
    return this.mixed ? undefined : this.value;
  }

  /** The header is found as the table check finds it. */
  private start(): void {
    this.started = true;
    const rows = this.waiting;
    this.waiting = [];
    const at = findHeader(rows, this.standard, this.columns);
    if (at < 0) return;
    const match = matchHeader(rows[at]!, this.standard, this.columns);
    for (const field of publisherFields(this.standard)) {
      const column = match.columns.find((c) => c.field === field);
      if (column) {
        this.column = column.index;
        break;
      }
    }
    this.read(rows.slice(at + 1));
  }

  private read(rows: string[][]): void {
    for (const cells of rows) {
      if (isBlankRow(cells)) continue;
      this.seen++;
      if (this.column < 0 || this.mixed) continue;
      const text = cells[this.column];
      // Most rows repeat the last row's text exactly: only a different one needs folding and comparing.
      if (!text || text === this.lastText) continue;
      this.lastText = text;
      const value = text.trim().replace(/\s+/g, ' ');
      if (!value) continue;
      if (this.value === undefined) this.value = value;
      else if (value !== this.value) this.mixed = true;
    }
  }
}
