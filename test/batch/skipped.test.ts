// Every file a folder holds is in the report: checked, or named as not a data file conform reads.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, report } from '../helpers.js';
import { spendCsv, tree } from './make-data.js';

describe('files a folder holds that are not data', () => {
  it('are in the report with what they are, as info, and do not fail the run', async () => {
    const dir = tree({
      'data/spend.csv': spendCsv(1, { rows: 3 }).text,
      'data/spend-2024.xls': Buffer.from('PK\u0003\u0004'),
      'data/sites.kml': '<kml/>',
      'data/README.txt': 'About these files',
      'data/datapackage.json': '{"resources":[]}',
      'data/.DS_Store': 'x',
    });
    const { code, report: r } = await report([join(dir, 'data'), '-s', 'spend-over-500']);
    const byPath = Object.fromEntries(r.files.map((f: any) => [f.path.split('/').pop(), f]));
    expect(Object.keys(byPath).sort()).toEqual(['README.txt', 'datapackage.json', 'sites.kml', 'spend-2024.xls', 'spend.csv']);
    for (const name of ['README.txt', 'datapackage.json', 'sites.kml', 'spend-2024.xls']) {
      expect(
        byPath[name].issues.map((i: any) => [i.code, i.severity]),
        name,
      ).toEqual([['file-skipped', 'info']]);
      expect(byPath[name].standard).toBeNull();
    }
    expect(byPath['spend-2024.xls'].issues[0].message).toBe(
      'Not a data file conform reads, so it was not checked: an Excel 97–2003 workbook; save each sheet as CSV UTF-8 to check it',
    );
    expect(byPath['datapackage.json'].issues[0].message).toContain('checked only when named');
    expect(byPath['spend.csv'].issues.some((i: any) => i.code === 'file-skipped')).toBe(false);
    expect(code).toBe(byPath['spend.csv'].passed ? 0 : 1);
  });

  it('do not make a run by themselves', async () => {
    const dir = tree({ 'only/notes.xls': Buffer.from('PK\u0003\u0004') });
    const { code, stderr } = await cli(['validate', join(dir, 'only'), '-s', 'spend-over-500']);
    expect(code).toBe(2);
    expect(stderr).toContain('No input files matched');
  });
});
