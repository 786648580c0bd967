// The OCDS record package: records of linked or embedded releases, each record a row of the report.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { report, ROOT, scratch } from '../helpers.js';

const EXAMPLE = join(ROOT, 'schemas', 'ocds-record-package', 'example.json');
const RELEASES = JSON.parse(readFileSync(join(ROOT, 'schemas', 'ocds-release-package', 'example.json'), 'utf8'));

function packageFile(change: (pkg: any) => void): string {
  const pkg = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
  change(pkg);
  const file = join(scratch(), 'records.json');
  writeFileSync(file, JSON.stringify(pkg, null, 2));
  return file;
}

describe('ocds-record-package', () => {
  it('is what --standard auto picks for a record package, and its example passes', async () => {
    const { code, report: r } = await report([EXAMPLE]);
    expect(r.files[0].standard.id).toBe('ocds-record-package');
    expect(r.files[0].issues).toEqual([]);
    expect(code).toBe(0);
  });

  it('accepts a record whose releases are embedded whole', async () => {
    const file = packageFile((pkg) => (pkg.records[0].releases = RELEASES.releases));
    const { code, report: r } = await report([file, '--standard', 'ocds-record-package']);
    expect(r.files[0].issues).toEqual([]);
    expect(code).toBe(0);
  });

  it('numbers issues by record, and fails a record without an ocid or with a bad release tag', async () => {
    const file = packageFile((pkg) => {
      pkg.records.push({ ...pkg.records[0], ocid: undefined });
      pkg.records[0].releases[0].tag = ['finished'];
    });
    const { code, report: r } = await report([file, '--standard', 'ocds-record-package']);
    expect(code).toBe(1);
    const found = r.files[0].issues.map((i: any) => [i.code, i.row]);
    expect(found).toContainEqual(['value-missing', 2]);
    expect(found.some(([, row]: [string, number]) => row === 1)).toBe(true);
  });

  it('fails a release package with records missing', async () => {
    const { code, report: r } = await report([join(ROOT, 'schemas', 'ocds-release-package', 'example.json'), '--standard', 'ocds-record-package']);
    expect(code).toBe(1);
    expect(r.files[0].issues.map((i: any) => i.code)).toEqual(['value-missing']);
  });
});
