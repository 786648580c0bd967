// The library API as a user calls it: every kind of input, a standard by id, path or schema object, and
// the export list pinned so that nothing is added to or taken from the public API by accident.
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { ConformError, formatReport, listStandards, loadStandard, validate } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const EXAMPLE = join(ROOT, 'examples', 'spend-sample.csv');

const PEOPLE = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  'x-standard': { id: 'people', version: '1.0', title: 'People' },
  type: 'object',
  required: ['id', 'name'],
  properties: {
    id: { type: 'integer', minimum: 1 },
    name: { type: 'string', minLength: 1 },
    email: { type: 'string', format: 'email' },
  },
};

const PEOPLE_CSV = 'id,name,email\n1,Ann,ann@example.org\nx,Bob,bob@example.org\n3,,not-an-email\n';

describe('the export list', () => {
  it('is exactly the public API', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CATALOG',
      'ConformError',
      'FORMAT_NAMES',
      'VERSION',
      'formatReport',
      'listStandards',
      'loadStandard',
      'loadStandardFile',
      'mergeReports',
      'validate',
    ]);
  });
});

describe('validate(input, standard, options)', () => {
  it('checks a path against a bundled standard by id', async () => {
    const report = await validate(EXAMPLE, 'spend-over-500');
    expect(report.files).toHaveLength(1);
    expect(report.files[0]!.standard?.id).toBe('spend-over-500');
    expect(report.files[0]!.rows).toBeGreaterThan(0);
    expect(report.passed).toBe(false);
  });

  it('checks a list of paths, and keeps the earlier validate(files, { standard }) form', async () => {
    const now = await validate([EXAMPLE, EXAMPLE], 'spend-over-500', { maxIssues: 2 });
    const before = await validate([EXAMPLE], { standard: 'spend-over-500', maxIssues: 2 });
    expect(now.files).toHaveLength(2);
    expect(now.files[0]!.issues).toHaveLength(2);
    expect(before.files[0]!.counts).toEqual(now.files[0]!.counts);
    const byFile = await validate([EXAMPLE], { standard: { path: join(ROOT, 'schemas', 'spend-over-500', 'schema.json') }, maxIssues: 2 });
    expect(byFile.files[0]!.counts).toEqual(now.files[0]!.counts);
  });

  it('checks a Node Readable and a web ReadableStream as the file itself would be', async () => {
    const byPath = await validate(EXAMPLE, 'spend-over-500');
    const node = await validate(createReadStream(EXAMPLE), 'spend-over-500', { name: 'spend.csv' });
    const web = await validate(new Blob([readFileSync(EXAMPLE)]).stream(), 'spend-over-500', { inputFormat: 'csv' });
    for (const report of [node, web]) {
      expect(report.files[0]!.byCode).toEqual(byPath.files[0]!.byCode);
      expect(report.files[0]!.issues.map((i) => [i.row, i.line, i.code])).toEqual(byPath.files[0]!.issues.map((i) => [i.row, i.line, i.code]));
    }
    expect(node.files[0]!.path).toBe('spend.csv');
    expect(web.files[0]!.path).toBe('<stream>');
  });

  it('checks records in memory, from an array, a generator and an async generator', async () => {
    const records = [{ id: 1, name: 'Ann' }, { id: 'two', name: 'Bob' }, { id: 3 }];
    async function* later() {
      for (const record of records) yield record;
    }
    for (const input of [records, records.values(), later()]) {
      const report = await validate(input, PEOPLE);
      const file = report.files[0]!;
      expect(file.path).toBe('<records>');
      expect(file.rows).toBe(3);
      expect(file.issues.map((i) => [i.row, i.code])).toEqual([
        [2, 'value-type'],
        [3, 'value-missing'],
      ]);
    }
  });

  it('takes a standard held only in memory, for a file or a stream', async () => {
    const report = await validate(Readable.from([PEOPLE_CSV]), PEOPLE, { inputFormat: 'csv' });
    const file = report.files[0]!;
    expect(file.standard).toMatchObject({ id: 'people', version: '1.0' });
    expect(file.byCode).toMatchObject({ 'value-type': 1, 'value-missing': 1, 'value-format': 1 });
    // Loaded once, used many times; jobs are ignored for a standard no other thread could load.
    const people = await loadStandard(PEOPLE);
    const again = await validate([Readable.from([PEOPLE_CSV])][0]!, people, { inputFormat: 'csv', jobs: 4 });
    expect(again.files[0]!.byCode).toEqual(file.byCode);
  });

  it("leaves the caller's schema object as it was", async () => {
    const schema = structuredClone(PEOPLE);
    await loadStandard(schema);
    expect(schema).toEqual(PEOPLE);
  });

  it('rejects with a ConformError when the run cannot be done', async () => {
    await expect(loadStandard({ type: 'object', properties: { id: { type: 'whole number' } } })).rejects.toThrow(/not a valid 2020-12 JSON Schema/);
    await expect(validate(EXAMPLE, 'no-such-standard')).rejects.toBeInstanceOf(ConformError);
    await expect(validate(Readable.from(['a,b\n']))).rejects.toThrow(/need a standard/);
    await expect(validate([], 'spend-over-500')).rejects.toThrow(/No files/);
  });

  it("passes on a failure of the caller's own iterable", async () => {
    function* broken() {
      yield { id: 1, name: 'Ann' };
      throw new Error('database went away');
    }
    await expect(validate(broken(), PEOPLE)).rejects.toThrow('database went away');
  });
});

describe('the helpers', () => {
  it('formats a report and lists the standards', async () => {
    const report = await validate(EXAMPLE, 'spend-over-500');
    expect(JSON.parse(formatReport(report, 'json')).reportVersion).toBe(1);
    expect(formatReport(report, 'github')).toMatch(/^::error file=/m);
    expect(() => formatReport(report, 'pdf' as never)).toThrow(ConformError);
    expect(listStandards().map((s) => s.id)).toContain('spend-over-500');
  });
});
