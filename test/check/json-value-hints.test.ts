// A JSON record's values that fail get the hints a CSV cell would: the same repairs and diagnoses,
// read from the value (and a number or true/false written as a string is told to lose its quotes).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { report, scratch } from '../helpers.js';

async function hints(file: string, content: string, standard: string) {
  const dir = scratch({ [file]: content });
  const { report: r } = await report([join(dir, file), '--standard', standard]);
  return r.files[0].issues.map((i: any) => [i.row, i.column, i.value, i.hint]);
}

describe('hints for the values of JSON records', () => {
  const payment = {
    OrganisationLabel: 'Exampleshire Council',
    OrganisationURI: 'http://opendatacommunities.org/id/district-council/exampleshire',
    OrganisationalUnit: 'Finance',
    PaymentDate: '2024-01-02',
    TransactionNumber: 'T1',
    Amount: 100.5,
    IrrecoverableVATAmount: 0,
    BeneficiaryName: 'ACME Ltd',
    Purpose: 'Stationery',
    MerchantCategory: 'Office supplies',
    ExpenseArea: 'Finance',
  };

  it('a JSON array: amounts written as text, a number in quotes', async () => {
    const records = [
      { ...payment, Amount: '£1,200.00' },
      { ...payment, TransactionNumber: 'T2', Amount: '1200.50' },
      { ...payment, TransactionNumber: 'T3', Amount: 'about 12' },
    ];
    expect(await hints('spend.json', JSON.stringify(records, null, 2), 'spend-over-500')).toEqual([
      [1, 'Amount', '£1,200.00', 'remove the currency sign and the thousands separators: 1200.00'],
      [2, 'Amount', '1200.50', 'write it without quotes: 1200.50'],
      [3, 'Amount', 'about 12', undefined],
    ]);
  });

  it('NDJSON: a grid reference for a longitude, a near allowed value', async () => {
    const site = { GeoX: 559716.56, PlanningStatus: 'Permissioned' };
    const hinted = await hints('sites.ndjson', JSON.stringify(site) + '\n', 'brownfield-land');
    expect(hinted.filter(([, column]: any[]) => column === 'GeoX' || column === 'PlanningStatus')).toEqual([
      [
        1,
        'GeoX',
        '559716.56',
        'this looks like an Ordnance Survey easting in metres, not a longitude in degrees (WGS84): convert the grid reference to longitude and latitude at the source',
      ],
      [1, 'PlanningStatus', 'Permissioned', 'use the allowed spelling: permissioned'],
    ]);
  });
});
