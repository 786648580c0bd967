// The flat (CSV) forms of the document standards, on real published spreadsheets: columns titled as the
// standards' templates title them. The corpus is read from ../shared/corpus and is not part of the
// project: without it these tests are skipped.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, hasCorpus, report } from '../helpers.js';

if (!hasCorpus) console.log(`Skipping the flat-form corpus tests: ${CORPUS} is not there`);

const countByCode = (issues: Array<{ code: string }>) => {
  const out: Record<string, number> = {};
  for (const i of issues) out[i.code] = (out[i.code] ?? 0) + 1;
  return out;
};

describe.skipIf(!hasCorpus)('360giving-flat', () => {
  const file = join(CORPUS, '360giving/data/trafford/trafford_council_voluntary_sector_grants.csv');

  it('is picked for Trafford\'s grants spreadsheet, whose 555 grants pass', async () => {
    const { code, report: r } = await report([file]);
    const f = r.files[0];
    expect(f.standard.id).toBe('360giving-flat');
    expect(f.rows).toBe(555);
    // "From an open call?" and "Last modified" are written in lower case where the template capitalises
    // each word: read, with a warning each.
    expect(countByCode(f.issues)).toEqual({ 'header-mismatch': 2 });
    expect(code).toBe(0);
  });
});
