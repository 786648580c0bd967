import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectStandard, type StandardProfile } from '../../src/standards/detect.js';
import { Registry } from '../../src/standards/registry.js';
import { CORPUS, cli, hasCorpus, report } from '../helpers.js';
import { spendCsv, TEST_STANDARDS, tree } from './make-data.js';

const field = (name: string, required = false, aliases: string[] = []) => ({ name, aliases, required });

const PROFILES: StandardProfile[] = [
  {
    id: 'plots',
    version: '1',
    title: 'Plots',
    fields: [field('OrganisationLabel'), field('SiteName', true, ['Site']), field('PlotCount', true), field('WaitingList', true), field('Rent')],
  },
  {
    id: 'loans',
    version: '1',
    title: 'Loans',
    fields: [field('OrganisationLabel'), field('BranchName', true), field('LoanMonth', true), field('Loans', true)],
  },
  {
    id: 'loans-plus',
    version: '1',
    title: 'Loans and fines',
    fields: [field('OrganisationLabel'), field('BranchName', true), field('LoanMonth', true), field('Loans', true), field('FinesTaken')],
  },
];

describe('detecting the standard from the header (pure)', () => {
  it('picks the standard whose fields the columns are, whatever their case and punctuation, aliases included', () => {
    const d = detectStandard([{ rows: [['organisation_label', 'Site', 'Plot Count', 'waiting-list', 'Notes']], profiles: PROFILES }]);
    expect(d.found).toBe(true);
    if (!d.found) return;
    expect(d.best).toMatchObject({ id: 'plots', matched: 4, columns: 5, required: 3, requiredFound: 3, headerRow: 0 });
    expect(d.reason).toBe('4 of 5 columns are fields of plots (with 3 of its 3 required fields); the next closest, loans, has 1 of 5 columns');
  });

  it('finds the header below title lines', () => {
    const rows = [['Plots let by Testshire Council, 2024'], ['SiteName', 'PlotCount', 'WaitingList'], ['Hill Road', '40', '12']];
    const d = detectStandard([{ rows, profiles: PROFILES }]);
    expect(d.found && d.best).toMatchObject({ id: 'plots', headerRow: 1, matched: 3, columns: 3 });
  });

  it('does not guess when only the columns a family of standards shares are there', () => {
    const d = detectStandard([{ rows: [['OrganisationLabel', 'Colour', 'Shape']], profiles: PROFILES }]);
    expect(d).toEqual({
      found: false,
      candidates: [],
      reason: 'few of its columns are fields of any standard conform knows (the closest, loans, has 1 of 3 columns)',
    });
  });

  it('lets the file name settle two standards that fit about equally well, and says so', () => {
    const profiles: StandardProfile[] = [
      { ...PROFILES[0]!, id: 'spend-over-500', fields: [...PROFILES[0]!.fields, field('Extra')] },
      { ...PROFILES[0]!, id: 'procurement-card-transactions', fields: [...PROFILES[0]!.fields, field('Other')] },
    ];
    const rows = [['SiteName', 'PlotCount', 'WaitingList', 'Rent', 'Unknown']];
    const named = detectStandard([{ rows, profiles }], 'column', '/data/gpc-transactions-2024.csv');
    expect(named.found && named.best.id).toBe('procurement-card-transactions');
    expect(named.reason).toContain("and the file's name points to procurement-card-transactions");
    const unnamed = detectStandard([{ rows, profiles }], 'column', '/data/export.csv');
    expect(unnamed.found).toBe(false);
    expect(unnamed.reason).toContain('spend-over-500');
    expect(unnamed.reason).toContain('procurement-card-transactions');
    // A name pointing to both settles nothing.
    expect(detectStandard([{ rows, profiles }], 'column', '/data/card-spend.csv').found).toBe(false);
  });

  it('takes the file name over the narrower of two twin standards', async () => {
    const csv = 'Service Area,Supplier Name,Paid Date,Amount,Irrecoverable VAT,Purpose\nAdults,ACME,2024-03-31,10.00,0,Care\n';
    const dir = tree({ 'gpc-transactions-2024.csv': csv, 'payments.csv': csv });
    const { report: r } = await report(['gpc-transactions-2024.csv', 'payments.csv'], { cwd: dir });
    const picked = Object.fromEntries(r.files.map((f: any) => [f.path, [f.standard?.id, f.standard?.detected?.reason]]));
    expect(picked['gpc-transactions-2024.csv'][0]).toBe('procurement-card-transactions');
    expect(picked['gpc-transactions-2024.csv'][1]).toContain("the file's name points to procurement-card-transactions");
    expect(picked['payments.csv'][0]).toBe('spend-over-500');
    expect(picked['payments.csv'][1]).toContain('the same columns, but spend-over-500 leaves fewer of its fields out');
  });

  it('lets values written with a dataset prefix settle a near tie', () => {
    const profiles: StandardProfile[] = [
      { id: 'conservation-area', version: '1', title: 'CA', fields: [field('reference', true), field('name'), field('entry-date', true), field('geometry')] },
      { id: 'article-4-direction', version: '1', title: 'A4', fields: [field('reference', true), field('name'), field('entry-date', true), field('description')] },
    ];
    const rows = [
      ['reference', 'name', 'entry-date'],
      ['conservation-area:CA01', 'Old Town', '2024-01-01'],
    ];
    const d = detectStandard([{ rows, profiles }], 'column', 'export.csv');
    expect(d.found && d.best.id).toBe('conservation-area');
    expect(d.reason).toContain('its values (conservation-area: references) point to conservation-area');
    const plain = [
      ['reference', 'name', 'entry-date'],
      ['CA01', 'Old Town', '2024-01-01'],
    ];
    expect(detectStandard([{ rows: plain, profiles }], 'column', 'export.csv').found).toBe(false);
  });

  it('reads a column by its words, as header matching does', () => {
    const d = detectStandard([
      { rows: [['Org. Label', 'Site', 'No. of Plots', 'Waiting List']], profiles: [{ ...PROFILES[0]!, fields: [...PROFILES[0]!.fields, field('NumberOfPlots')] }, PROFILES[1]!] },
    ]);
    expect(d.found && d.best).toMatchObject({ id: 'plots', matched: 4 });
  });

  it('does not guess between two standards that fit about equally well', () => {
    const profiles: StandardProfile[] = [PROFILES[0]!, { ...PROFILES[0]!, id: 'plots-copy' }];
    const d = detectStandard([{ rows: [['SiteName', 'PlotCount', 'WaitingList', 'Rent', 'Extra']], profiles }]);
    expect(d.found).toBe(false);
    expect(d.reason).toBe('its columns fit plots and plots-copy about equally well (4 of 5 columns and 4 of 5 columns)');
  });

  it('takes, of two standards explaining the same columns, the one that leaves fewer of its fields out', () => {
    const d = detectStandard([{ rows: [['BranchName', 'LoanMonth', 'Loans']], profiles: PROFILES }]);
    expect(d.found && d.best.id).toBe('loans');
    const withFines = detectStandard([{ rows: [['BranchName', 'LoanMonth', 'Loans', 'FinesTaken']], profiles: PROFILES }]);
    expect(withFines.found && withFines.best.id).toBe('loans-plus');
  });

  it('does not pick a standard when the file lacks half or more of its required fields', () => {
    const d = detectStandard([{ rows: [['Site', 'Rent']], profiles: PROFILES }]);
    expect(d.found).toBe(false);
    expect(d.found ? undefined : d.candidates.map((c) => c.id)).toEqual(['plots']);
  });

  it('lets the file name settle a tie short of a clear fit', () => {
    // Payment columns spend and card transactions share, among columns neither knows.
    const shared = [field('PaymentDate', true), field('Amount', true), field('BeneficiaryName', true), field('Purpose', true)];
    const profiles: StandardProfile[] = [
      { id: 'spend-over-500', version: '1', title: 'Spend', fields: [...shared, field('TransactionNumber')] },
      { id: 'procurement-card-transactions', version: '1', title: 'Card', fields: [...shared, field('MerchantCategoryCode')] },
    ];
    const rows = [['PaymentDate', 'Amount', 'BeneficiaryName', 'Ledger', 'Cost Centre', 'Batch', 'Period']];
    const named = detectStandard([{ rows, profiles }], 'column', '/data/north-tyneside-spend-2014-05.csv');
    expect(named.found && named.best.id).toBe('spend-over-500');
    expect(named.reason).toContain("and the file's name points to spend-over-500");
    expect(detectStandard([{ rows, profiles }], 'column', '/data/export.csv').found).toBe(false);
  });

  it('takes a clear leader lacking required columns only when the file name names it too', () => {
    const profiles: StandardProfile[] = [{ ...PROFILES[0]!, id: 'public-toilets' }, PROFILES[1]!];
    const rows = [['Site', 'Rent', 'Notes']];
    const named = detectStandard([{ rows, profiles }], 'column', '/data/barking-public-toilets.csv');
    expect(named.found && named.best.id).toBe('public-toilets');
    expect(named.reason).toMatch(/^2 of 3 columns are fields of public-toilets, fewer than a clear fit needs, and the file's name points to it/);
    expect(detectStandard([{ rows, profiles }], 'column', '/data/export.csv').found).toBe(false);
  });

  it("says so when no column is any standard's", () => {
    expect(detectStandard([{ rows: [['a', 'b']], profiles: PROFILES }]).reason).toBe('none of its 2 columns is a field of any standard conform knows');
    expect(detectStandard([{ rows: [], profiles: PROFILES }]).reason).toBe('it has no column names to go by');
  });
});

describe('--standard auto on the command line', () => {
  const plots = 'OrganisationLabel,AllotmentSiteName,PlotCount,WaitingListLength\nTestshire Council,Hill Road,40,12\nTestshire Council,Mill Lane,x,3\n';

  it('is the default: it checks each file against the standard it detected, and says why', async () => {
    const dir = tree({ 'plots.csv': plots, 'spend.csv': spendCsv(4, { rows: 3 }).text });
    const { code, report: r } = await report(['plots.csv', 'spend.csv', '--standards-dir', TEST_STANDARDS, '--jobs', '1'], { cwd: dir });
    expect(code).toBe(1);
    expect(r.files[0].standard).toMatchObject({
      id: 'test-allotment-sites',
      version: '1.0',
      detected: { from: 'header', matched: 4, columns: 4, reason: expect.stringMatching(/^4 of 4 columns are fields of test-allotment-sites \(with 3 of its 3 required fields\)/) },
    });
    expect(r.files[0].byCode).toEqual({ 'value-type': 1 });
    expect(r.files[1].standard).toMatchObject({ id: 'spend-over-500', detected: { from: 'header', matched: 10, columns: 10 } });
  });

  it('shows in the terminal report which standard it picked', async () => {
    const dir = tree({ 'plots.csv': plots });
    const { stdout } = await cli(['validate', 'plots.csv', '--standards-dir', TEST_STANDARDS], { cwd: dir });
    expect(stdout).toContain(
      '✖ plots.csv\n  test-allotment-sites 1.0 · 2 rows · CSV, UTF-8\n  standard detected from the file: 4 of 4 columns are fields of\n  test-allotment-sites (with 3 of its 3 required fields)',
    );
  });

  it('reports a file no standard fits as a finding that says what to do, and checks the others', async () => {
    const dir = tree({ 'colours.csv': 'Colour,Shape,OrganisationLabel\nred,round,Testshire Council\n', 'spend.csv': spendCsv(5, { rows: 2 }).text });
    const { code, report: r } = await report(['colours.csv', 'spend.csv', '--jobs', '1'], { cwd: dir });
    expect(code).toBe(1);
    const [colours, spend] = r.files;
    expect(colours).toMatchObject({ path: 'colours.csv', standard: null, passed: false, rows: 0, format: 'csv', encoding: 'utf-8', byCode: { 'standard-undetected': 1 } });
    expect(colours.issues).toEqual([
      {
        code: 'standard-undetected',
        severity: 'error',
        message: expect.stringMatching(
          /^The file was not checked: conform cannot tell which standard it follows, because few of its columns are fields of any standard conform knows \(the closest, [a-z0-9-]+, has 1 of 3 columns\)\. Choose one with --standard <id>, or give these files a standard in conform\.config\.yaml$/,
        ),
      },
    ]);
    expect(spend).toMatchObject({ passed: true, standard: { id: 'spend-over-500' } });
  });

  it('lists the closest standards when several come near', async () => {
    const dir = tree({ 'loans.csv': 'LibraryBranchName,AllotmentSiteName,PlotCount,LoanMonth,Colour,Shape\nA,B,1,2024-01,red,round\n' });
    const { report: r } = await report(['loans.csv', '--standards-dir', TEST_STANDARDS], { cwd: dir });
    expect(r.files[0].issues[0].message).toContain(
      'because no standard fits its columns clearly; the closest are test-library-loans (2 of 6 columns), test-allotment-sites (2 of 6 columns).',
    );
  });

  it('reports files that are not data before trying to detect anything', async () => {
    const dir = tree({ 'empty.csv': '', 'page.csv': '<!DOCTYPE html><html><body>Not found</body></html>' });
    const { report: r } = await report(['empty.csv', 'page.csv', 'gone.csv', '--jobs', '1'], { cwd: dir });
    expect(r.files.map((f: any) => [f.path, f.issues.map((i: any) => i.code)])).toEqual([
      ['empty.csv', ['file-empty']],
      ['page.csv', ['format-invalid']],
      ['gone.csv', ['file-unreadable']],
    ]);
  });

  it('detects JSON documents from their top-level keys and JSON records from their keys', async () => {
    const dir = tree({
      'plots.json': JSON.stringify([{ AllotmentSiteName: 'Hill Road', PlotCount: 40, WaitingListLength: 12 }]),
      'plots.ndjson': '{"AllotmentSiteName": "Mill Lane", "PlotCount": 8, "WaitingListLength": 0}\n',
    });
    const { code, report: r } = await report(['.', '--standards-dir', TEST_STANDARDS, '--jobs', '1'], { cwd: dir });
    expect(code).toBe(0);
    expect(r.files.map((f: any) => [f.path, f.standard.id, f.standard.detected.from, f.standard.detected.reason.split(' (')[0]])).toEqual([
      ['plots.json', 'test-allotment-sites', 'keys', '3 of 3 keys are fields of test-allotment-sites'],
      ['plots.ndjson', 'test-allotment-sites', 'keys', '3 of 3 keys are fields of test-allotment-sites'],
    ]);
  });
});

/** Corpus data files and the standard each follows. Standards not bundled (yet) are skipped with a note. */
const CORPUS_STANDARDS: Array<[string, string]> = [
  ['lga-spend/data/oxford/expenditure-over-500-apr-jun-2014.csv', 'spend-over-500'],
  ['lga-spend/data/oxford/expenditure-over-500-jan-mar-2015.csv', 'spend-over-500'],
  ['lga-spend/data/oxford/expenditure-over-500-oct-dec-2014.csv', 'spend-over-500'],
  ['lga-spend/data/oxford/expenditure-over-500-jan-mar-2017.csv', 'spend-over-500'],
  ['lga-spend/data/oxford/expenditure-over-500-jul-sep-2017.csv', 'spend-over-500'],
  ['lga-spend/data/gmdsp/tameside-spend-2014-07.csv', 'spend-over-500'],
  ['lga-spend/data/gmdsp/tameside-spend-2014-09.csv', 'spend-over-500'],
  ['lga-spend/data/gmdsp/trafford-spend-2014-07.first5000.csv', 'spend-over-500'],
  ['lga-spend/data/gmdsp/trafford-spend-2014-09.first5000.csv', 'spend-over-500'],
  ['lga-spend/data/trafford/trafford-supplier-spend-2026-27.first5000.csv', 'spend-over-500'],
  ['lga-spend/data/trafford/government_procurement_card_transactions_2026-27.csv', 'procurement-card-transactions'],
  // The four registers use all 28 columns of the July 2017 template, whose standard they follow.
  ['brownfield-land/data/brentwood-brownfield.from-xlsm.csv', 'brownfield-land-2017'],
  ['brownfield-land/data/north-kesteven-brownfield.csv', 'brownfield-land-2017'],
  ['brownfield-land/data/winchester-brownfield.validator-test.csv', 'brownfield-land-2017'],
  ['brownfield-land/data/yorkshire-dales-brownfield.from-xlsx.csv', 'brownfield-land-2017'],
  ['lga-public-toilets/data/example-public-toilets.rbkc.csv', 'public-toilets'],
  ['lga-public-toilets/data/adur-public-toilets.qsv-modified.csv', 'public-toilets'],
  ['lga-public-toilets/data/adur-public-toilets-valid.qsv.csv', 'public-toilets'],
  ['lga-planning-applications/data/example-planning-applications.hampshire.csv', 'planning-applications'],
  ['lga-premises-licences/data/example-premises-licences.nottingham.cp1252.csv', 'premises-licences'],
  ['lga-land-assets/data/trafford/trafford_land_and_building_assets.csv', 'land-and-building-assets'],
  ['lga-counter-fraud/data/trafford/trafford_counter_fraud.csv', 'counter-fraud'],
  ['lga-senior-salaries/data/trafford/senior_salaries_count.csv', 'senior-salary-count'],
  ['lga-senior-salaries/data/trafford/senior_salaries_employees.csv', 'senior-salaries'],
  ['lga-organisation-structure/data/trafford/trafford_council_organisation_structure.csv', 'organisation-structure'],
  ['lga-pay-multiples/data/trafford/pay_multiple.csv', 'pay-multiples'],
  ['lga-trade-union-facility-time/data/trafford/trade_union_facility_time.csv', 'trade-union-facility-time'],
  ['openreferral-uk/data/csv/services.csv', 'open-referral-uk'],
  ['openreferral-uk/data/csv/organizations.csv', 'open-referral-uk-organizations'],
  ['openreferral-uk/data/csv/locations.csv', 'open-referral-uk-locations'],
  ['360giving/data/grantnav/wolfson.json', '360giving'],
  ['360giving/data/trafford/trafford_council_voluntary_sector_grants.json', '360giving'],
  ['ocds/data/ocdskit-realdata/release-package_1.1-2.json', 'ocds-release-package'],
  ['ocds/data/fictional-example/ocds-213czf-000-00001.release-package.json', 'ocds-release-package'],
];

/** Corpus files of tables no bundled standard describes: detection must say so, not guess. */
const CORPUS_WITHOUT_STANDARD = [
  'openreferral-uk/data/service_at_location_full.json',
  'ocds/data/flat-template/awards.csv',
  'trafford-parking/data/trafford/off_street_parking_spaces.csv',
  'lga-spend/data/oxford/datapackage.json',
];

describe.skipIf(!hasCorpus)('--standard auto on the corpus', () => {
  const known = new Set(new Registry().list().map((e) => e.id));
  const present = CORPUS_STANDARDS.filter(([, id]) => known.has(id));
  const absent = [...new Set(CORPUS_STANDARDS.filter(([, id]) => !known.has(id)).map(([, id]) => id))];
  if (absent.length) console.log(`Standard detection on the corpus: not bundled, so not tested: ${absent.join(', ')}`);

  it('picks the standard each real file follows', async () => {
    const { report: r } = await report([...present.map(([file]) => file), '--jobs', '2'], { cwd: CORPUS });
    const picked = r.files.map((f: any) => [f.path, f.standard?.id ?? f.issues[0].message]);
    expect(picked).toEqual(present.map(([file, id]) => [file, id]));
  });

  it('takes the nested ORUK service for one service, not for a holder of its first nested list', async () => {
    // A JSON object with keys of its own is one record with lists nested in it: its schedules[0] says
    // nothing about which standard the file is, so only the whole document is compared, and it is a service.
    const file = 'openreferral-uk/data/service_full.json';
    const { report: r } = await report([file], { cwd: CORPUS });
    expect(r.files[0].standard.id).toBe('open-referral-uk-service');
    expect(r.files[0].issues).toEqual([]);
  });

  it('picks none for files of tables no bundled standard describes', async () => {
    const { report: r } = await report([...CORPUS_WITHOUT_STANDARD, '--jobs', '1'], { cwd: CORPUS });
    expect(r.files.map((f: any) => [relative(CORPUS, join(CORPUS, f.path)), f.standard?.id ?? null, f.issues[0]?.code])).toEqual(
      CORPUS_WITHOUT_STANDARD.map((file) => [file, null, 'standard-undetected']),
    );
  });
});
if (!hasCorpus) console.log('Standard detection on the corpus: skipped, ../shared/corpus is not there');
