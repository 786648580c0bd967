// Importing W3C CSVW metadata: the columns of one table as fields, their datatypes and titles, and what is
// not carried over, in words.
import { describe, expect, it } from 'vitest';
import { ConformError } from '../../src/errors.js';
import { importCsvw } from '../../src/standards/import/csvw.js';

const SPEND = {
  '@context': 'http://www.w3.org/ns/csvw',
  'dc:title': 'Spend over £500',
  url: 'spend.csv',
  tableSchema: {
    primaryKey: 'TransactionNumber',
    columns: [
      { name: 'TransactionNumber', titles: ['Transaction Number', 'Trans No'], required: true, datatype: 'string' },
      { name: 'Amount', titles: 'Amount', datatype: { base: 'xsd:decimal' }, 'dc:description': ' The amount paid ' },
      { titles: ['Paid Date'], datatype: { base: 'date', format: 'dd/MM/yyyy' } },
      { name: 'Code', datatype: { base: 'string', format: 'E\\d{8}' } },
      { name: 'Hash', datatype: 'hexBinary' },
      { name: 'Row', virtual: true },
      { titles: [] },
    ],
  },
};

describe('importCsvw', () => {
  const imported = importCsvw(SPEND, 'data/spend.csv-metadata.json', {});

  it('names the standard from the title, with its sources and notes', () => {
    expect(imported.id).toBe('spend-over-500');
    expect(imported.schema).toMatchObject({
      $id: 'https://conform.dev/standards/spend-over-500/1.0/schema.json',
      title: 'Spend over £500',
      'x-standard': {
        id: 'spend-over-500',
        mode: 'records',
        version: '1.0',
        source: 'CSVW metadata spend.csv-metadata.json',
        sources: [{ title: 'Spend over £500 (CSVW metadata)' }],
      },
      type: 'object',
      'x-primaryKey': 'TransactionNumber',
      required: ['TransactionNumber'],
    });
  });

  it('reads each column as a property: its datatype, description, and titles beyond the name as aliases', () => {
    expect(imported.schema.properties).toEqual({
      TransactionNumber: { type: 'string', 'x-aliases': ['Transaction Number', 'Trans No'] },
      Amount: { type: 'number', description: 'The amount paid' },
      'Paid Date': { type: 'string', format: 'date' },
      Code: { type: 'string', pattern: '^(?:E\\d{8})$' },
      Hash: { type: 'string' },
    });
  });

  it('says what it could not carry over', () => {
    expect(imported.notCarried).toEqual([
      'Paid Date: the datatype format "dd/MM/yyyy" is not carried over.',
      'Hash: the datatype hexBinary is not known to conform, so its values are read as text.',
      'A column with neither a name nor a title was left out.',
    ]);
    expect((imported.schema['x-standard'] as { notes: string[] }).notes[0]).toBe('Imported from the CSVW metadata spend.csv-metadata.json.');
  });

  it.each([
    ['an id given', { id: 'my-spend' }, SPEND, 'my-spend'],
    ['no title: the file name', {}, { tableSchema: { columns: [{ name: 'A' }] } }, 'council-spend-2024'],
  ])('the id from %s', (_, options, metadata, id) => {
    expect(importCsvw(metadata, 'council_spend.2024.csv-metadata.json', options).id).toBe(id);
  });

  it('with no datatypes, every column is text, and it says so', () => {
    const { notCarried, schema } = importCsvw({ tableSchema: { columns: [{ name: 'A' }, { titles: 'B' }] } }, 'x.json', {});
    expect(schema.properties).toEqual({ A: { type: 'string' }, B: { type: 'string' } });
    expect(notCarried).toEqual(['The metadata gives no datatypes, so every column is read as text.']);
  });

  it('chooses a table of a group by its url, else the first with a schema', () => {
    const group = {
      tables: [{ url: 'notes.csv' }, { url: 'data/a.csv', tableSchema: { columns: [{ name: 'A' }] } }, { url: 'data/b.csv', tableSchema: { columns: [{ name: 'B' }] } }],
    };
    expect(Object.keys(importCsvw(group, 'g.json', {}).schema.properties as object)).toEqual(['A']);
    expect(Object.keys(importCsvw(group, 'g.json', { resource: 'b.csv' }).schema.properties as object)).toEqual(['B']);
  });

  it.each([
    ['not an object', [], {}, 'x.json is not a CSVW metadata object'],
    ['no columns', { tableSchema: {} }, {}, 'x.json has no tableSchema with columns, so there is nothing to import'],
    [
      'a table it does not describe',
      { tables: [{ url: 'a.csv', tableSchema: { columns: [] } }] },
      { resource: 'b.csv' },
      'x.json describes no table "b.csv"; its tables are: a.csv',
    ],
  ])('refuses %s', (_, metadata, options, message) => {
    const attempt = () => importCsvw(metadata, 'x.json', options);
    expect(attempt).toThrow(ConformError);
    expect(attempt).toThrow(message);
  });
});
