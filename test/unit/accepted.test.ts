// What a standard's sources accept beyond its own rule, and the hint naming the law that asks for a field.
import { describe, expect, it } from 'vitest';
import { acceptedForms, acceptedMatchers, sourceHint } from '../../src/standards/accepted.js';

const UK_DATE = { pattern: '^\\d{2}/\\d{2}/\\d{4}$', because: 'the Transparency Code accepts dd/mm/yyyy' };

describe('acceptedForms', () => {
  it.each([
    ['no x-accepted', {}, undefined],
    ['x-accepted not a list', { 'x-accepted': UK_DATE }, undefined],
    ['an empty list', { 'x-accepted': [] }, undefined],
    ['only malformed entries', { 'x-accepted': [null, 'x', { pattern: 1, because: 'b' }, { pattern: 'a' }] }, undefined],
    ['one form among malformed ones', { 'x-accepted': [null, UK_DATE, { because: 'no pattern' }] }, [UK_DATE]],
    ['two forms', { 'x-accepted': [UK_DATE, { pattern: '^x$', because: 'y' }] }, [UK_DATE, { pattern: '^x$', because: 'y' }]],
  ])('%s', (_, schema, forms) => {
    expect(acceptedForms(schema)).toEqual(forms);
  });
});

describe('sourceHint', () => {
  const SOURCE = 'the Local Government Transparency Code 2015';
  it.each([
    ['lowered to a warning for every code', { 'x-source': SOURCE, 'x-severity': 'warning' }, 'header-missing', `asked for by ${SOURCE}`],
    ['lowered to a notice for every code', { 'x-source': SOURCE, 'x-severity': 'info' }, 'value-missing', `asked for by ${SOURCE}`],
    ['severity error: the schema requires it', { 'x-source': SOURCE, 'x-severity': 'error' }, 'header-missing', undefined],
    ['lowered for this code', { 'x-source': SOURCE, 'x-severity': { 'value-missing': 'warning' } }, 'value-missing', `asked for by ${SOURCE}`],
    ['lowered for another code only', { 'x-source': SOURCE, 'x-severity': { 'value-missing': 'warning' } }, 'header-missing', undefined],
    ['kept an error for this code', { 'x-source': SOURCE, 'x-severity': { 'header-missing': 'error' } }, 'header-missing', undefined],
    ['no severity', { 'x-source': SOURCE }, 'header-missing', undefined],
    ['no source', { 'x-severity': 'warning' }, 'header-missing', undefined],
    ['an empty source', { 'x-source': '', 'x-severity': 'warning' }, 'header-missing', undefined],
    ['a source that is not text', { 'x-source': ['law'], 'x-severity': 'warning' }, 'header-missing', undefined],
  ] as const)('%s', (_, schema, code, hint) => {
    expect(sourceHint(schema, code)).toBe(hint);
  });
});

describe('acceptedMatchers', () => {
  it('compiles each form, keeping why it is accepted', () => {
    const [matcher, ...rest] = acceptedMatchers({ 'x-accepted': [UK_DATE] });
    expect(rest).toEqual([]);
    expect(matcher!.because).toBe(UK_DATE.because);
    expect(matcher!.test.test('31/12/2024')).toBe(true);
    expect(matcher!.test.test('2024-12-31')).toBe(false);
  });

  it.each([
    ['no forms', {}],
    ['a pattern that does not compile', { 'x-accepted': [{ pattern: '(', because: 'broken' }] }],
  ])('is empty for %s', (_, schema) => {
    expect(acceptedMatchers(schema)).toEqual([]);
  });
});
