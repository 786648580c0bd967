// Text from data files shown, never obeyed: what is written as a visible escape, and what is left alone.
import { describe, expect, it } from 'vitest';
import { inertLinks, jsonTerminalSafe, terminalSafe } from '../../src/formatters/safe-text.js';

describe('terminalSafe', () => {
  it.each([
    ['plain', 'plain'],
    ['café £5 😀', 'café £5 😀'],
    ['a\tb', 'a\tb'],
    ['a\nb', 'a\\nb'],
    ['a\r\nb', 'a\\r\\nb'],
    ['\u001b[31mred', '\\x1b[31mred'],
    ['\u0000', '\\x00'],
    ['\u007f', '\\x7f'],
    ['\u0085', '\\x85'],
    ['soft\u00adhyphen', 'soft\\xadhyphen'],
    ['zero\u200bwidth', 'zero\\u200bwidth'],
    ['\u202eevil', '\\u202eevil'],
    ['\u2066isolate\u2069', '\\u2066isolate\\u2069'],
    ['line\u2028separator', 'line\\u2028separator'],
    ['\ufeffBOM', '\\ufeffBOM'],
    ['tag\udb40\udc41', 'tag\\u{e0041}'],
    ['\ud800x', '\\ud800x'],
    ['x\udc00', 'x\\udc00'],
  ])('%j → %j', (text, shown) => {
    expect(terminalSafe(text)).toBe(shown);
  });
});

describe('jsonTerminalSafe', () => {
  it.each([
    ['{"a":"\u202e"}', '{"a":"\\u202e"}'],
    ['{"a":"\u0085"}', '{"a":"\\u0085"}'],
    ['{"a":"x\udb40\udc41"}', '{"a":"x\\udb40\\udc41"}'],
    ['{\n  "a": "plain"\n}', '{\n  "a": "plain"\n}'],
    ['{"a":"café"}', '{"a":"café"}'],
  ])('%j → %j', (json, safe) => {
    expect(jsonTerminalSafe(json)).toBe(safe);
  });

  it('is the same JSON value', () => {
    const value = { cell: 'a\u202eb\u200bc\u0085d\ufeff\udb40\udc41', n: 1 };
    expect(JSON.parse(jsonTerminalSafe(JSON.stringify(value, null, 2)))).toEqual(value);
  });
});

describe('inertLinks', () => {
  it.each([
    ['see https://example.org', 'see https:\u2060//example.org'],
    ['www.example.org', 'www\u2060.example.org'],
    ['WWW.example.org', 'WWW\u2060.example.org'],
    ['@user', '@\u2060user'],
    ['a@b.com', 'a@\u2060b.com'],
    ['#123', '#\u2060123'],
    ['GH-123', 'GH-\u2060123'],
    ['gh-12', 'gh-\u206012'],
    ['# heading', '# heading'],
    ['email @ home', 'email @ home'],
    ['mailto:x', 'mailto:x'],
  ])('%j → %j', (text, inert) => {
    expect(inertLinks(text)).toBe(inert);
  });
});
