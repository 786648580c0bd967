// Files saved with the classic Mac OS line break, a CR alone (QUIRKS: old exports still write them): read
// as lines, not as one long line, whether read as text, as bytes for threads, or repaired by fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openText } from '../../src/sources/text.js';
import { cli, report, scratch } from '../helpers.js';

const schema = JSON.stringify({
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'integer' }, name: { type: 'string', minLength: 1 } },
});
const crFile = 'id,name\r1,Ann\r2,"Bo\rb"\rx,Cy\r';

describe('a file whose lines end in CR alone', () => {
  it('is read as lines, with each row and line numbered', async () => {
    const dir = scratch({ 'mac.csv': crFile, 's.json': schema });
    const { report: r } = await report([join(dir, 'mac.csv'), '-s', join(dir, 's.json')]);
    const file = r.files[0];
    expect(file.rows).toBe(3);
    expect(file.issues.map((i: any) => [i.code, i.row, i.line, i.column])).toEqual([['value-type', 3, 5, 'id']]);
  });

  it('gives its text and its bytes with LF line breaks', async () => {
    const text = await openText('mac.csv', { stream: Readable.from([Buffer.from(crFile)]) });
    expect(text.headText).toBe('id,name\n1,Ann\n2,"Bo\nb"\nx,Cy\n');
    const chunks = [];
    // The first 64 KB are the head, read as text; what follows is handed on as bytes.
    const head = Buffer.from('a\r'.repeat(32_768));
    for await (const chunk of (await openText('mac.csv', { stream: Readable.from([head, Buffer.from('c\rd\r')]) })).byteChunks()) chunks.push(chunk);
    expect(chunks.map((c) => [c.bytes.toString(), c.newlines])).toEqual([['c\nd\n', 2]]);
  });

  it('leaves CRLF files and a CR inside a CRLF file as they were', async () => {
    const text = await openText('dos.csv', { stream: Readable.from([Buffer.from('a,b\r\n"x\ry",2\r\n')]) });
    expect(text.headText).toBe('a,b\r\n"x\ry",2\r\n');
  });

  it('is written by fix with LF line breaks and every row kept', async () => {
    const dir = scratch({ 'mac.csv': crFile, 's.json': schema });
    const out = join(dir, 'fixed.csv');
    await cli(['fix', join(dir, 'mac.csv'), '-s', join(dir, 's.json'), '-o', out]);
    expect(readFileSync(out, 'utf8').split('\n').filter(Boolean)).toHaveLength(5);
  });
});
