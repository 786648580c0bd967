// Reports are identical, issue for issue, whether CSV is read by the fast tokenizer or by csv-parse.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { FIXTURES, scratch } from '../helpers.js';

const withoutTimes = (report: any) => JSON.parse(JSON.stringify(report, (key, value) => (key === 'elapsed' || key === 'checkedAt' ? undefined : value)));

describe('the fast tokenizer and the reference reader', () => {
  const cases: Array<[string, string]> = [
    ...readdirSync(`${FIXTURES}/core`)
      .filter((f) => f.endsWith('.csv'))
      .map((f): [string, string] => [`${FIXTURES}/core/${f}`, `${FIXTURES}/core/people.schema.json`]),
    [`${FIXTURES}/rules/grants.csv`, `${FIXTURES}/rules/grants.schema.json`],
    ['examples/spend-sample.csv', 'spend-over-500'],
  ];

  it.each(cases)('give the same report for %s', async (file, standard) => {
    const fast = await validate([file], { standard, tokenizer: 'fast' });
    const reference = await validate([file], { standard, tokenizer: 'reference' });
    expect(withoutTimes(fast)).toEqual(withoutTimes(reference));
  });

  it('give the same report for a large file read in many chunks', async () => {
    const rows = Array.from(
      { length: 20000 },
      (_, i) => `${i + 1},"Name ${i}${i % 97 === 0 ? '\nsecond line' : ''}",2024-01-${String((i % 28) + 1).padStart(2, '0')}${i % 50 === 0 ? ',extra' : ''}`,
    );
    const dir = scratch({ 'big.csv': `id,name,joined\r\n${rows.join('\r\n')}\r\n` });
    const fast = await validate([`${dir}/big.csv`], { standard: `${FIXTURES}/core/people.schema.json`, tokenizer: 'fast', maxIssues: 100000 });
    const reference = await validate([`${dir}/big.csv`], { standard: `${FIXTURES}/core/people.schema.json`, tokenizer: 'reference', maxIssues: 100000 });
    expect(fast.files[0]!.issues.length).toBeGreaterThan(400);
    expect(withoutTimes(fast)).toEqual(withoutTimes(reference));
  });
});
