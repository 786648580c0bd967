// A failure of the run itself (exit 2), told from any other error.
import { describe, expect, it } from 'vitest';
import { ConformError, isConformError } from '../../src/errors.js';

describe('ConformError', () => {
  it('carries its message and, when given, where the problem is', () => {
    const error = new ConformError('the schema is not valid JSON', 'schemas/x/schema.json');
    expect([error.name, error.message, error.where]).toEqual(['ConformError', 'the schema is not valid JSON', 'schemas/x/schema.json']);
    expect(new ConformError('bad flag').where).toBeUndefined();
  });

  it.each([
    [new ConformError('x'), true],
    [new Error('x'), false],
    [Object.assign(new Error('x'), { name: 'ConformError' }), false],
    ['ConformError', false],
    [undefined, false],
  ])('isConformError(%s) is %s', (value, answer) => {
    expect(isConformError(value)).toBe(answer);
  });
});
