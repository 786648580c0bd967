// The quick look at a JSON record may only ever pass a record that the standard's whole validator passes
// too. Records are made at random (seeded) from each field's examples and from values that break them,
// and checked both ways, for every bundled standard of records and the bench standard.
import { describe, expect, it } from 'vitest';
import { compileField } from '../../src/check/cells.js';
import { compileQuickRecord } from '../../src/check/quick-record.js';
import { loadStandardFile } from '../../src/standards/load.js';
import { Registry } from '../../src/standards/registry.js';
import type { Standard } from '../../src/standards/standard.js';
import { ROOT } from '../helpers.js';

const SEED = 20261125;

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const BREAKERS: unknown[] = ['', ' ', 'x', 'N/A', 'é😀', 'a'.repeat(400), -1, 0, 1.5, 1e12, -1e12, true, null, [], ['a'], {}, { a: 1 }, '2024-13-45', 'not a uri', '1,234.50'];

function makeRecord(standard: Standard, next: () => number): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of standard.fields) {
    const roll = next();
    if (roll < 0.05) continue; // left out
    const examples = field.examples.length ? field.examples : [];
    const pick = roll < 0.75 && examples.length ? examples[Math.floor(next() * examples.length)] : BREAKERS[Math.floor(next() * BREAKERS.length)];
    record[field.name] = pick;
  }
  if (next() < 0.05) record['An extra column'] = 'x';
  return record;
}

async function standardsToCheck(): Promise<Standard[]> {
  const registry = new Registry();
  const bundled = registry.list().filter((e) => e.bundled);
  const loaded = await Promise.all(bundled.map((e) => registry.resolve(e.id)));
  const bench = await loadStandardFile(`${ROOT}/bench/spend-bench.schema.json`);
  return [...loaded.filter((s) => s.mode === 'records'), bench];
}

describe('the quick look at a JSON record', async () => {
  const standards = await standardsToCheck();

  it('passes no record that the whole validator fails', () => {
    const next = random(SEED);
    let quickPassed = 0;
    let standardsWithQuickLook = 0;
    for (const standard of standards) {
      const quick = compileQuickRecord(standard);
      if (!quick) continue;
      standardsWithQuickLook++;
      const whole = standard.ajv.compile({ $ref: standard.schemaKey });
      for (let i = 0; i < 400; i++) {
        const record = makeRecord(standard, next);
        if (!quick(record)) continue;
        quickPassed++;
        if (!whole(record))
          throw new Error(
            `seed ${SEED}: ${standard.id} passed quickly but fails: ${JSON.stringify(record)} ${JSON.stringify(whole.errors?.map((e) => `${e.instancePath} ${e.message}`))}`,
          );
      }
    }
    // Not a vacuous test: most flat standards get a quick look, and many records pass it.
    expect(standardsWithQuickLook).toBeGreaterThan(10);
    expect(quickPassed).toBeGreaterThan(500);
  });

  it('is not used where the record schema says more than its fields', () => {
    const withRules = standards.find((s) => Object.keys(s.schema).some((k) => ['if', 'allOf', 'anyOf', 'oneOf', 'dependentRequired'].includes(k)));
    if (withRules) expect(compileQuickRecord(withRules)).toBeUndefined();
    // Every field is checked by its own validator when it has no quick check (a format, a code list).
    const bench = standards.at(-1)!;
    const uri = bench.fieldByName.get('Organisation URI')!;
    expect(compileField(bench, uri)('not a uri')).toBe(false);
    const quick = compileQuickRecord(bench)!;
    const valid = {
      'Organisation Name': 'Anytown Council',
      'Organisation Code': 'E07000012',
      'Organisation URI': 'http://opendatacommunities.org/id/district-council/anytown',
      'Effective Date': '12/09/2023',
      'Service Area': 'Corporate Services',
      'Expenses Type': 'Rents',
      'Supplier Name': 'Mind Cambridge',
      'Transaction Number': 'INV4100004',
      Amount: 13059.34,
      'Supplier Type': 'VCSE',
    };
    expect(quick(valid)).toBe(true);
    expect(quick({ ...valid, 'Organisation URI': 'not a uri' })).toBe(false);
    expect(quick({ ...valid, Extra: 1 })).toBe(false);
    const { Amount: _, ...withoutAmount } = valid;
    expect(quick(withoutAmount)).toBe(false);
  });
});
