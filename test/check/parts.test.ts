// A big file checked in parts on worker threads gives the same report, issue for issue, as one thread —
// whatever the number of threads, and wherever the parts are cut (inside quoted line breaks too).
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { FIXTURES, scratch } from '../helpers.js';

const withoutTimes = (report: any) => JSON.parse(JSON.stringify(report, (key, value) => (key === 'elapsed' ? undefined : value)));

describe('checking one file in parts on worker threads', () => {
  // Keys, a constant column, a date span, blank rows, quoted line breaks, and a date order that only
  // the end of the file settles: everything that spans parts.
  const rows: string[] = [];
  for (let i = 1; i <= 30000; i++) {
    const ref = i % 997 === 0 ? 'G1' : `G${i}`;
    const org = i === 25000 ? 'Othertown Council' : 'Anytown Council';
    const name = i % 113 === 0 ? `"Name ${i}\nsecond line, with a comma"` : `Recipient ${i}`;
    const start = i % 5 === 0 ? '05/04/2024' : '2024-01-10';
    const currency = i % 301 === 0 ? 'gbp' : 'GBP';
    rows.push(i % 1500 === 0 ? ',,,,,,,,' : `${ref},${org},R${(i % 3) + 1},${currency},North,${start},2024-06-30,${i},${i % 211 === 0 ? i + 1 : i}`);
    if (i === 29990) rows.push('G29990b,Anytown Council,R1,GBP,North,31/12/2024,2025-01-02,5,5');
    void name;
  }
  const dir = scratch({
    'grants.csv': `Ref,Org,Recipient,Currency,Region,Start,End,Awarded,Paid\r\n${rows.join('\r\n')}\r\n`,
  });
  const standard = `${FIXTURES}/rules/grants.schema.json`;
  // The standard refers to recipients.csv beside the data file.
  scratch();
  const file = `${dir}/grants.csv`;

  it('gives the same report with 1, 2 and 3 threads and any part size', async () => {
    const { copyFileSync } = await import('node:fs');
    copyFileSync(`${FIXTURES}/rules/recipients.csv`, `${dir}/recipients.csv`);
    const one = withoutTimes(await validate([file], { standard, threads: 1, maxIssues: 100000 }));
    expect(one.files[0].rows).toBeGreaterThan(29000);
    expect(one.files[0].byCode['key-duplicate']).toBeGreaterThan(20);
    for (const [threads, partSize] of [
      [2, 50_000],
      [3, 17_011],
      [2, 1_000_000],
    ] as const) {
      const many = withoutTimes(await validate([file], { standard, threads, partSize, partsFrom: 0, maxIssues: 100000 }));
      expect(many).toEqual(one);
    }
  });

  it('cuts parts inside quoted line breaks and still numbers rows and lines exactly', async () => {
    const lines = ['id,name,joined'];
    for (let i = 1; i <= 20000; i++) lines.push(i % 7 === 0 ? `${i},"Name\n${'x'.repeat(i % 40)}\n",2024-01-01` : `${i},Name ${i},${i % 1000 === 0 ? 'not a date' : '2024-01-01'}`);
    const d = scratch({ 'multi.csv': lines.join('\n') + '\n' });
    const people = `${FIXTURES}/core/people.schema.json`;
    const one = withoutTimes(await validate([`${d}/multi.csv`], { standard: people, threads: 1, maxIssues: 100000 }));
    const many = withoutTimes(await validate([`${d}/multi.csv`], { standard: people, threads: 2, partSize: 3_001, partsFrom: 0, maxIssues: 100000 }));
    expect(many).toEqual(one);
    expect(one.files[0].issues.filter((i: any) => i.code === 'value-format').map((i: any) => i.row).slice(0, 2)).toEqual([1000, 2000]);
  });

  it('keeps the same first issues under --max-issues', async () => {
    const one = withoutTimes(await validate([file], { standard, threads: 1, maxIssues: 50 }));
    const many = withoutTimes(await validate([file], { standard, threads: 2, partSize: 40_000, partsFrom: 0, maxIssues: 50 }));
    expect(many).toEqual(one);
  });
});

describe('checking one NDJSON file in parts on worker threads', () => {
  it('gives the same report as one thread', async () => {
    const lines: string[] = [];
    for (let i = 1; i <= 20000; i++) {
      if (i % 999 === 0) lines.push('');
      lines.push(i % 1777 === 0 ? '{"Ref": "broken' : JSON.stringify({ Ref: i % 501 === 0 ? 'G1' : `G${i}`, Org: 'A', Currency: i % 313 === 0 ? 'XXX' : 'GBP', Start: '2024-01-01', End: '2024-02-01', Awarded: 5, Paid: i % 97 === 0 ? 9 : 5 }));
    }
    const dir = scratch({ 'grants.ndjson': lines.join('\n') + '\n' });
    const { copyFileSync } = await import('node:fs');
    copyFileSync(`${FIXTURES}/rules/recipients.csv`, `${dir}/recipients.csv`);
    const standard = `${FIXTURES}/rules/grants.schema.json`;
    const one = withoutTimes(await validate([`${dir}/grants.ndjson`], { standard, threads: 1, maxIssues: 100000 }));
    const many = withoutTimes(await validate([`${dir}/grants.ndjson`], { standard, threads: 2, partSize: 30_011, partsFrom: 0, maxIssues: 100000 }));
    expect(one.files[0].rows).toBe(20000);
    expect(Object.keys(one.files[0].byCode).sort()).toEqual(['format-invalid', 'key-duplicate', 'key-reference', 'row-rule', 'table-rule']);
    expect(many).toEqual(one);
  });
});
