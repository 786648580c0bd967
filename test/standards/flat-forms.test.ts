// The flat (CSV) forms of the document standards, on real published spreadsheets: columns titled as the
// standards' templates title them. The corpus is read from ../shared/corpus and is not part of the
// project: without it these tests are skipped.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, hasCorpus, report, scratch } from '../helpers.js';

if (!hasCorpus) console.log(`Skipping the flat-form corpus tests: ${CORPUS} is not there`);

const countByCode = (issues: Array<{ code: string }>) => {
  const out: Record<string, number> = {};
  for (const i of issues) out[i.code] = (out[i.code] ?? 0) + 1;
  return out;
};

describe.skipIf(!hasCorpus)('360giving-flat', () => {
  const file = join(CORPUS, '360giving/data/trafford/trafford_council_voluntary_sector_grants.csv');

  it("is picked for Trafford's grants spreadsheet, whose 555 grants pass", async () => {
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

describe('ocds-flat-releases', () => {
  it("knows every heading of the OCDS flat template's releases sheet", async () => {
    if (!hasCorpus) return;
    const { report: r } = await report([join(CORPUS, 'ocds/data/flat-template/releases.csv'), '--standard', 'ocds-flat-releases']);
    const f = r.files[0];
    expect(f.rows).toBe(0);
    expect(f.issues.filter((i: { code: string }) => i.code.startsWith('header-'))).toEqual([]);
  });

  it('checks dates, release tags (a ;-separated list) and amounts', async () => {
    const dir = scratch({
      'releases.csv':
        'ocid,id,date,tag,initiationType,tender/value/amount\nocds-1,r1,2024-13-01,tender;tendered,tender,abc\nocds-1,r2,2024-01-01T00:00:00Z,tender;award,tender,12.5\n',
    });
    const { code, report: r } = await report([join(dir, 'releases.csv'), '--standard', 'ocds-flat-releases']);
    expect(code).toBe(1);
    expect(r.files[0].issues.map((i: { code: string; column: string; row: number }) => [i.code, i.column, i.row])).toEqual([
      ['value-format', 'date', 1],
      ['value-enum', 'tag', 1],
      ['value-type', 'tender/value/amount', 1],
    ]);
  });
});
