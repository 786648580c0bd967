// Every report format shows where in a workbook an issue is: the cell a spreadsheet can go to.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, scratch } from '../helpers.js';
import { xlsx } from '../workbook-writer.js';

const BOOK = xlsx([
  { name: 'Cover', rows: [['About']] },
  {
    name: 'Spend 2024',
    rows: [
      ['OrganisationalUnit', 'BeneficiaryName', 'PaymentDate', 'Amount', 'IrrecoverableVATAmount', 'Purpose'],
      ['Adults', 'Acme', { date: '2024-03-31' }, 'lots', 0, 'Care'],
    ],
  },
]);

describe('workbook locations in reports', () => {
  it.each(['stylish', 'json', 'csv', 'markdown', 'html', 'junit', 'sarif', 'github'])('%s names the cell', async (format) => {
    const dir = scratch();
    const path = join(dir, 'spend.xlsx');
    writeFileSync(path, await BOOK);
    const { code, stdout } = await cli(['validate', path, '--standard', 'spend-over-500', '--format', format, '--no-color']);
    expect(code).toBe(1);
    // HTML and XML escape the quotes around a sheet name with spaces.
    expect(stdout.replace(/&#39;|&#x27;|&apos;/g, "'")).toContain("'Spend 2024'!D2");
  });

  it.each(['stylish', 'markdown', 'html'])('%s names the sheet checked', async (format) => {
    const dir = scratch();
    const path = join(dir, 'spend.xlsx');
    writeFileSync(path, await BOOK);
    const { stdout } = await cli(['validate', path, '--standard', 'spend-over-500', '--format', format, '--no-color']);
    expect(stdout.replace(/&quot;/g, '"')).toMatch(/[Ss]heet("| "|<\/dt><dd>)Spend 2024/);
  });

  it('csv adds sheet and cell columns only when a workbook was checked', async () => {
    const dir = scratch();
    const path = join(dir, 'spend.xlsx');
    writeFileSync(path, await BOOK);
    const { stdout } = await cli(['validate', path, '--standard', 'spend-over-500', '--format', 'csv']);
    expect(stdout.split('\r\n')[0]).toBe('\uFEFFfile,row,line,column,code,severity,value,message,hint,record,sheet,cell');
    expect(stdout).toContain(`Spend 2024,'Spend 2024'!D2`);
  });
});
