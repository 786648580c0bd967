// conform fix on a workbook: the chosen sheet, repaired, as a UTF-8 CSV file with its log.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, scratch } from '../helpers.js';
import { ods, xlsx, type TestSheet } from '../workbook-writer.js';

const SHEETS: TestSheet[] = [
  { name: 'Cover', rows: [['Payments over £500']] },
  {
    name: 'Spend',
    rows: [
      ['OrganisationalUnit', 'BeneficiaryName', 'PaymentDate', 'Amount', 'IrrecoverableVATAmount', 'Purpose'],
      ['Adults', ' Acme, Ltd ', '31/03/2024', 1250.5, 0, 'Care'],
      ['Children', 'Bravo', { date: '2024-04-01' }, 10, 0, 'Café "best"'],
    ],
  },
];

describe.each([
  ['xlsx', xlsx],
  ['ods', ods],
] as const)('conform fix on a .%s workbook', (kind, write) => {
  it('writes the repaired sheet as CSV beside the workbook, with the log', async () => {
    const dir = scratch();
    writeFileSync(join(dir, `spend.${kind}`), await write(SHEETS));
    const { code, stderr } = await cli(['fix', `spend.${kind}`, '--standard', 'spend-over-500', '--format', 'json'], { cwd: dir });
    expect(stderr).toContain('repairing the sheet "Spend"');
    expect(code).toBe(0);
    const csv = readFileSync(join(dir, 'spend.csv'), 'utf8');
    expect(csv.split(/\r?\n/).slice(0, 3)).toEqual([
      'OrganisationalUnit,BeneficiaryName,PaymentDate,Amount,IrrecoverableVATAmount,Purpose',
      'Adults,"Acme, Ltd",2024-03-31,1250.5,0,Care',
      'Children,Bravo,2024-04-01,10,0,"Café ""best"""',
    ]);
    const log = readFileSync(join(dir, 'spend.csv.log.csv'), 'utf8');
    expect(log).toContain('31/03/2024');
  });

  it('does not overwrite a CSV file of the same name, and refuses --in-place', async () => {
    const dir = scratch({ 'spend.csv': 'keep me\n' });
    writeFileSync(join(dir, `spend.${kind}`), await write(SHEETS));
    const taken = await cli(['fix', `spend.${kind}`, '--standard', 'spend-over-500'], { cwd: dir });
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('spend.csv already exists');
    expect(readFileSync(join(dir, 'spend.csv'), 'utf8')).toBe('keep me\n');
    const inPlace = await cli(['fix', `spend.${kind}`, '--standard', 'spend-over-500', '--in-place'], { cwd: dir });
    expect(inPlace.code).toBe(2);
    expect(inPlace.stderr).toContain('cannot be replaced by its repaired CSV copy');
    const named = await cli(['fix', `spend.${kind}`, '--standard', 'auto', '--sheet', 'Spend', '-o', 'out.csv'], { cwd: dir });
    expect(named.code).toBe(0);
    expect(existsSync(join(dir, 'out.csv'))).toBe(true);
  });
});
