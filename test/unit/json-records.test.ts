// The JSON splitter: each mode (a top-level array, the array inside an object, one object as the only
// record, the problems), and the same records and lines wherever the file's chunks are cut.
import { describe, expect, it } from 'vitest';
import { escapePointer, JsonRecordSplitter, SKIPPED_RECORD } from '../../src/sources/json-records.js';

interface Split {
  texts: string[];
  lines: number[];
  pointer: string;
  single: boolean;
  problem?: { line: number; message: string };
}

function split(chunks: string[], limit?: number): Split {
  const splitter = new JsonRecordSplitter(limit);
  const texts: string[] = [];
  const lines: number[] = [];
  for (const chunk of [...chunks]) {
    const batch = splitter.push(chunk);
    texts.push(...batch.texts);
    lines.push(...batch.lines);
  }
  const last = splitter.end();
  texts.push(...last.texts);
  lines.push(...last.lines);
  return { texts, lines, pointer: splitter.pointer, single: splitter.single, ...(splitter.problem ? { problem: splitter.problem } : {}) };
}

/** The text cut into chunks in every way worth trying: whole, at each place in two, and one character at a time. */
function chunkings(text: string): Array<[string, string[]]> {
  const ways: Array<[string, string[]]> = [['whole', [text]]];
  for (let at = 1; at < text.length; at++) ways.push([`cut at ${at}`, [text.slice(0, at), text.slice(at)]]);
  ways.push(['one character at a time', [...text]]);
  return ways;
}

function expectEveryChunking(text: string, expected: Split, limit?: number): void {
  for (const [how, chunks] of chunkings(text)) {
    expect(split(chunks, limit), how).toEqual(expected);
  }
}

describe('a top-level array', () => {
  it.each([
    ['objects on one line', '[{"a":1},{"a":2}]', ['{"a":1}', '{"a":2}'], [1, 1]],
    ['objects on their own lines', '[\n  {"a": 1},\n  {"a": 2}\n]\n', ['{"a": 1}', '{"a": 2}'], [2, 3]],
    ['an object over several lines', '[\r\n{\r\n"a": 1\r\n},\r\n{"a": 2}]', ['{\r\n"a": 1\r\n}', '{"a": 2}'], [2, 5]],
    ['plain values', '[1, "x", null]', ['1', '"x"', 'null'], [1, 1, 1]],
    ['values with space before the comma', '[1 , 2 ]', ['1', '2'], [1, 1]],
    ['no records', '[]', [], []],
    ['no records, spaced', '  [ \n ]  \n', [], []],
    ['brackets and braces inside strings', '[{"a": "]},{"}, {"b": "\\"]"}]', ['{"a": "]},{"}', '{"b": "\\"]"}'], [1, 1]],
    ['a backslash ending a string', '[{"a": "x\\\\"}, {"b": 1}]', ['{"a": "x\\\\"}', '{"b": 1}'], [1, 1]],
    ['nested arrays and objects', '[{"a": [1, {"b": [2]}]}, {"c": 3}]', ['{"a": [1, {"b": [2]}]}', '{"c": 3}'], [1, 1]],
    ['arrays as records', '[[1, 2], [3]]', ['[1, 2]', '[3]'], [1, 1]],
  ])('%s', (_, text, texts, lines) => {
    expectEveryChunking(text, { texts, lines, pointer: '', single: false });
  });
});

describe('the array of records inside a top-level object', () => {
  it.each([
    ['the only key', '{"grants": [{"id": 1}, {"id": 2}]}', '/grants', ['{"id": 1}', '{"id": 2}'], [1, 1]],
    ['keys after it', '{"grants": [{"id": 1}], "meta": {"n": [1, "]"]}}', '/grants', ['{"id": 1}'], [1]],
    ['keys before it', '{"version": "1.1", "uri": "x", "releases": [{"ocid": "a"}]}', '/releases', ['{"ocid": "a"}'], [1]],
    ['a key with / and ~', '{"a/b~c": [{"x": 1}]}', '/a~1b~0c', ['{"x": 1}'], [1]],
    ['a key with escaped quotes', '{"say \\"hi\\"": [{"x": 1}]}', '/say "hi"', ['{"x": 1}'], [1]],
    ['spread over lines', '{\n  "features": [\n    {"type": "Feature"},\n\n    {"type": "Feature"}\n  ]\n}\n', '/features', ['{"type": "Feature"}', '{"type": "Feature"}'], [3, 5]],
  ])('%s', (_, text, pointer, texts, lines) => {
    expectEveryChunking(text, { texts, lines, pointer, single: false });
  });
});

describe('one object as the only record', () => {
  it.each([
    ['no arrays', '{"name": "x", "n": 1}'],
    ['an array of values', '{"tags": ["a", "b"], "n": 1}'],
    ['an empty array', '{"tags": [], "n": 1}'],
    ['an array of objects deeper down', '{"meta": {"list": [{"x": 1}]}, "n": 1}'],
    ['an empty object', '{}'],
    ['over lines', '\n{\n  "a": 1\n}\n'],
  ])('%s', (_, text) => {
    const trimmed = text.trim();
    expectEveryChunking(text, { texts: [trimmed], lines: [text.indexOf('{') === 0 ? 1 : 2], pointer: '', single: true });
  });
});

describe('problems', () => {
  it.each([
    ['an empty file', '', 1, 'the file holds no JSON value'],
    ['only blank lines', '  \n\n ', 3, 'the file holds no JSON value'],
    ['a number at the top', '\n\n42', 3, 'the file should hold an array of records, or an object holding one'],
    ['a string at the top', '"x"', 1, 'the file should hold an array of records, or an object holding one'],
    ['an array never closed', '[{"a": 1}\n', 2, 'the file ends before the JSON is complete (a bracket or brace is never closed)'],
    ['an object never closed', '{"grants": [{"a": 1}]', 1, 'the file ends before the JSON is complete (a bracket or brace is never closed)'],
    ['a string never closed', '[{"a": "abc', 1, 'a string is never closed'],
    ['a second object after the one record', '{"a":1} {"b":2}', 1, 'there is more text after the end of the JSON value'],
    ['text on a line after the array', '[{"a":1}]\n\nx', 3, 'there is more text after the end of the JSON value'],
    ['a second array after the first', '[1]\n[2]\n', 2, 'there is more text after the end of the JSON value'],
    ['text after the object holding the records', '{"grants": [{"id": 1}]}\n,', 2, 'there is more text after the end of the JSON value'],
  ])('%s', (_, text, line, message) => {
    for (const [how, chunks] of chunkings(text)) {
      expect(split(chunks).problem, how).toEqual({ line, message });
    }
  });

  it('text after the array in the same chunk: the records before it, then the problem, then nothing', () => {
    const splitter = new JsonRecordSplitter();
    expect(splitter.push('[1, 2]\n 3').texts).toEqual(['1', '2']);
    expect(splitter.problem).toEqual({ line: 2, message: 'there is more text after the end of the JSON value' });
    expect(splitter.push('[4]').texts).toEqual([]);
    expect(splitter.end().texts).toEqual([]);
  });
});

describe('text after the end of the value, in a later chunk', () => {
  it('is found however far after the value it comes', () => {
    const records = Array.from({ length: 4000 }, (_, k) => `{"n":${k}}`);
    const text = `[${records.join(',\n')}]`;
    const splitter = new JsonRecordSplitter();
    let count = 0;
    for (let at = 0; at < text.length; at += 65536) count += splitter.push(text.slice(at, at + 65536)).texts.length;
    expect(splitter.problem).toBeUndefined();
    splitter.push('  \r\n\t');
    expect(splitter.problem).toBeUndefined();
    splitter.push('\nx');
    expect(count).toBe(4000);
    expect(splitter.problem).toEqual({ line: 4002, message: 'there is more text after the end of the JSON value' });
    splitter.end();
    expect(splitter.problem).toEqual({ line: 4002, message: 'there is more text after the end of the JSON value' });
  });

  it('white space alone after the value is no problem, in any chunking', () => {
    expectEveryChunking('{"a":1}\n \r\n\t', { texts: ['{"a":1}'], lines: [1], pointer: '', single: true });
    expectEveryChunking('[1]\n\n', { texts: ['1'], lines: [1], pointer: '', single: false });
  });
});

describe('records longer than the limit', () => {
  it.each([
    ['one in the array', '[{"a":"12345678"}, {"b":1}]', [SKIPPED_RECORD, '{"b":1}'], false],
    ['exactly the limit is kept', '[{"a":"123"}, {"b":1}]', ['{"a":"123"}', '{"b":1}'], false],
    ['one past the limit is not', '[{"a":"1234"}, {"b":1}]', [SKIPPED_RECORD, '{"b":1}'], false],
    ['the only object', '{"name": "a long name"}', [SKIPPED_RECORD], true],
  ])('%s', (_, text, texts, single) => {
    expectEveryChunking(text, { texts, lines: texts.map(() => 1), pointer: '', single }, 11);
  });
});

describe('escapePointer', () => {
  it.each([
    ['grants', 'grants'],
    ['a/b', 'a~1b'],
    ['a~b', 'a~0b'],
    ['~/', '~0~1'],
    ['', ''],
  ])('%j → %j', (key, escaped) => {
    expect(escapePointer(key)).toBe(escaped);
  });
});
