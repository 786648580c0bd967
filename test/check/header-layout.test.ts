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
    expect(issues.filter((i: any) => i.code === 'header-missing')).toEqual([]);
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
  const text = [
    SPEND_HEADER,
    ...SPEND_ROWS,
    'Adult Services,Total Gas & Power Ltd,2024-04-02,900.00,0,Energy',
    ',Sub-total,,2740.50,,',
    '',
    'Grand Total,,,"40,292,334.84",,',
  ].join('\n') + '\n';

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

  it('fix removes them as logged layout repairs and keeps every data row', async () => {
    const f = await fixed('spend.csv', text);
    const rows = f.output!.trimEnd().split('\r\n');
    expect(rows).toHaveLength(4);
    expect(rows[3]).toContain('Total Gas & Power Ltd');
    expect(f.log).toContain(',Sub-total,,2740.50,,",,remove-total-row');
    expect(f.log).toContain('Grand Total,,,40,292,334.84,,",,remove-total-row');
  });
});
