// The official JSON-Schema-Test-Suite (drafts 4, 7 and 2020-12, read from ../shared): every case whose
// instance is an object is checked as a one-record NDJSON file and a one-element JSON array, and — where
// the typing rules read its values back as the same JSON — as a one-row CSV; conform's verdict must be the
// suite's. The pass rate per draft and keyword is printed; the known exceptions are listed in
// docs/standards.md with their reasons, and here, so that any other difference fails.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { report, ROOT, scratch } from '../helpers.js';
import { cellText } from './verdict-forms.js';

const SUITE = resolve(ROOT, '..', 'shared', 'json-schema-test-suite', 'tests');
const hasSuite = existsSync(SUITE);
if (!hasSuite) console.log(`JSON-Schema-Test-Suite not found at ${SUITE}: its tests are skipped`);

const DRAFTS: Record<string, string> = {
  draft4: 'http://json-schema.org/draft-04/schema#',
  draft7: 'http://json-schema.org/draft-07/schema#',
  'draft2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

/**
 * Keyword files not run: remote references need a web server the suite assumes; `format` is asserted by
 * conform (standards use it as a rule), where 2020-12 makes it an annotation; `vocabulary` and
 * `$dynamicRef` meta-schema cases need meta-schemas ajv does not ship.
 */
const NOT_RUN = new Set(['refRemote.json', 'format.json', 'vocabulary.json']);

/**
 * Conform's own exceptions, each with its reason in docs/standards.md: every standard is given the address
 * of its file as its $id, and a $dynamicRef resolved from that address finds a different scope.
 */
const KNOWN = new Set(['draft2020-12 unevaluatedProperties.json / unevaluatedProperties with $dynamicRef']);

const require = createRequire(import.meta.url);
const AJV: Record<string, any> = { draft4: require('ajv-draft-04').default, draft7: require('ajv').default, 'draft2020-12': require('ajv/dist/2020').default };

/**
 * Plain ajv's verdict (undefined when it cannot compile the schema): where ajv itself departs from the
 * suite, conform — which is ajv — departs the same way, and the case is counted as ajv's exception.
 */
function plainAjv(c: Case): boolean | undefined {
  try {
    const ajv = new AJV[c.draft]({ strict: false, ownProperties: true });
    return ajv.validate(c.schema, c.data) as boolean;
  } catch {
    return undefined;
  }
}

interface Case {
  draft: string;
  file: string;
  group: string;
  test: string;
  schema: unknown;
  data: Record<string, unknown>;
  valid: boolean;
}

function casesOf(draft: string): Case[] {
  const dir = join(SUITE, draft);
  const out: Case[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !NOT_RUN.has(f))
    .sort()) {
    for (const group of JSON.parse(readFileSync(join(dir, file), 'utf8'))) {
      for (const t of group.tests) {
        if (t.data === null || typeof t.data !== 'object' || Array.isArray(t.data)) continue;
        out.push({ draft, file, group: group.description, test: t.description, schema: group.schema, data: t.data, valid: t.valid });
      }
    }
  }
  return out;
}

/** The suite's schema as a standard of records in its draft. */
function asStandard(schema: unknown, draft: string): object {
  if (typeof schema === 'boolean') return { $schema: DRAFTS[draft], 'x-standard': { mode: 'records' }, ...(schema ? {} : { not: {} }) };
  const s = schema as Record<string, unknown>;
  return { $schema: DRAFTS[draft], ...s, 'x-standard': { mode: 'records' } };
}

/**
 * Whether a record reads back from one CSV row as the same JSON: texts that are not empty and do not look
 * like numbers or true/false, numbers and booleans where the root declares that type for the name.
 */
function csvRepresentable(schema: unknown, data: Record<string, unknown>): boolean {
  if (!Object.keys(data).length || Object.keys(data).some((k) => k.trim() !== k || k === '')) return false;
  const properties = (schema && typeof schema === 'object' ? (schema as { properties?: Record<string, any> }).properties : undefined) ?? {};
  return Object.entries(data).every(([key, value]) => {
    const declared = properties[key]?.type;
    // A text is read back as text where nothing in the schema could make its column a list or an object.
    if (typeof value === 'string' && /"type":\s*(\[[^\]]*)?"(array|object)"/.test(JSON.stringify((schema as object) ?? {}).replace(/^\{"type":"object",?/, '{'))) return false;
    if (typeof value === 'string') return value !== '' && value.trim() === value && !/^(-?\d|true$|false$)/i.test(value) && !/[\r\n]/.test(value);
    if (typeof value === 'number') return declared === 'number' || (declared === 'integer' && Number.isInteger(value));
    if (typeof value === 'boolean') return declared === 'boolean';
    return false;
  });
}

type Form = 'ndjson' | 'json' | 'csv';

async function verdict(c: Case, form: Form): Promise<boolean | undefined> {
  const dir = scratch();
  writeFileSync(join(dir, 'standard.schema.json'), JSON.stringify(asStandard(c.schema, c.draft)));
  const keys = Object.keys(c.data);
  const text =
    form === 'ndjson'
      ? JSON.stringify(c.data) + '\n'
      : form === 'json'
        ? JSON.stringify([c.data])
        : `${keys.map(csvCell).join(',')}\n${keys.map((k) => csvCell(cellText(c.data[k]))).join(',')}\n`;
  writeFileSync(join(dir, `data.${form}`), text);
  try {
    const { report: r } = await report([join(dir, `data.${form}`), '-s', join(dir, 'standard.schema.json')]);
    return r.files[0].issues.every((i: { severity: string }) => i.severity !== 'error');
  } catch {
    return undefined; // the schema was refused (exit 2)
  }
}

const csvCell = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const tally = new Map<string, { passed: number; total: number }>();
const count = (key: string, ok: boolean) => {
  const t = tally.get(key) ?? { passed: 0, total: 0 };
  t.total++;
  if (ok) t.passed++;
  tally.set(key, t);
};

const exceptions = new Set<string>();

afterAll(() => {
  if (!tally.size) return;
  if (exceptions.size) console.log(`Where ajv itself departs from the suite:\n${[...exceptions].join('\n')}`);
  const lines = [...tally].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, t]) => `${key}: ${t.passed}/${t.total} (${((100 * t.passed) / t.total).toFixed(1)}%)`);
  console.log(`JSON-Schema-Test-Suite pass rates\n${lines.join('\n')}`);
});

// The whole suite in CI; a sample of every keyword file in the quick run.
const FULL = process.env.CONFORM_FULL_TESTS === '1';

describe.skipIf(!hasSuite)('the official JSON-Schema-Test-Suite', () => {
  for (const draft of Object.keys(DRAFTS)) {
    it(`${draft}: every object instance gets the suite's verdict as NDJSON, a JSON array and (where it reads back) CSV`, async () => {
      const all = hasSuite ? casesOf(draft) : [];
      const cases = FULL ? all : all.filter((_, i) => i % 6 === 0);
      const wrong: string[] = [];
      for (const c of cases) {
        const id = `${c.file} / ${c.group} / ${c.test}`;
        const forms: Form[] = ['ndjson', 'json'];
        if (csvRepresentable(c.schema, c.data)) forms.push('csv');
        const ajv = plainAjv(c);
        for (const form of forms) {
          const got = await verdict(c, form);
          const ok = got === c.valid;
          const mode = form === 'csv' ? 'csv' : 'records';
          count(`${draft} ${mode} ${c.file.replace(/\.json$/, '')}`, ok);
          count(`${draft} ${mode} (all)`, ok);
          if (ok) continue;
          // Where ajv itself differs from the suite (or cannot compile the schema), conform differs alike.
          if (got === ajv || (got === undefined && ajv === undefined) || KNOWN.has(`${draft} ${c.file} / ${c.group}`)) {
            count(`${draft} ${mode} (ajv's own exceptions)`, true);
            exceptions.add(`${draft} ${c.file} / ${c.group} / ${c.test}: ${ajv === undefined ? 'ajv cannot compile the schema' : `ajv says ${ajv ? 'valid' : 'invalid'}`}`);
            continue;
          }
          wrong.push(`${form}: ${id} (the suite says ${c.valid ? 'valid' : 'invalid'})`);
        }
      }
      expect(wrong).toEqual([]);
    }, 600_000);
  }
});
