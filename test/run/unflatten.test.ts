// 360Giving spreadsheets in their flat form, read back into the document the 360Giving schema checks,
// with issues placed at their sheet and cell.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../src/sources/workbook.js';
import { recordColumns, unflatten } from '../../src/run/unflatten.js';
import { Registry } from '../../src/standards/registry.js';
import { report, scratch } from '../helpers.js';
import { xlsx, type TestSheet } from '../workbook-writer.js';

const GRANTS: TestSheet[] = [
  {
    name: 'grants',
    rows: [
      [
        'Identifier',
        'Title',
        'Description',
        'Currency',
        'Amount Awarded',
        'Award Date',
        'Recipient Org:Identifier',
        'Recipient Org:Name',
        'Funding Org:Identifier',
        'Funding Org:Name',
        'Grant Programme:Title (extended)',
      ],
      ['360G-xyz-1', 'Village hall roof', 'A new roof', 'GBP', 5000, { date: '2024-03-31' }, 'GB-CHC-123456', 'Hall Trust', 'GB-LAE-XYZ', 'Anytown Council', 'Community'],
      ['360G-xyz-2', 'Youth club', 'Sessions', 'GBP', 'five hundred', '31/03/2024', 'GB-CHC-654321', 'Youth Trust', 'GB-LAE-XYZ', 'Anytown Council', 'Youth'],
    ],
  },
  {
    name: 'Beneficiary Location',
    rows: [
      ['Identifier', 'Beneficiary Location:Name', 'Beneficiary Location:Geographic Code'],
      ['360G-xyz-1', 'Anytown', 'E06000001'],
      ['360G-xyz-1', 'Othertown', 'E06000002'],
    ],
  },
];

describe('360Giving flat spreadsheets', () => {
  it('maps column titles to the paths of a grant', async () => {
    const registry = new Registry([]);
    const standard = await registry.resolve('360giving');
    const columns = recordColumns(standard);
    expect(columns.get('recipient org:identifier')?.path).toEqual(['recipientOrganization', '0', 'id']);
    expect(columns.get('amount awarded')?.path).toEqual(['amountAwarded']);
    expect(columns.get('recipientorganization/0/id')?.path).toEqual(['recipientOrganization', '0', 'id']);
  });

  it('reads the sheets into the grants package, joining child rows by the grant id', async () => {
    const path = join(scratch(), 'grants.xlsx');
    writeFileSync(path, await xlsx(GRANTS));
    const standard = await new Registry([]).resolve('360giving');
    const book = await openWorkbook(path);
    const flat = await unflatten(book, standard);
    book.close();
    const grants = flat.document.grants as Array<Record<string, unknown>>;
    expect(grants).toHaveLength(2);
    expect(grants[0]).toMatchObject({
      id: '360G-xyz-1',
      amountAwarded: 5000,
      awardDate: '2024-03-31',
      recipientOrganization: [{ id: 'GB-CHC-123456', name: 'Hall Trust' }],
      beneficiaryLocation: [
        { name: 'Anytown', geoCode: 'E06000001' },
        { name: 'Othertown', geoCode: 'E06000002' },
      ],
      'Grant Programme:Title (extended)': 'Community',
    });
    expect(flat.used).toEqual(['grants', 'Beneficiary Location']);
  });

  it('without a standard named, has its grants sheet checked against 360giving-flat', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'grants.xlsx'), await xlsx(GRANTS));
    const { report: r } = await report([join(dir, 'grants.xlsx')]);
    expect(r.files[0].standard.id).toBe('360giving-flat');
    expect(r.files[0].sheet).toBe('grants');
    expect(r.files[0].rows).toBe(2);
  });

  it('checks the workbook against the 360Giving standard, issues at sheet, cell and grant id', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'grants.xlsx'), await xlsx(GRANTS));
    const { code, report: r } = await report([join(dir, 'grants.xlsx'), '--standard', '360giving']);
    expect(code).toBe(1);
    const file = r.files[0];
    expect(file.format).toBe('xlsx');
    expect(file.rows).toBe(2);
    const amount = file.issues.find((i: { pointer?: string }) => i.pointer === '/grants/1/amountAwarded');
    expect(amount).toMatchObject({ code: 'value-type', sheet: 'grants', cell: 'grants!E3', line: 3, record: '360G-xyz-2', column: 'Amount Awarded' });
    const date = file.issues.find((i: { pointer?: string }) => i.pointer === '/grants/1/awardDate');
    expect(date).toMatchObject({ sheet: 'grants', cell: 'grants!F3', record: '360G-xyz-2' });
    expect(file.issues.filter((i: { record?: string; severity: string }) => i.record === '360G-xyz-1' && i.severity === 'error')).toEqual([]);
  });
});

describe('OCDS flat spreadsheets', () => {
  it('reads releases by field paths and the package from a Meta sheet', async () => {
    const sheets: TestSheet[] = [
      {
        name: 'Meta',
        rows: [
          ['uri', 'https://example.gov.uk/ocds/package.json'],
          ['publishedDate', '2024-04-01T00:00:00Z'],
          ['version', '1.1'],
          ['publisher/name', 'Anytown Council'],
        ],
      },
      {
        name: 'releases',
        rows: [
          ['ocid', 'id', 'date', 'tag', 'initiationType', 'tender/id', 'tender/title', 'tender/value/amount'],
          ['ocds-abc-1', '1', '2024-03-01T00:00:00Z', 'tender', 'tender', 'T1', 'Road repairs', 25000],
          ['ocds-abc-2', '1', '2024-03-02T00:00:00Z', 'tender', 'auction', 'T2', 'Bins', 'lots'],
        ],
      },
      {
        name: 'awards',
        rows: [
          ['ocid', 'id', 'awards/0/id', 'awards/0/title'],
          ['ocds-abc-1', '1', 'A1', 'Road repairs, part 1'],
          ['ocds-abc-1', '1', 'A2', 'Road repairs, part 2'],
        ],
      },
    ];
    const dir = scratch();
    writeFileSync(join(dir, 'releases.xlsx'), await xlsx(sheets));
    const standard = await new Registry([]).resolve('ocds-release-package');
    const book = await openWorkbook(join(dir, 'releases.xlsx'));
    const flat = await unflatten(book, standard);
    book.close();
    expect(flat.document).toMatchObject({ uri: 'https://example.gov.uk/ocds/package.json', version: '1.1', publisher: { name: 'Anytown Council' } });
    const releases = flat.document.releases as Array<Record<string, unknown>>;
    expect(releases[0]).toMatchObject({ ocid: 'ocds-abc-1', tag: ['tender'], tender: { id: 'T1', value: { amount: 25000 } }, awards: [{ id: 'A1' }, { id: 'A2' }] });
    const { report: r } = await report([join(dir, 'releases.xlsx'), '--standard', 'ocds-release-package']);
    const file = r.files[0];
    expect(file.sheet).toBe('releases');
    const issues = file.issues.filter((i: { severity: string }) => i.severity === 'error');
    expect(issues.map((i: { code: string; cell?: string; record?: string }) => [i.code, i.cell, i.record])).toEqual([
      ['value-enum', 'releases!E3', 'ocds-abc-2 / 1'],
      ['value-type', 'releases!H3', 'ocds-abc-2 / 1'],
    ]);
  });
});
