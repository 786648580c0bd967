// Header layouts from real exports: names damaged by an earlier conversion, files without a header, and
// total or footer lines under the data.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repairHeaderName } from '../../src/check/header-repair.js';
import { cli, report, scratch } from '../helpers.js';

const SPEND_HEADER = 'Organisational Unit,Supplier Name,Payment Date,Amount,Irrecoverable VAT,Purpose';
const SPEND_ROWS = ['Adult Services,ACME Ltd,2024-03-31,1200.50,0,Care', 'Highways,Smith & Sons,2024-04-01,640.00,0,Repairs'];

async function fixed(name: string, text: string | Buffer, standard = 'spend-over-500') {
  const dir = scratch({ [name]: text });
  const out = join(dir, 'fixed.csv');
  const result = await cli(['fix', join(dir, name), '-s', standard, '-o', out, '-f', 'json']);
  const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
  return { ...result, output: read(out), log: read(`${out}.log.csv`) };
}

describe('damaged header names', () => {
  it.each([
    ['ï»¿Supplier Name', 'Supplier Name'],
    ['\uFEFFSupplier Name', 'Supplier Name'],
    ['ï»¿"Supplier Name"', 'Supplier Name'],
    ['DÃ©partement', 'Département'],
  ])('"%s" is read as "%s"', (damaged, name) => {
    expect(repairHeaderName(damaged)?.name).toBe(name);
  });
  it('leaves a sound name alone', () => {
    expect(repairHeaderName('Supplier Name')).toBeUndefined();
    expect(repairHeaderName('Café')).toBeUndefined();
  });

  it('reads the first column under a damaged byte-order mark, says so, and fix writes the right name', async () => {
    const text = ['ï»¿' + SPEND_HEADER, ...SPEND_ROWS].join('\n') + '\n';
    const dir = scratch({ 'spend.csv': text });
    const { report: r } = await report([join(dir, 'spend.csv'), '-s', 'spend-over-500']);
    const issues = r.files[0].issues;
    expect(issues.filter((i: any) => i.code === 'header-missing' && i.severity === 'error')).toEqual([]);
    expect(issues.find((i: any) => i.columnIndex === 1)).toMatchObject({ code: 'header-mismatch', field: 'OrganisationalUnit' });
    expect(issues.find((i: any) => i.columnIndex === 1).message).toContain('byte-order mark damaged by an earlier conversion');

    const f = await fixed('spend.csv', text);
    expect(f.output!.split('\r\n')[0]).toBe('OrganisationalUnit,BeneficiaryName,PaymentDate,Amount,IrrecoverableVATAmount,Purpose');
    expect(f.log).toContain('ï»¿Organisational Unit,OrganisationalUnit,rename-column');
  });

  it('fix writes the repaired name of a column the standard does not know', async () => {
    const text = ['ï»¿Notes,' + SPEND_HEADER, ...SPEND_ROWS.map((r) => 'x,' + r)].join('\n') + '\n';
    const f = await fixed('spend.csv', text);
    expect(f.output!.split('\r\n')[0]).toBe('Notes,OrganisationalUnit,BeneficiaryName,PaymentDate,Amount,IrrecoverableVATAmount,Purpose');
    expect(f.log).toContain('ï»¿Notes,Notes,repair-column-name');
  });
});

describe('total, subtotal and footer rows', () => {
  const text =
    [SPEND_HEADER, ...SPEND_ROWS, 'Adult Services,Total Gas & Power Ltd,2024-04-02,900.00,0,Energy', ',Sub-total,,2740.50,,', '', 'Grand Total,,,"40,292,334.84",,'].join('\n') +
    '\n';

  it('reports them once, does not count them as records, and keeps a supplier whose name starts with "Total"', async () => {
    const dir = scratch({ 'spend.csv': text });
    const { report: r } = await report([join(dir, 'spend.csv'), '-s', 'spend-over-500']);
    const file = r.files[0];
    expect(file.rows).toBe(3);
    const totals = file.issues.filter((i: any) => i.code === 'total-rows');
    expect(totals).toMatchObject([{ severity: 'warning', row: 4, line: 5, endRow: 6, endLine: 7, count: 2 }]);
    expect(totals[0].message).toBe('2 total or footer rows are not data and were not counted as a record: row 4 (line 5) says "Sub-total", row 6 (line 7) says "Grand Total"');
    expect(file.issues.filter((i: any) => i.row === 4 || i.row === 6).map((i: any) => i.code)).toEqual(['total-rows']);
  });

  it('keeps a sparse data row whose supplier is called "Total …"', async () => {
    const wide = `${SPEND_HEADER},Notes,Category,CPV Code,ProClass,Contract Ref,Card Type,Extra\nAdult Services,Total Gas & Power Ltd,2024-04-02,900.00,0,Energy,,,,,,,\n`;
    const dir = scratch({ 'spend.csv': wide });
    const { report: r } = await report([join(dir, 'spend.csv'), '-s', 'spend-over-500']);
    expect(r.files[0].rows).toBe(1);
    expect(r.files[0].issues.filter((i: any) => i.code === 'total-rows')).toEqual([]);
  });

  it('are written to neither the valid nor the invalid rows', async () => {
    const dir = scratch({ 'spend.csv': text });
    await cli(['validate', join(dir, 'spend.csv'), '-s', 'spend-over-500', '--valid-rows', join(dir, 'ok.csv'), '--invalid-rows', join(dir, 'bad.csv')]);
    const routed = [readFileSync(join(dir, 'ok.csv'), 'utf8'), readFileSync(join(dir, 'bad.csv'), 'utf8')].join('');
    expect(routed).not.toContain('Sub-total');
    expect(routed).not.toContain('Grand Total');
    expect(routed).toContain('Total Gas & Power Ltd');
  });

  it('fix removes them as logged layout repairs and keeps every data row', async () => {
    const f = await fixed('spend.csv', text);
    const rows = f.output!.trimEnd().split('\r\n');
    expect(rows).toHaveLength(4);
    expect(rows[3]).toContain('Total Gas & Power Ltd');
    expect(f.log).toContain(',Sub-total,,2740.50,,",,remove-total-row');
    expect(f.log).toContain('Grand Total,,,40,292,334.84,,",,remove-total-row');
  });
});

describe('files without a header row', () => {
  const inOrder = ['Adult Services,ACME Ltd,2024-03-31,1200.50,0,Care', 'Highways,Smith & Sons,31/03/2024,640.00,0,Repairs'].join('\n') + '\n';

  it('names a file whose first row is data, and reads it in the standard order when its columns fit', async () => {
    // A file in spend-over-500's own field order: OrganisationLabel, OrganisationURI, OrganisationalUnit, …
    const text =
      [
        `Trafford Council,https://opendatacommunities.org/id/x,Adult Services,,,ACME Ltd,S1,,,,2024-03-31,T1,1200.50,0,Care`,
        `Trafford Council,https://opendatacommunities.org/id/x,Highways,,,Smith & Sons,S2,,,,2024-04-01,T2,640.00,0,Repairs`,
      ].join('\n') + '\n';
    const dir = scratch({ 'spend.csv': text });
    const { report: r } = await report([join(dir, 'spend.csv'), '-s', 'spend-over-500']);
    const file = r.files[0];
    expect(file.rows).toBe(2);
    expect(file.issues.filter((i: any) => i.severity === 'error').map((i: any) => i.code)).toEqual(['header-absent']);
    expect(file.issues[0]).toMatchObject({ severity: 'error', line: 1 });
    expect(file.issues[0].message).toContain("its columns were read in the standard's order (OrganisationLabel, OrganisationURI, OrganisationalUnit, ServiceCategoryLabel, …)");

    const f = await fixed('spend.csv', text);
    const rows = f.output!.trimEnd().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toBe(
      'OrganisationLabel,OrganisationURI,OrganisationalUnit,ServiceCategoryLabel,ServiceCategoryURI,BeneficiaryName,BeneficiaryOtherID,CompaniesHouseRegistrationNumber,CharityCommissionNumber,VCSEGrant,PaymentDate,TransactionNumber,Amount,IrrecoverableVATAmount,Purpose',
    );
    expect(rows[1]).toContain('ACME Ltd');
    expect(f.log).toContain(',1,,,"OrganisationLabel,OrganisationURI');
    expect(f.log).toContain('add-header');
  });

  it('names a file whose first row is data in another order, and does not guess the columns', async () => {
    const dir = scratch({ 'spend.csv': inOrder });
    const { report: r } = await report([join(dir, 'spend.csv'), '-s', 'spend-over-500']);
    const absent = r.files[0].issues.find((i: any) => i.code === 'header-absent');
    expect(absent).toMatchObject({ severity: 'error', line: 1 });
    expect(absent.message).toBe(
      'The file has no header row: line 1 holds data ("Adult Services", "ACME Ltd", "2024-03-31"), not column names, so its columns cannot be told apart',
    );
    expect(r.files[0].passed).toBe(false);
    const f = await fixed('spend.csv', inOrder);
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('holds data, not column names');
  });

  it('does not take a header of names for data', async () => {
    const dir = scratch({ 'spend.csv': [SPEND_HEADER, ...SPEND_ROWS].join('\n') + '\n', 'other.csv': 'Colour,Shape,Size\nred,square,2\n' });
    for (const name of ['spend.csv', 'other.csv']) {
      const { report: r } = await report([join(dir, name), '-s', 'spend-over-500']);
      expect(r.files[0].issues.filter((i: any) => i.code === 'header-absent')).toEqual([]);
    }
  });
});
