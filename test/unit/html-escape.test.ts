// Text for the HTML report: made visible first, then the characters that could start markup written as entities.
import { describe, expect, it } from 'vitest';
import { esc } from '../../src/formatters/html-escape.js';

describe('esc', () => {
  it.each([
    ['<img onerror=alert(1)>', '&lt;img onerror=alert(1)&gt;'],
    ['a & b', 'a &amp; b'],
    [`"'`, '&quot;&#39;'],
    ['&amp;', '&amp;amp;'],
    [42, '42'],
    ['\u202e<', '\\u202e&lt;'],
    ['line\nbreak', 'line\\nbreak'],
    ['£5 café', '£5 café'],
  ])('%j → %j', (value, html) => {
    expect(esc(value)).toBe(html);
  });
});
