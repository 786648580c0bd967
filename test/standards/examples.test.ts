// Every bundled standard ships an example file (example.csv, or example.json for a standard of JSON
// documents) that passes it without errors: the example is what a council copies from, so it must be right.
// A table whose keys refer to other tables (Open Referral UK) is checked beside the examples of those
// tables, under the file names its references use, so the references are checked too.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Registry } from '../../src/standards/registry.js';
import { report, scratch } from '../helpers.js';

const bundled = new Registry().list().filter((e) => e.bundled);

/** The standard of each table file name that foreign keys refer to. */
const TABLE_STANDARDS: Record<string, string> = {
  'services.csv': 'open-referral-uk',
  'organizations.csv': 'open-referral-uk-organizations',
  'locations.csv': 'open-referral-uk-locations',
  'phones.csv': 'open-referral-uk-phones',
  'taxonomies.csv': 'open-referral-uk-taxonomies',
  'taxonomy_terms.csv': 'open-referral-uk-taxonomy-terms',
};

function exampleOf(folder: string): string | undefined {
  return ['example.csv', 'example.json'].map((name) => join(folder, name)).find(existsSync);
}

/** The example, copied beside the examples of the tables its foreign keys refer to when it has any. */
function placed(example: string, schemaPath: string): string {
  const keys = (JSON.parse(readFileSync(schemaPath, 'utf8'))['x-foreignKeys'] ?? []) as Array<{ reference: { resource: string } }>;
  if (!keys.length) return example;
  const dir = scratch();
  for (const resource of new Set(keys.map((k) => k.reference.resource))) {
    const other = bundled.find((e) => e.id === TABLE_STANDARDS[resource]);
    if (!other) throw new Error(`no bundled standard is known for the table ${resource}`);
    copyFileSync(exampleOf(dirname(other.path))!, join(dir, resource));
  }
  const copy = join(dir, 'example-under-test.csv');
  copyFileSync(example, copy);
  return copy;
}

describe('bundled examples', () => {
  it('there are standards to check', () => {
    expect(bundled.length).toBeGreaterThanOrEqual(36);
  });

  for (const entry of bundled) {
    it(`${entry.id} ships an example that passes it`, async () => {
      const folder = dirname(entry.path);
      const example = exampleOf(folder);
      expect(example, `${folder} has no example.csv or example.json`).toBeDefined();
      const { code, report: r } = await report([placed(example!, entry.path), '--standard', `${entry.id}@${entry.version}`]);
      const errors = r.files[0].issues.filter((i: { severity: string }) => i.severity === 'error');
      expect(errors.map((i: { code: string; message: string }) => `${i.code}: ${i.message}`)).toEqual([]);
      expect(r.files[0].rows).toBeGreaterThan(0);
      expect(code).toBe(0);
    });
  }
});
