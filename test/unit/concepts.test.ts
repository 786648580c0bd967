// The names councils give one field, gathered per concept: which concept a field takes, and that the
// table itself is consistent.
import { describe, expect, it } from 'vitest';
import { CONCEPTS, conceptById, conceptIds, conceptOf } from '../../src/standards/concepts.js';

describe('conceptOf', () => {
  it.each([
    // By the field's own name, in any standard.
    ['BeneficiaryName', 'spend-over-500', undefined, 'supplier-name'],
    ['SupplierName', undefined, undefined, 'supplier-name'],
    ['GeoX', 'public-toilets', undefined, 'easting'],
    // A name kept for one standard only.
    ['reference', 'tree-preservation-order', undefined, 'tpo-reference'],
    ['reference', 'conservation-area', undefined, 'conservation-area-reference'],
    ['reference', 'spend-over-500', undefined, undefined],
    ['reference', undefined, undefined, undefined],
    // x-concept overrides the name, and an unknown one names none.
    ['Payee', 'spend-over-500', 'supplier-name', 'supplier-name'],
    ['BeneficiaryName', 'spend-over-500', 'uprn', 'uprn'],
    ['BeneficiaryName', 'spend-over-500', 'no-such-concept', undefined],
    // A declaration that is not text is no declaration.
    ['BeneficiaryName', 'spend-over-500', 42, 'supplier-name'],
    ['NoSuchField', 'spend-over-500', undefined, undefined],
  ])('%s in %s, declared %j → %s', (field, standard, declared, concept) => {
    expect(conceptOf(field, standard, declared)?.id).toBe(concept);
  });
});

describe('conceptById and conceptIds', () => {
  it.each([
    ['uprn', 'uprn'],
    ['no-such-concept', undefined],
    [undefined, undefined],
  ])('%s → %s', (id, found) => {
    expect(conceptById(id)?.id).toBe(found);
  });

  it('lists every concept once, in the order of the table', () => {
    const ids = conceptIds();
    expect(ids).toEqual(CONCEPTS.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives each field to one concept only, and each concept names and fields', () => {
    const fields = CONCEPTS.flatMap((c) => c.fields);
    expect(new Set(fields).size).toBe(fields.length);
    for (const concept of CONCEPTS) {
      expect(concept.names.length, concept.id).toBeGreaterThan(0);
      expect(concept.fields.length, concept.id).toBeGreaterThan(0);
      expect(new Set(concept.names.map((n) => n.toLowerCase())).size, `${concept.id} names a column twice`).toBe(concept.names.length);
    }
  });
});
