// The commands that show standards: `standards list`, `standards show` and `template`, run as a user
// would run them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../src/commands/template.js';
import { describeStandard } from '../../src/commands/describe-standard.js';
import { loadStandardFile } from '../../src/standards/load.js';
import { VERSION } from '../../src/version.js';
import { cli, FIXTURES, report, scratch } from '../helpers.js';

const LGA = [
  'contracts',
  'counter-fraud',
  'election-results',
  'land-and-building-assets',
  'organisation-structure',
  'pay-multiples',
  'planning-applications',
  'premises-licences',
  'procurement-card-transactions',
  'public-toilets',
  'senior-salaries',
  'senior-salary-count',
  'trade-union-facility-time',
];

/** A folder holding one small standard of the user's own, in two versions. */
function ownStandards(): string {
  const schema = (version: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      'x-standard': { id: 'allotments', version, title: 'Allotment sites', publisher: 'Anytown Council' },
      type: 'object',
      required: ['SiteName'],
      properties: { SiteName: { type: 'string', examples: ['Moss Lane'] }, Plots: { type: 'integer', minimum: 0, examples: [40] }, ...extra },
    });
  return scratch({ 'allotments-1.0.json': schema('1.0'), 'allotments-1.10.json': schema('1.10', { Waiting: { type: 'integer' } }) });
}

describe('conform standards list', () => {
  it('lists every bundled standard with its version, title and publisher', async () => {
    const { code, stdout } = await cli(['standards', 'list']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^id\s+version\s+title\s+publisher$/);
    for (const id of LGA) expect(lines.some((l) => l.startsWith(`${id} `))).toBe(true);
    expect(lines.find((l) => l.startsWith('public-toilets '))).toMatch(/^public-toilets\s+1\.0\s+Public toilets\s+Local Government Association \(esd standards\)$/);
    expect(stdout).toContain('"conform standards show <id>"');
  });

  it('is what "conform standards" does on its own', async () => {
    expect((await cli(['standards'])).stdout).toBe((await cli(['standards', 'list'])).stdout);
  });

  it('prints an array with --format json', async () => {
    const { code, stdout } = await cli(['standards', 'list', '--format', 'json']);
    expect(code).toBe(0);
    const list = JSON.parse(stdout);
    expect(Array.isArray(list)).toBe(true);
    expect(list.find((s: any) => s.id === 'contracts')).toMatchObject({
      id: 'contracts',
      version: '1.0',
      title: 'Contracts',
      publisher: 'Local Government Association (esd standards)',
      mode: 'records',
      bundled: true,
    });
  });

  it('adds the standards of each --standards-dir, newest version first, and says where they are from', async () => {
    const dir = ownStandards();
    const { stdout } = await cli(['standards', 'list', '--standards-dir', dir]);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^id\s+version\s+title\s+publisher\s+from$/);
    const own = lines.filter((l) => l.startsWith('allotments '));
    expect(own).toHaveLength(2);
    expect(own[0]).toMatch(/^allotments\s+1\.10\s+Allotment sites\s+Anytown Council\s+.*allotments-1\.10\.json$/);
    expect(own[1]).toMatch(/^allotments\s+1\.0\s/);
    expect(lines.find((l) => l.startsWith('contracts '))).toMatch(/\sbundled$/);
  });

  it('refuses a format it does not have', async () => {
    const { code, stderr } = await cli(['standards', 'list', '--format', 'xml']);
    expect(code).toBe(2);
    expect(stderr).toBe('conform: --format must be one of table, json (got "xml")\n');
  });
});

describe('conform standards show', () => {
  it("shows each field's type, requirement, rules, example and other names", async () => {
    const { code, stdout } = await cli(['standards', 'show', 'land-and-building-assets']);
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      'Land and building assets 1.0 (land-and-building-assets)',
      "  The council's land and building assets: one row per asset, with its address, location, tenure and use.",
      '',
    ]);
    expect(stdout).toContain('29 fields, 12 required:');
    expect(stdout).toContain(
      [
        'HoldingType',
        '  required · text',
        '  Whether the asset is buildings only, land only, or land with buildings.',
        '  must be one of "Buildings Only", "Land Only", "Land/Buildings"',
        '  example: Land/Buildings',
        '  also read from: Asset Type',
      ].join('\n'),
    );
    expect(stdout).toContain(
      'ApplicableDate\n  optional · text\n  The date on which the information was true, written as YYYY-MM-DD.\n  must be a date written as YYYY-MM-DD or a date and time such as 2024-03-31T09:30:00Z\n',
    );
    expect(stdout).toContain('UPRN — Unique property reference number\n'); // the published title, where it says more than the name
    expect(stdout).toContain('  checked as a warning only\n');
    expect(stdout).toContain('No two rows may have the same AssetCode.');
    expect(stdout).toContain('Notes\n  • ApplicableDate is an XSD dateTime');
  });

  it('shows lists with their separator and a column that may be empty', async () => {
    const planning = (await cli(['standards', 'show', 'planning-applications'])).stdout;
    expect(planning).toContain('ClassificationURI\n  optional · a list of text items separated by |\n');
    expect(planning).toContain(
      '  example: http://opendatacommunities.org/def/concept/planning/application/6000/6027|http://opendatacommunities.org/def/concept/planning/application/6000/6012\n',
    );
    expect(planning).toContain('ResponsesFor\n  optional · a whole number\n  The number of comments in support received during the consultation.\n  must be at least 0\n');
    const election = (await cli(['standards', 'show', 'election-results'])).stdout;
    expect(election).toContain('CandidateUsedSurname\n  required column, may be empty · text\n');
  });

  it('writes Markdown a council can publish as guidance', async () => {
    const { code, stdout } = await cli(['standards', 'show', 'pay-multiples', '--format', 'markdown']);
    expect(code).toBe(0);
    const expected = readFileSync(join(FIXTURES, 'standards', 'pay-multiples', 'show.md'), 'utf8').replace('{version}', VERSION);
    expect(stdout).toBe(expected);
  });

  it('escapes the pipes of patterns and lists inside Markdown tables', async () => {
    const { stdout } = await cli(['standards', 'show', 'premises-licences', '-f', 'markdown']);
    const row = stdout.split('\n').find((l) => l.startsWith('| `SupervisorPostcode` |'))!;
    // A pattern with a pipe is escaped text in <code>, not a code span (whose pipe renderers disagree on).
    expect(row).toContain('<code>^(\\[A-PR-UWYZ\\](\\[0-9\\]\\[0-9\\]?\\|');
    expect(row).toContain('{1,2}\\[0-9\\]\\[ABD-HJLNP-UW-Z\\]{2}\\|GIR {1,2}0AA\\|BFPO {1,2}\\[0-9\\]{1,4})\\$</code>');
    // Six columns: the escaped pipe does not split a cell.
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(8);
    expect(stdout).toContain('| `EntertainmentTypeLabel` | optional | a list of text items separated by \\| |');
  });

  it('prints the description as JSON with --format json', async () => {
    const { code, stdout } = await cli(['standards', 'show', 'planning-applications', '-f', 'json']);
    expect(code).toBe(0);
    const d = JSON.parse(stdout);
    expect(d).toMatchObject({ id: 'planning-applications', version: '1.0', title: 'Planning applications', mode: 'records', uniqueKeys: [['OrganisationURI', 'CaseReference']] });
    expect(d.notes.length).toBeGreaterThan(3);
    const field = (name: string) => d.fields.find((f: any) => f.name === name);
    expect(field('ExtractDate')).toMatchObject({ required: true, types: ['string'], patterns: [expect.stringMatching(/^\^\(0\[1-9\]/)], examples: ['01/06/2014'] });
    expect(field('ClassificationLabel')).toMatchObject({ types: ['array'], separator: '|', typeWords: 'a list of text items separated by |' });
    expect(field('ResponsesAgainst')).toMatchObject({ types: ['integer'], minimum: 0, required: false });
    expect(field('DecisionType').allowedValues).toEqual(['Delegated powers', 'Case officer', 'Planning committee']);
    expect(field('CaseURL')).toMatchObject({ formats: ['uri'], aliases: ['Application URL', 'URL', 'Link'] });
  });

  it('shows a standard from a --standards-dir, by id and version', async () => {
    const dir = ownStandards();
    const { code, stdout } = await cli(['standards', 'show', 'allotments@1.0', '--standards-dir', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('Allotment sites 1.0 (allotments)');
    expect(stdout).toContain('2 fields, 1 required:');
    expect(stdout).not.toContain('Waiting');
  });

  it('shows a schema given by its path, with severities set per issue code', async () => {
    const dir = scratch({
      'codes.json': JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        'x-standard': { id: 'codes', version: '2' },
        type: 'object',
        properties: { Code: { type: 'string', pattern: '^[0-9]{8}$', 'x-severity': { 'value-pattern': 'warning' } } },
      }),
    });
    const { code, stdout } = await cli(['standards', 'show', 'codes.json'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('Code\n  optional · text\n  must match the pattern ^[0-9]{8}$\n  value-pattern issues are warnings only\n');
  });

  it('says which standard was meant when the id is unknown', async () => {
    const { code, stdout, stderr } = await cli(['standards', 'show', 'contract']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('conform: Unknown standard "contract". Did you mean "contracts"? Run "conform standards list" to see them all, or give the path of a JSON Schema file\n');
  });
});

describe('conform template', () => {
  it('prints the header row of a standard', async () => {
    const { code, stdout } = await cli(['template', 'pay-multiples']);
    expect(code).toBe(0);
    expect(stdout).toBe('Ratio,OrganisationType\n');
  });

  it('adds a row of examples, quoting cells that need it and joining lists with their separator', async () => {
    const { stdout } = await cli(['template', 'premises-licences', '--example']);
    const [header, example] = stdout.split('\n');
    expect(header!.split(',')).toHaveLength(36);
    expect(example).toMatch(/^25\/05\/2014,http:\/\/opendatacommunities\.org\/id\/county-council\/nottinghamshire,Nottinghamshire,36727,/);
    expect(example).toContain(',"1 Castle Road, Nottingham",NG1 6AA,');
    expect(example).toContain(',Recorded music|Performances of dance,true,true,');
  });

  it.each(LGA)('makes an example row that the %s standard passes', async (id) => {
    const dir = scratch();
    const written = await cli(['template', id, '--example', '-o', 'template.csv'], { cwd: dir });
    expect(written.code).toBe(0);
    const { code, report: r } = await report([join(dir, 'template.csv'), '-s', id]);
    expect(r.files[0].issues).toEqual([]);
    expect(r.files[0].rows).toBe(1);
    expect(code).toBe(0);
  });

  it('writes the file with -o, relative to where it is run, and says so', async () => {
    const dir = scratch();
    const { code, stdout } = await cli(['template', 'senior-salary-count', '-o', 'counts.csv'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toBe('Wrote counts.csv: the 5 columns of Count of senior salaries 1.0\n');
    expect(readFileSync(join(dir, 'counts.csv'), 'utf8')).toBe('OrganisationLabel,OrganisationURI,ApplicableDate,RemunerationBand,EmployeeCount\n');
  });

  it('fails with a one-line message when the file cannot be written', async () => {
    const dir = scratch();
    const { code, stderr } = await cli(['template', 'contracts', '-o', join(dir, 'missing', 'contracts.csv')]);
    expect(code).toBe(2);
    expect(stderr).toBe(`conform: Cannot write ${join(dir, 'missing', 'contracts.csv')}: the folder does not exist\n`);
  });

  it('has no template for a standard of whole JSON documents', async () => {
    const dir = scratch({
      'grants.json': JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        'x-standard': { id: 'grants', version: '1', title: 'Grants' },
        type: 'object',
        required: ['grants'],
        properties: { grants: { type: 'array', items: { type: 'object' } } },
      }),
    });
    const { code, stderr } = await cli(['template', 'grants', '--standards-dir', dir]);
    expect(code).toBe(2);
    expect(stderr).toBe('conform: Grants (grants) describes whole JSON documents, not rows of a table, so it has no CSV template\n');
  });

  it('says which standard was meant when the id is unknown', async () => {
    const { code, stderr } = await cli(['template', 'toilets']);
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown standard "toilets"');
  });
});

describe('csvLine', () => {
  it.each([
    [['a', 'b'], 'a,b'],
    [['a,b', 'c'], '"a,b",c'],
    [['say "hi"'], '"say ""hi"""'],
    [['two\nlines', ''], '"two\nlines",'],
    [[' padded'], '" padded"'],
  ])('writes %j as %j', (cells, line) => {
    expect(csvLine(cells)).toBe(line);
  });
});

describe('describeStandard', () => {
  it('gathers rules from alternatives and local references', async () => {
    const dir = scratch({
      's.json': JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $defs: { code: { type: 'string', pattern: '^[A-Z]{3}$' } },
        type: 'object',
        required: ['Code'],
        properties: {
          Code: { $ref: '#/$defs/code' },
          When: { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }] },
          Tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, 'x-separator': '|' },
          Size: { type: ['number', 'null'], exclusiveMinimum: 0 },
          Ward: { type: 'string', 'x-codelist': { source: 'wards.csv', column: 'code' } },
        },
      }),
      'wards.csv': 'code,name\nE05000001,North\n',
    });
    const d = describeStandard(await loadStandardFile(join(dir, 's.json')));
    expect(d.fields.map((f) => [f.name, f.typeWords, f.required])).toEqual([
      ['Code', 'text', true],
      ['When', 'text', false],
      ['Tags', 'a list of text items separated by |', false],
      ['Size', 'a number', false],
      ['Ward', 'text', false],
    ]);
    expect(d.fields[0]!.patterns).toEqual(['^[A-Z]{3}$']);
    expect(d.fields[1]!.formats).toEqual(['date', 'date-time']);
    expect(d.fields[2]!.allowedValues).toEqual(['a', 'b']);
    expect(d.fields[3]).toMatchObject({ nullable: true, exclusiveMinimum: 0 });
    // Shown as the schema names it, not by the absolute path it was found at.
    expect(d.fields[4]!.codelist).toEqual({ source: 'wards.csv', column: 'code', open: undefined });
  });
});
