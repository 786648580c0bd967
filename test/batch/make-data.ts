// Data for the batch tests: folders of files written on the fly, and seeded spend-like CSV files whose
// problems are known from the seed.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FIXTURES } from '../helpers.js';

export const TEST_STANDARDS = join(FIXTURES, 'batch', 'standards');

/** A scratch folder holding `files` (names may include folders). */
export function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'conform-batch-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** A small deterministic random number generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SPEND_HEADER =
  'OrganisationLabel,OrganisationURI,OrganisationalUnit,BeneficiaryName,PaymentDate,TransactionNumber,Amount,IrrecoverableVATAmount,Purpose,MerchantCategory';

export interface SpendOptions {
  rows: number;
  /** The council in every row, or one per row in turn. */
  publisher?: string | string[];
  /** Share of rows with a date whose year has two digits (a value-format error: a four-digit UK date is only a warning). */
  badShare?: number;
}

/** A spend-over-500 file; returns its text and how many rows have an error. */
export function spendCsv(seed: number, options: SpendOptions): { text: string; badRows: number } {
  const rnd = random(seed);
  const publishers = Array.isArray(options.publisher) ? options.publisher : [options.publisher ?? 'Testshire Council'];
  const lines = [SPEND_HEADER];
  let badRows = 0;
  for (let i = 0; i < options.rows; i++) {
    const council = publishers[i % publishers.length]!;
    const day = 1 + Math.floor(rnd() * 28);
    const bad = rnd() < (options.badShare ?? 0);
    if (bad) badRows++;
    const date = bad ? `${String(day).padStart(2, '0')}/03/24` : `2024-03-${String(day).padStart(2, '0')}`;
    const amount = (500 + rnd() * 20000).toFixed(2);
    lines.push(
      `${council},https://example.org/id/council/${i % publishers.length},Adult Services,Supplier ${Math.floor(rnd() * 500)} Ltd,${date},T${seed}-${i},${amount},0,Care fees,Care services`,
    );
  }
  return { text: lines.join('\n') + '\n', badRows };
}
