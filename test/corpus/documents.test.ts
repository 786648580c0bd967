// Real published files, checked against the bundled planning and document standards. Each file's issue
// counts by code were reviewed by reading the report; the comment says why that result is right. The
// corpus is read from ../shared/corpus and is not part of the project: without it these tests are skipped.
import { describe, expect, it } from 'vitest';
import { CORPUS, hasCorpus, report, type CorpusCase } from '../helpers.js';

if (!hasCorpus) console.log(`Skipping the document-standard corpus tests: ${CORPUS} is not there`);

const CASES: CorpusCase[] = [
  // ---- brownfield-land: 2017-template registers checked against the current specification. Where the
  // planning data platform accepts a value (it fills the dwelling range from MinNetDwellings, converts
  // Ordnance Survey grid references, swaps a latitude and longitude given the wrong way round, strips
  // spaces), it is a warning with the repair; a register fails only on what every source calls wrong.
  {
    file: 'brownfield-land/data/brentwood-brownfield.from-xlsm.csv',
    standard: 'brownfield-land',
    rows: 50,
    byCode: { 'header-unknown': 7, 'value-range': 100, 'value-missing': 100, 'row-rule': 1, 'key-duplicate': 1, 'value-invalid': 2 },
    verdict: 'fails',
    why:
      'Brentwood fails on two things every source agrees are wrong: site 15/01084/FUL is listed twice (rows 7 and 16, key-duplicate), and ' +
      "row 23's grid reference (37414.47, 561879.06) lands in the Channel whichever way round it is read (2 value-range errors). " +
      "Warnings: the other 49 rows' GeoX/GeoY are OSGB36 eastings and northings (98 value-range, each with the converted longitude or latitude); " +
      'NetDwellingsRangeFrom/To are empty in all 50 rows because the 2017 template filled MinNetDwellings instead (100 value-missing, filled from it); ' +
      'the 7 template columns the specification dropped (PreviouslyPartOf, CoordinateReferenceSystem, ProposedForPIP, DevelopmentDescription, ' +
      'NonHousingDevelopment, Part2, SiteInformation); row 4 is permissioned with no PermissionDate; ' +
      'two site references ("14/01247/FUL  ") and three notes end in spaces (one value-invalid per column). The "^" in its site-plan links is accepted.',
  },
  {
    file: 'brownfield-land/data/north-kesteven-brownfield.csv',
    standard: 'brownfield-land',
    rows: 2,
    byCode: { 'header-unknown': 7, 'value-format': 2, 'value-range': 4, 'value-missing': 4, 'row-rule': 1 },
    verdict: 'passes',
    why:
      'North Kesteven passes with warnings: GeoX and GeoY are swapped (GeoX 53.000879 is a latitude, GeoY -0.393631 a longitude), which the ' +
      'platform swaps back (4 value-range, each with the swap); OrganisationURI, a SHOULD field, ends with a space in both rows (value-format); ' +
      'the dwelling range is empty and filled from MinNetDwellings (4 value-missing); row 2 is permissioned without a PermissionDate; ' +
      'the 7 dropped template columns.',
  },
  {
    file: 'brownfield-land/data/winchester-brownfield.validator-test.csv',
    standard: 'brownfield-land',
    rows: 2,
    byCode: { 'header-unknown': 7, 'value-format': 2, 'value-type': 1, 'value-range': 3, 'value-enum': 2, 'value-missing': 4 },
    verdict: 'fails',
    why:
      'Winchester (errors planted by digital-land for their validator) fails on them: SiteplanURL "not-a-url" and a PlanningHistory list whose ' +
      'second item is not a URL (2 value-format); GeoX "not-a-geox" (value-type), which leaves its northing 139531 alone and out of range; ' +
      'Deliverable "Y" and PlanningStatus "Permissioned" (2 value-enum, both with a repair). Warnings: row 2\'s OSGB36 447560, 130729 under a ' +
      '"WGS84" label (2 value-range, converted); the empty dwelling range in both rows (4 value-missing, filled); the 7 dropped template columns.',
  },
  {
    file: 'brownfield-land/data/yorkshire-dales-brownfield.from-xlsx.csv',
    standard: 'brownfield-land',
    rows: 8,
    byCode: { 'header-unknown': 7, 'header-mismatch': 1, 'value-format': 15, 'value-missing': 16 },
    verdict: 'passes',
    why:
      'Yorkshire Dales passes with warnings: a trailing space inside OrganisationURI (a SHOULD field) in all 8 rows and inside 7 of the 8 ' +
      'SitePlanURL cells, which the platform strips (15 value-format, each with a trim repair); the column is written SitePlanURL, not ' +
      'SiteplanURL (header-mismatch); empty dwelling range in all 8 rows, filled from MinNetDwellings (16 value-missing); the 7 dropped ' +
      'template columns. Its coordinates are proper ETRS89 longitude/latitude and pass.',
  },

  // ---- 360giving: grant packages
  {
    file: '360giving/data/trafford/trafford_council_voluntary_sector_grants.json',
    standard: '360giving',
    rows: 555,
    byCode: {},
    why: 'Trafford: a real, conforming 360Giving publication; its currency (GBP), countryCode (GB) and geoCodeType (MD) are all in the code lists.',
  },
  {
    file: '360giving/data/grantnav/wolfson.json',
    standard: '360giving',
    rows: 379,
    byCode: { 'value-format': 758 },
    why: 'Wolfson: 379 grants each with awardDate written 05/06/2014 (dd/mm/yyyy) and dateModified "17/08/2015 00:00", neither an ISO date or date-time. Its extra keys ("Grant Programme", "Open Call?") are allowed.',
  },
  {
    file: '360giving/data/dataquality-fixtures/fundingproviders-grants_fixed_2_grants.json',
    standard: '360giving',
    rows: 4,
    byCode: { 'value-invalid': 1, 'value-missing': 5, 'value-format': 8 },
    why:
      '360Giving\'s own "fixed" fixture is still invalid against 1.4.3: grants 3 and 4 are identical (uniqueItems, value-invalid at /grants); ' +
      "no grant has a description and grant 1's recipient has no id (5 value-missing); every awardDate is 24/07/2014 and every dateModified " +
      'is a date without time or dd-mm-yyyy (8 value-format).',
  },
  {
    file: '360giving/data/dataquality-fixtures/fundingproviders-grants_broken_grants.json',
    standard: '360giving',
    rows: 4,
    byCode: { 'value-invalid': 1, 'value-missing': 5, 'value-format': 8 },
    why:
      'The "broken" fixture differs from the fixed one only in what the schema allows (a decimal amount, a commitment transaction, ' +
      '"RUBBISH" organisation identifiers, which are plain text to the schema), so it has the same 14 errors.',
  },

  // ---- ocds-release-package
  {
    file: 'ocds/data/fictional-example/ocds-213czf-000-00001.release-package.json',
    standard: 'ocds-release-package',
    rows: 6,
    byCode: {},
    why: "The Open Contracting Partnership's fictional 1.1 example: six releases of one contracting process, valid by design.",
  },
  {
    file: 'ocds/data/fictional-example/ocds-213czf-000-00001-04-award.json',
    standard: 'ocds-release-package',
    rows: 1,
    byCode: {},
    why: 'The award release of the same example, in a package of its own: valid.',
  },
  {
    file: 'ocds/data/ocdskit-realdata/release-package_1.1-2.json',
    standard: 'ocds-release-package',
    rows: 1,
    byCode: {},
    why: 'Paraguay (DNCP): a real OCDS 1.1 release package that conforms; its extra fields (publisher.legalName, publicationPolicy) are allowed.',
  },
  {
    file: 'ocds/data/ocdskit-realdata/release-package_encoding-utf-8.json',
    standard: 'ocds-release-package',
    rows: 3,
    byCode: { 'value-missing': 1 },
    why: 'Mexico City (CDMX-SEFIN): an OCDS 1.0-style package without "version", which 1.1 requires; the three releases themselves pass.',
  },
  {
    file: 'ocds/data/ocdskit-realdata/release-package_encoding-iso-8859-1.json',
    standard: 'ocds-release-package',
    rows: 3,
    byCode: { 'value-missing': 1, 'encoding-not-utf8': 1 },
    why: 'The same Mexico City package saved as ISO-8859-1: read as Windows-1252 (its superset), so the accented text is right and the only extra finding is that it is not UTF-8.',
  },

  // ---- Open Referral UK
  {
    file: 'openreferral-uk/data/service_full.json',
    standard: 'open-referral-uk-service',
    rows: 1,
    byCode: {},
    why: 'The official ORUK example of one full service, with everything nested in it: valid.',
  },
  {
    file: 'openreferral-uk/data/csv/services.csv',
    standard: 'open-referral-uk',
    rows: 1,
    byCode: { 'value-invalid': 1 },
    why: 'The official services.csv ends every line with CR CR LF (a CRLF file converted twice); both CRs belong to the line break, so the one service conforms, and its organization_id is the id in the organizations.csv beside it; its description ends in a space (a warning).',
  },
];

describe.skipIf(!hasCorpus)('real files against the planning and document standards', () => {
  it.each(CASES)('$file ($standard)', async ({ file, standard, rows, byCode, why, verdict }) => {
    const { report: r } = await report([`${CORPUS}/${file}`, '--standard', standard]);
    const f = r.files[0];
    expect(f.rows).toBe(rows);
    expect(f.byCode, why).toEqual(byCode);
    expect(f.passed).toBe(f.counts.error === 0);
    if (verdict) expect(f.passed ? 'passes' : 'fails', why).toBe(verdict);
  });

  it('the files that must pass do pass', async () => {
    for (const [file, standard] of [
      ['360giving/data/trafford/trafford_council_voluntary_sector_grants.json', '360giving'],
      ['ocds/data/fictional-example/ocds-213czf-000-00001.release-package.json', 'ocds-release-package'],
      ['openreferral-uk/data/service_full.json', 'open-referral-uk-service'],
    ]) {
      const { code, report: r } = await report([`${CORPUS}/${file}`, '--standard', standard!]);
      expect(r.files[0].issues, file).toEqual([]);
      expect(code, file).toBe(0);
    }
  });

  it("Wolfson: the first grant's two dates, with their pointers, lines and the ISO 8601 dates to write", async () => {
    const { report: r } = await report([`${CORPUS}/360giving/data/grantnav/wolfson.json`, '--standard', '360giving']);
    const first = r.files[0].issues.filter((i: any) => i.row === 1);
    expect(first.map((i: any) => [i.pointer, i.line, i.value, i.hint])).toEqual([
      ['/grants/0/awardDate', 27, '05/06/2014', "write the date as 2014-06-05 (the awardDate field's other dates put the day first)"],
      ['/grants/0/dateModified', 31, '17/08/2015 00:00', 'write the date and time as 2015-08-17T00:00:00Z (midnight, UTC)'],
    ]);
  });

  it('North Kesteven: the swapped coordinates are warnings in the row and column they are in, with the swap', async () => {
    const { report: r } = await report([`${CORPUS}/brownfield-land/data/north-kesteven-brownfield.csv`, '--standard', 'brownfield-land']);
    const range = r.files[0].issues.filter((i: any) => i.code === 'value-range' && i.row === 1);
    expect(range.map((i: any) => [i.line, i.column, i.columnIndex, i.value, i.severity, i.fix])).toEqual([
      [2, 'GeoX', 8, '53.000879', 'warning', '-0.393631'],
      [2, 'GeoY', 9, '-0.393631', 'warning', '53.000879'],
    ]);
    expect(range[0].hint).toBe(
      'GeoX 53.000879 and GeoY -0.393631 are a latitude and a longitude the wrong way round, which the planning data platform swaps: write -0.393631 here',
    );
  });

  it('Brentwood: each grid reference is converted to longitude and latitude, and the dwelling range filled', async () => {
    const { report: r } = await report([`${CORPUS}/brownfield-land/data/brentwood-brownfield.from-xlsm.csv`, '--standard', 'brownfield-land', '--max-issues', '0']);
    const issues = r.files[0].issues;
    const converted = issues.filter((i: any) => i.code === 'value-range' && i.severity === 'warning');
    expect(converted).toHaveLength(98);
    // Row 1: TQ 59716 93740, Brentwood town centre.
    const first = converted.filter((i: any) => i.row === 1).map((i: any) => [i.column, i.value, i.fix]);
    expect(first).toEqual([
      ['GeoX', '559716.56', '0.305702'],
      ['GeoY', '193740.0', '51.619824'],
    ]);
    expect(converted[0].hint).toMatch(/accurate to about 5 metres/);
    const filled = issues.filter((i: any) => i.code === 'value-missing' && i.row === 1).map((i: any) => [i.column, i.severity, i.fix]);
    expect(filled).toEqual([
      ['NetDwellingsRangeFrom', 'warning', '7'],
      ['NetDwellingsRangeTo', 'warning', '7'],
    ]);
    const errors = issues.filter((i: any) => i.severity === 'error').map((i: any) => [i.code, i.row, i.column]);
    expect(errors).toEqual([
      ['key-duplicate', 16, 'SiteReference'],
      ['value-range', 23, 'GeoX'],
      ['value-range', 23, 'GeoY'],
    ]);
  });

  it('Mexico City: the missing version is reported at the package, on line 1', async () => {
    const { report: r } = await report([`${CORPUS}/ocds/data/ocdskit-realdata/release-package_encoding-utf-8.json`, '--standard', 'ocds-release-package']);
    expect(r.files[0].issues.map((i: any) => [i.code, i.pointer, i.line, i.row])).toEqual([['value-missing', '/version', 1, undefined]]);
  });
});
