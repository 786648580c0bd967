// Windows-1252 text with the characters councils' files hold in bytes 0x80–0x9F (€ ’ “ ” –) and above
// (£) is read as those characters however it is read: streamed, in parts on worker threads, or whole
// (a standard to import). Some Node 20 releases decode those bytes as control characters when the whole
// text is decoded in one call, so each way is checked on the report's values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { cli, FIXTURES, report, scratch } from '../helpers.js';

const people = `${FIXTURES}/core/people.schema.json`;
/** Longer than the 12 characters the people standard allows a name, so the value is shown in the report. */
const NAME = '£5 €6 ’a’ “b” – c';
const BYTES: Record<string, number> = { '£': 0xa3, '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96 };

/** The text as Windows-1252 bytes (ASCII and the characters above only). */
function windows1252(text: string): Buffer {
  return Buffer.from([...text].map((c) => BYTES[c] ?? c.charCodeAt(0)));
}

/** A CSV of `rows` people, every 1000th with NAME (too long a name), the rest with short ASCII names. */
function peopleCsv(rows: number): Buffer {
  const lines = ['id,name,joined'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},${i % 1000 === 0 || rows < 1000 ? NAME : `P${i}`},2024-01-01`);
  return windows1252(`${lines.join('\r\n')}\r\n`);
}

const lengthValues = (file: any) => file.issues.filter((i: any) => i.code === 'value-length').map((i: any) => i.value);
const withoutTimes = (value: unknown) => JSON.parse(JSON.stringify(value, (key, v) => (key === 'elapsed' || key === 'checkedAt' ? undefined : v)));

describe('a Windows-1252 file with £ € ’ “ ” –', () => {
  it('is read as those characters when checked', async () => {
    const dir = scratch({ 'people.csv': peopleCsv(2) });
    const { report: r } = await report([`${dir}/people.csv`, '-s', people]);
    expect(r.files[0].encoding).toBe('windows-1252');
    expect(lengthValues(r.files[0])).toEqual([NAME, NAME]);
  });

  it('is read as those characters when checked in parts on two threads', async () => {
    const dir = scratch({ 'people.csv': peopleCsv(20000) });
    const file = `${dir}/people.csv`;
    const one = withoutTimes(await validate([file], { standard: people, threads: 1, maxIssues: 100000 }));
    const parts = withoutTimes(await validate([file], { standard: people, threads: 2, partSize: 20_011, partsFrom: 0, maxIssues: 100000 }));
    expect(one.files[0].encoding).toBe('windows-1252');
    expect(lengthValues(one.files[0])).toEqual(Array.from({ length: 20 }, () => NAME));
    expect(parts).toEqual(one);
  });

  it('is read as those characters when imported as a standard', async () => {
    const table = { fields: [{ name: 'label', type: 'string', constraints: { required: true, enum: [NAME] } }] };
    const dir = scratch({ 'labels.tableschema.json': windows1252(JSON.stringify(table)), 'good.csv': `label\n${NAME}\n`, 'bad.csv': 'label\n£5 \n' });
    const imported = await cli(['standards', 'import', 'labels.tableschema.json', '-o', 'labels', '--kind', 'tableschema'], { cwd: dir });
    expect(imported.code).toBe(0);
    const schema = JSON.parse(readFileSync(join(dir, 'labels', 'schema.json'), 'utf8'));
    expect(schema.properties.label.enum).toEqual([NAME]);
    const { report: r } = await report(['good.csv', 'bad.csv', '-s', 'labels/schema.json'], { cwd: dir });
    expect(r.files.map((f: any) => f.passed)).toEqual([true, false]);
  });
});
