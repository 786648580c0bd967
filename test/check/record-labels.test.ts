// Document standards name each issue's record by its own id and its place by the published column title,
// so a publisher can find it in the spreadsheet they keep (360Giving's `Recipient Org:Identifier`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ColumnTitles, recordIdOf } from '../../src/standards/record-labels.js';
import { cli, report, ROOT, scratch } from '../helpers.js';

const example = (id: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', id, 'example.json'), 'utf8'));
const schema = (id: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', id, 'schema.json'), 'utf8'));

describe('column titles as the spreadsheet form writes them', () => {
  const titles = new ColumnTitles({ schema: schema('360giving'), recordsPath: '/grants' });
  it.each([
    ['/grants/0/awardDate', 'Award Date'],
    ['/grants/7/recipientOrganization/0/id', 'Recipient Org:Identifier'],
    ['/grants/1/amountAwarded', 'Amount Awarded'],
  ])('%s is %s', (pointer, title) => expect(titles.of(pointer)).toBe(title));

  it('gives no title to the holder itself or to a place whose path has an untitled part', () => {
    expect(titles.of('/grants')).toBeUndefined();
    expect(titles.of('/grants/0/noSuchProperty')).toBeUndefined();
  });
});

describe('record ids', () => {
  it('joins the named properties, skipping absent ones, and ignores what is not a record', () => {
    const standard = { recordId: ['ocid', 'id'] };
    expect(recordIdOf(standard, { ocid: 'ocds-a-1', id: 'r-2' })).toBe('ocds-a-1 / r-2');
    expect(recordIdOf(standard, { ocid: 'ocds-a-1' })).toBe('ocds-a-1');
    expect(recordIdOf(standard, { other: 1 })).toBeUndefined();
    expect(recordIdOf(standard, ['ocds-a-1'])).toBeUndefined();
    expect(recordIdOf({}, { id: 'x' })).toBeUndefined();
  });
});

describe('issues in document standards', () => {
  it('360Giving: each issue carries the grant id and the column title, and every format shows them', async () => {
    const document = example('360giving');
    document.grants[0].awardDate = '15/04/2024';
    delete document.grants[0].recipientOrganization[0].id;
    const dir = scratch({ 'grants.json': JSON.stringify(document, null, 2) });
    const file = join(dir, 'grants.json');
    const { report: r } = await report([file, '--standard', '360giving']);
    const issues = r.files[0].issues as Array<Record<string, unknown>>;
    const date = issues.find((i) => i.pointer === '/grants/0/awardDate')!;
    expect(date).toMatchObject({ row: 1, record: document.grants[0].id, field: 'Award Date', code: 'value-format' });
    const org = issues.find((i) => i.pointer === '/grants/0/recipientOrganization/0/id')!;
    expect(org).toMatchObject({ record: document.grants[0].id, field: 'Recipient Org:Identifier', code: 'value-missing' });
    expect(r.files[0].groups.map((g: { label: string }) => g.label)).toContain('Award Date (grants[].awardDate)');

    const terminal = await cli(['validate', file, '--standard', '360giving']);
    expect(terminal.stdout).toContain(`id ${document.grants[0].id}`);
    expect(terminal.stdout).toContain('Recipient Org:Identifier (grants[].recipientOrganization[].id)');
    const markdown = await cli(['validate', file, '--standard', '360giving', '-f', 'markdown']);
    expect(markdown.stdout).toContain(`id ${document.grants[0].id}`);
    const csv = await cli(['validate', file, '--standard', '360giving', '-f', 'csv']);
    expect(csv.stdout.split('\r\n').filter((line) => line.endsWith(`,${document.grants[0].id}`))).toHaveLength(2);
    const sarif = JSON.parse((await cli(['validate', file, '--standard', '360giving', '-f', 'sarif'])).stdout);
    expect(sarif.runs[0].results.every((res: { properties: { record?: string } }) => res.properties.record === document.grants[0].id)).toBe(true);
  });

  it('OCDS: issues carry the ocid and the release id', async () => {
    const document = example('ocds-release-package');
    document.releases[0].date = 'yesterday';
    const dir = scratch({ 'releases.json': JSON.stringify(document, null, 2) });
    const { report: r } = await report([join(dir, 'releases.json'), '--standard', 'ocds-release-package']);
    const issue = r.files[0].issues.find((i: { pointer?: string }) => i.pointer === '/releases/0/date');
    expect(issue).toMatchObject({ record: `${document.releases[0].ocid} / ${document.releases[0].id}`, row: 1 });
  });

  it('Open Referral UK records in JSON carry the service id', async () => {
    const services = example('open-referral-uk-service');
    const record = { ...services, status: 'not a status' };
    const dir = scratch({ 'service.json': JSON.stringify(record, null, 2) });
    const { report: r } = await report([join(dir, 'service.json'), '--standard', 'open-referral-uk-service']);
    const issue = r.files[0].issues.find((i: { pointer?: string }) => i.pointer === '/status');
    expect(issue).toMatchObject({ record: services.id });
  });
});
