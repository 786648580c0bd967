// The JSON report's own schema, shipped with the tool, holds for real output of every kind of input.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, report } from './helpers.js';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

describe('the report schema', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const check = ajv.compile(JSON.parse(readFileSync(`${ROOT}/schemas/report.schema.json`, 'utf8')));

  it.each([
    [['examples/spend-sample.csv', '-s', 'spend-over-500']],
    [
      [
        `${FIXTURES}/core/all-codes.csv`,
        `${FIXTURES}/core/people.json`,
        `${FIXTURES}/core/people.ndjson`,
        `${FIXTURES}/core/empty.csv`,
        `${FIXTURES}/core/missing.csv`,
        '-s',
        `${FIXTURES}/core/people.schema.json`,
      ],
    ],
    [[`${FIXTURES}/rules/grants.csv`, '-s', `${FIXTURES}/rules/grants.schema.json`]],
  ])('describes the report for %j', async (argv) => {
    const { report: r } = await report(argv);
    const ok = check(r);
    expect(check.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});
