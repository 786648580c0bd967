// A big file checked in parts on worker threads gives the same report, issue for issue, as one thread —
// whatever the number of threads, and wherever the parts are cut (inside quoted line breaks too).
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { FIXTURES, scratch } from '../helpers.js';

const withoutTimes = (report: any) => JSON.parse(JSON.stringify(report, (key, value) => (key === 'elapsed' || key === 'checkedAt' ? undefined : value)));

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
    expect(
      one.files[0].issues
        .filter((i: any) => i.code === 'value-format')
        .map((i: any) => i.row)
        .slice(0, 2),
    ).toEqual([1000, 2000]);
  });

  it('stops at a quote that is never closed, wherever the parts are cut', async () => {
    const lines = ['id,name,joined'];
    for (let i = 1; i <= 30000; i++) lines.push(i === 17000 ? `${i},"Name never closed,2024-01-01` : `${i},Name ${i},${i % 1000 === 0 ? 'bad' : '2024-01-01'}`);
    const d = scratch({ 'unclosed.csv': lines.join('\n') + '\n' });
    const people = `${FIXTURES}/core/people.schema.json`;
    const one = withoutTimes(await validate([`${d}/unclosed.csv`], { standard: people, threads: 1, maxIssues: 100000 }));
    expect(one.files[0].rows).toBe(16999);
    expect(one.files[0].byCode).toEqual({ 'value-format': 16, 'format-invalid': 1 });
    for (const partSize of [5_003, 40_000]) {
      const many = withoutTimes(await validate([`${d}/unclosed.csv`], { standard: people, threads: 2, partSize, partsFrom: 0, maxIssues: 100000 }));
      expect(many).toEqual(one);
    }
  });

  it('closes the threads it started when no part is ever checked (an empty file, a header alone)', async () => {
    const d = scratch({ 'empty.csv': '', 'header.csv': 'id,name,joined\n' });
    const people = `${FIXTURES}/core/people.schema.json`;
    for (const name of ['empty.csv', 'header.csv']) {
      const one = withoutTimes(await validate([`${d}/${name}`], { standard: people, threads: 1 }));
      const many = withoutTimes(await validate([`${d}/${name}`], { standard: people, threads: 2, partsFrom: 0 }));
      expect(many).toEqual(one);
      expect(one.files[0].byCode['file-empty']).toBe(1);
    }
  });

  it('keeps the same first issues under --max-issues', async () => {
    const one = withoutTimes(await validate([file], { standard, threads: 1, maxIssues: 50 }));
    const many = withoutTimes(await validate([file], { standard, threads: 2, partSize: 40_000, partsFrom: 0, maxIssues: 50 }));
    expect(many).toEqual(one);
  });
});

describe('checking one file in parts, in every encoding', () => {
  // Parts travel to the workers as bytes and are decoded there, in slices: characters of two, three and
  // four bytes fall on every kind of boundary, and the report must not change.
  const people = `${FIXTURES}/core/people.schema.json`;
  const text = (emoji: boolean, damaged: boolean) => {
    const lines = ['id,name,joined,code'];
    for (let i = 1; i <= 40000; i++) {
      const name = i % 3 === 0 ? `Zoë Brontë-Ålesund ${i}` : damaged && i % 1001 === 0 ? 'CafÃ© Ltd' : `Zoë ${i % 100}`;
      const code = i % 5 === 0 ? 'ÉCU' : emoji && i % 7 === 0 ? '😀AB' : 'ABC';
      lines.push(`${i},${name},${i % 997 === 0 ? '£5' : '2024-01-01'},${code}`);
    }
    return lines.join('\r\n') + '\r\n';
  };
  const utf8 = Buffer.from(text(true, false), 'utf8');
  // Damaged text, then bytes that are not UTF-8 at all, part-way through.
  const damaged = Buffer.from(text(false, true), 'utf8');
  const cut = damaged.indexOf('\n', damaged.length >> 1) + 1;
  const files = scratch({
    'utf8.csv': utf8,
    'utf8-bom.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]),
    'windows-1252.csv': Buffer.from(text(false, false).replace(/€/g, 'E'), 'latin1'),
    'utf16.csv': Buffer.from(`\ufeff${text(true, false)}`, 'utf16le'),
    'invalid.csv': Buffer.concat([damaged.subarray(0, cut), Buffer.from('99999,Bad \xff byte,2024-01-01,ABC\r\n', 'latin1'), damaged.subarray(cut)]),
  });

  const expected: Record<string, { encoding: string; code?: string }> = {
    'utf8.csv': { encoding: 'utf-8' },
    'utf8-bom.csv': { encoding: 'utf-8' },
    'windows-1252.csv': { encoding: 'windows-1252', code: 'encoding-not-utf8' },
    'utf16.csv': { encoding: 'utf-16le', code: 'encoding-not-utf8' },
    'invalid.csv': { encoding: 'utf-8', code: 'encoding-invalid' },
  };
  for (const [name, { encoding, code }] of Object.entries(expected)) {
    it(`gives the same report for ${name}`, async () => {
      const file = `${files}/${name}`;
      const one = withoutTimes(await validate([file], { standard: people, threads: 1, maxIssues: 100000 }));
      expect(one.files[0].rows).toBeGreaterThan(40000 - 1);
      expect(one.files[0].encoding).toBe(encoding);
      if (code) expect(one.files[0].byCode[code]).toBe(1);
      // The values shown are the characters of the file, decoded right.
      expect(one.files[0].issues.find((i: any) => i.code === 'value-length').value).toBe('Zoë Brontë-Ålesund 3');
      for (const partSize of [150_001, 70_003]) {
        const many = withoutTimes(await validate([file], { standard: people, threads: 2, partSize, partsFrom: 0, maxIssues: 100000 }));
        expect(many).toEqual(one);
      }
    });
  }
});

describe('checking one NDJSON file in parts on worker threads', () => {
  it('gives the same report as one thread', async () => {
    const lines: string[] = [];
    for (let i = 1; i <= 20000; i++) {
      if (i % 999 === 0) lines.push('');
      // UK dates whose order of day and month only a record near the end settles.
      const start = i === 19990 ? '31/12/2023' : i % 700 === 0 ? '05/04/2024' : '2024-01-01';
      lines.push(
        i % 1777 === 0
          ? '{"Ref": "broken'
          : JSON.stringify({
              Ref: i % 501 === 0 ? 'G1é😀' : `G${i}é`,
              Org: 'Åby 😀',
              Currency: i % 313 === 0 ? 'XXX' : 'GBP',
              Start: start,
              End: '2024-02-01',
              Awarded: 5,
              Paid: i % 97 === 0 ? 9 : 5,
            }),
      );
    }
    const dir = scratch({ 'grants.ndjson': lines.join('\n') + '\n' });
    const { copyFileSync } = await import('node:fs');
    copyFileSync(`${FIXTURES}/rules/recipients.csv`, `${dir}/recipients.csv`);
    const standard = `${FIXTURES}/rules/grants.schema.json`;
    const one = withoutTimes(await validate([`${dir}/grants.ndjson`], { standard, threads: 1, maxIssues: 100000 }));
    expect(one.files[0].rows).toBe(20000);
    expect(Object.keys(one.files[0].byCode).sort()).toEqual(['format-invalid', 'key-duplicate', 'key-reference', 'row-rule', 'table-rule', 'value-format']);
    expect(one.files[0].issues.find((i: any) => i.code === 'key-duplicate').value).toBe('G1é😀');
    const dates = one.files[0].issues.filter((i: any) => i.code === 'value-format');
    expect(dates).toHaveLength(29);
    expect(new Set(dates.map((i: any) => `${i.value} → ${i.hint}`))).toEqual(
      new Set(["05/04/2024 → write the date as 2024-04-05 (the Start field's other dates put the day first)", '31/12/2023 → write the date as 2023-12-31']),
    );
    // Parts smaller than a worker's slice, and parts of several slices (cut inside characters).
    for (const partSize of [30_011, 200_003]) {
      const many = withoutTimes(await validate([`${dir}/grants.ndjson`], { standard, threads: 2, partSize, partsFrom: 0, maxIssues: 100000 }));
      expect(many).toEqual(one);
    }
  });
});
