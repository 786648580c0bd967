// Strings kept beyond their chunk's life are copied out: the copy is the same text, and only strings change.
import { describe, expect, it } from 'vitest';
import { detach, detachStrings } from '../../src/report/detach.js';

describe('detach', () => {
  it.each(['', 'short', 'twelve chars', 'thirteen char', 'x'.repeat(10_000), 'café £5 😀 and more than thirteen'])('%j reads the same after', (text) => {
    expect(detach(text)).toBe(text);
  });

  it('a slice of a large text is the same text', () => {
    const chunk = 'row,'.repeat(100_000);
    expect(detach(chunk.slice(4, 40))).toBe('row,'.repeat(9));
  });
});

describe('detachStrings', () => {
  it('copies every string field in place, and leaves other fields as they are', () => {
    const nested = { a: 1 };
    const issue = { message: 'm'.repeat(40), value: 'v', row: 3, nested, list: ['x'] };
    const same = detachStrings(issue);
    expect(same).toBe(issue);
    expect(issue).toEqual({ message: 'm'.repeat(40), value: 'v', row: 3, nested: { a: 1 }, list: ['x'] });
    expect(issue.nested).toBe(nested);
  });
});
