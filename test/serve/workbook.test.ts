// conform serve takes a workbook as it takes a CSV file: checked with cell locations, and repaired into CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/serve/server.js';
import { xlsx } from '../workbook-writer.js';
import { finished, openPage, send, start, upload } from './serve-helpers.js';

describe('conform serve with a workbook', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await start({ maxBytes: 1024 * 1024 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('checks an uploaded .xlsx file with issues at their cells', async () => {
    const book = await xlsx([
      {
        name: 'Spend',
        rows: [
          ['OrganisationalUnit', 'BeneficiaryName', 'PaymentDate', 'Amount', 'IrrecoverableVATAmount', 'Purpose'],
          ['Adults', 'Acme', '31/03/2024', 'lots', 0, 'Care'],
        ],
      },
    ]);
    const tab = await openPage(server);
    const answer = await upload(server, tab, 'spend.xlsx', book, 'spend-over-500');
    expect(answer.status).toBe(202);
    const { id } = JSON.parse(answer.text);
    expect((await finished(server, id)).state).toBe('done');
    const report = JSON.parse((await send(server, { path: `/checks/${id}/report/json` })).text);
    const file = report.files[0];
    expect(file.format).toBe('xlsx');
    expect(file.issues.find((i: { code: string }) => i.code === 'value-type')).toMatchObject({ cell: 'Spend!D2' });
  });
});
