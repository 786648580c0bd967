// Every format conform checks is decided in time linear in the value, with ajv-formats' own verdicts:
// on the official JSON-Schema-Test-Suite's format tests, on a table of examples, on long values made
// from them, and on generated ones. The timing tests assert growth, not wall time (see growth.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearFormats, NATIVE_UP_TO } from '../../src/standards/linear-formats.js';
import { ROOT, report, scratch } from '../helpers.js';
import { FULL, growth, LINEAR_GROWTH } from './growth.js';

const require = createRequire(import.meta.url);
const { fullFormats } = require('ajv-formats/dist/formats') as { fullFormats: Record<string, RegExp | ((s: string) => boolean) | { validate: unknown }> };
const LINEAR = linearFormats();
const NAMES = Object.keys(LINEAR);
const SEED = Number(process.env.CONFORM_SEED ?? 20261205);

/** ajv-formats' own verdict. */
function native(name: string, value: string): boolean {
  const format = fullFormats[name]!;
  return format instanceof RegExp ? format.test(value) : (format as (s: string) => boolean)(value);
}

const EXAMPLES: Record<string, string[]> = {
  uri: [
    'https://www.example.gov.uk/path/to/page?x=1#top',
    'http://[::1]:8080/',
    'urn:isbn:0451450523',
    'mailto:someone@example.com',
    'http://a b',
    '//no-scheme',
    'http://%zz',
    'HTTP://EXAMPLE.COM',
    'https://\u212aelvin.example',
    'htt\u017fp://x',
  ],
  'uri-reference': ['../a/b?c#d', '#frag', 'http://example.com', '\\\\server', 'a b', 'HTTP://x/%41'],
  url: [
    'https://www.example.gov.uk/a?b=c',
    'ftp://user:pass@files.example.org:21/x',
    'http://10.0.0.1/',
    'http://192.168.1.1',
    'http://1.1.1.1/',
    'http://localhost',
    'https://example.com:99999',
    'HTTPS://EXAMPLE.COM/',
    'http://ex\u00e4mple.de/',
    'http://a.b-c.de',
    'http://user@:80',
    'http\u017f://example.com',
    'https://\u212a.example.com',
  ],
  email: ['name@example.gov.uk', 'first.last+tag@sub.example.org', 'a@b', '@example.com', 'a..b@example.com', 'NAME@EXAMPLE.COM', 'x@-example.com'],
  hostname: ['example.gov.uk', 'a-b.c', '-bad.example', 'x'.repeat(63) + '.com', 'x'.repeat(64) + '.com', `${'a.'.repeat(126)}a`, `${'a.'.repeat(127)}a`, `${'a.'.repeat(126)}a.`],
  uuid: ['123e4567-e89b-12d3-a456-426614174000', 'urn:uuid:123E4567-E89B-12D3-A456-426614174000', '123e4567e89b12d3a456426614174000', 'g23e4567-e89b-12d3-a456-426614174000'],
  ipv4: ['192.168.0.1', '256.1.1.1', '1.2.3', '01.2.3.4'],
  ipv6: ['::1', '2001:db8::8a2e:370:7334', '1:2:3:4:5:6:7:8:9', '::ffff:192.168.0.1', 'G::1'],
  duration: ['P1Y2M3DT4H5M6S', 'P4W', 'PT', 'P', 'P1D2Y'],
  'uri-template': ['http://example.com/{id}', '/x/{+path}/{?q,r}', '{', 'a b'],
  'json-pointer': ['', '/a/b', '/a~0b/~1', 'a', '/~2'],
  'json-pointer-uri-fragment': ['#', '#/a/b', '#/%20', '/a', '#/a b'],
  'relative-json-pointer': ['0', '1/a', '2#', '-1', '01'],
};

/** Values past NATIVE_UP_TO made from a short one, so the long path is compared too. */
function lengthened(value: string): string[] {
  const pad = 'a'.repeat(NATIVE_UP_TO);
  return [value.repeat(Math.ceil((NATIVE_UP_TO + 1) / Math.max(1, value.length))), value + pad, pad + value, `${value}/${pad}`, `${value}#${pad}`, `${value}?q=${pad}`];
}

describe('linear formats keep ajv-formats’ verdicts', () => {
  it('cover every format of ajv-formats given by a regular expression, and uri', () => {
    const regExpFormats = Object.entries(fullFormats)
      .filter(([, f]) => f instanceof RegExp)
      .map(([name]) => name);
    expect(NAMES.sort()).toEqual([...regExpFormats, 'uri'].sort());
  });

  it.each(NAMES)('%s: on the table of examples, short and long', (name) => {
    for (const value of EXAMPLES[name] ?? []) {
      for (const v of [value, ...lengthened(value)]) expect(LINEAR[name]!(v), `${name} on ${JSON.stringify(v.slice(0, 80))}`).toBe(native(name, v));
    }
  });

  const SUITE = resolve(ROOT, '..', 'shared', 'json-schema-test-suite', 'tests');
  it.skipIf(!existsSync(SUITE))('on the JSON-Schema-Test-Suite’s format tests, short and long', () => {
    let compared = 0;
    for (const draft of ['draft7', 'draft2020-12']) {
      const folder = join(SUITE, draft, 'optional', 'format');
      if (!existsSync(folder)) continue;
      for (const file of readdirSync(folder)) {
        const name = file.replace(/\.json$/, '');
        if (!LINEAR[name]) continue;
        for (const group of JSON.parse(readFileSync(join(folder, file), 'utf8')) as Array<{ tests: Array<{ data: unknown }> }>) {
          for (const { data } of group.tests) {
            if (typeof data !== 'string') continue;
            for (const v of [data, ...lengthened(data)]) {
              expect(LINEAR[name]!(v), `${draft} ${name} on ${JSON.stringify(v.slice(0, 80))}`).toBe(native(name, v));
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('on generated long values', () => {
    const piece = fc.constantFrom(
      'a',
      'Z',
      '0',
      '9',
      '.',
      '-',
      '_',
      '~',
      ':',
      '/',
      '?',
      '#',
      '[',
      ']',
      '@',
      '!',
      '$',
      '&',
      "'",
      '(',
      ')',
      '*',
      '+',
      ',',
      ';',
      '=',
      '%',
      '%20',
      '%zz',
      ' ',
      '\n',
      '{',
      '}',
      '"',
      '\\',
      'é',
      '\u212a',
      '\u017f',
      '\u00a0',
      '\u{1F600}',
      '::',
      '://',
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...NAMES),
        fc.constantFrom(...Object.values(EXAMPLES).flat()),
        fc.array(piece, { maxLength: 12 }),
        fc.nat(NATIVE_UP_TO + 40),
        (name, start, middle, pad) => {
          const v = start + middle.join('') + 'a'.repeat(pad) + middle.join('');
          expect(LINEAR[name]!(v), `${name} on ${JSON.stringify(v.slice(0, 80))}`).toBe(native(name, v));
        },
      ),
      { numRuns: FULL ? 5000 : 500, seed: SEED },
    );
  });
});

describe('formats are decided in linear time', () => {
  const PREFIXES = ['', 'http://', 'https://x.', 'a:', 'ftp://x', '#/', '/', '0/', 'P', 'urn:uuid:', 'x@', '{'];
  const PUMPS = ['a', 'a:', '::', '/', '%20', 'a.', 'a-', '1', '1.', '{a}', '@', 'a@', ':@', '.a', '\u00e9'];
  const TAILS = ['', ' ', '!', '"'];
  // RE2 (re2js) runs short texts on other engines than long ones: sizes from here on are all on its
  // automaton.
  const RE2_STEADY = 32_768;
  const work = (name: string, prefix: string, pump: string, tail: string) => (n: number) => {
    const value = prefix + pump.repeat(Math.ceil(n / pump.length)) + tail;
    return () => void LINEAR[name]!(value);
  };

  it('the measure tells ajv-formats’ own url (quadratic) from linear work', () => {
    const url = fullFormats.url as RegExp;
    expect(growth((n) => () => void url.test(`ftp://x${'::'.repeat(n / 2)} `), 500)).toBeGreaterThan(LINEAR_GROWTH);
  });

  it.each([
    ['url', 'ftp://x', '::', ' '],
    ['url', 'http://', 'a:', ' '],
    ['uri-reference', '', 'a', '"'],
    ['uri', 'https://x.', '1', ' '],
  ])('%s on %j + %j… + %j', (name, prefix, pump, tail) => {
    expect(growth(work(name, prefix, pump, tail), RE2_STEADY, 3)).toBeLessThan(LINEAR_GROWTH);
  });

  it('every format on generated pumped values', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.constantFrom(...PREFIXES), fc.constantFrom(...PUMPS), fc.constantFrom(...TAILS), (name, prefix, pump, tail) => {
        expect(growth(work(name, prefix, pump, tail), RE2_STEADY, 5), `${name} on ${JSON.stringify(prefix)} + ${JSON.stringify(pump)}… + ${JSON.stringify(tail)}`).toBeLessThan(
          LINEAR_GROWTH,
        );
      }),
      { numRuns: FULL ? 150 : 4, seed: SEED },
    );
  });

  it('a 60 KB url cell of a brownfield-land file gets its verdict without a wait (it took 6–11 s)', async () => {
    const cell = `http://x${'::'.repeat(30_000)} `;
    const dir = scratch({ 'b.csv': `OrganisationURI,SiteReference\n${cell},BR1\n` });
    const start = Date.now();
    const { report: result } = await report([`${dir}/b.csv`, '--standard', 'brownfield-land']);
    expect(Date.now() - start).toBeLessThan(5000);
    const issue = result.files[0].issues.find((i: { column?: string; code: string }) => i.column === 'OrganisationURI');
    expect(issue?.code).toBe('value-format');
  });
});
