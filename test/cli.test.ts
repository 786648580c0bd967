import { describe, expect, it } from 'vitest';
import { cli, report } from './helpers.js';

describe('the example in the README', () => {
  it('finds the planted problems in the example spend file', async () => {
    const { code, report: r } = await report(['examples/spend-sample.csv', '--standard', 'spend-over-500']);
    expect(code).toBe(1);
    const f = r.files[0];
    expect(f.rows).toBe(10);
    expect(f.byCode).toEqual({ 'value-missing': 1, 'value-pattern': 1, 'value-format': 1, 'value-type': 3, 'value-enum': 1 });
    const missing = f.issues.find((i: any) => i.code === 'value-missing');
    // Row 6 has a cell with a line break, so row 7 starts on line 9.
    expect(missing).toMatchObject({ row: 7, line: 9, column: 'BeneficiaryName', columnIndex: 4 });
  });

  it('prints help and the version', async () => {
    expect((await cli(['--help'])).stdout).toContain('validate');
    expect((await cli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
