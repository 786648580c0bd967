// Cutting a file into parts with buffers that are filled again once a part has been merged: the parts
// must hold exactly the file's bytes, in order, while read chunks arrive in a buffer that the reader
// reuses, and a part's bytes must never change while the part is still being checked.
import { describe, expect, it } from 'vitest';
import { PartBuffers, partsOf, type BytePart } from '../../src/sources/parts.js';
import type { ByteChunk } from '../../src/sources/text.js';

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The file's bytes in chunks of random sizes, each copied into one buffer that the next chunk overwrites, as the file reader does. */
async function* reusedChunks(file: Buffer, next: () => number): AsyncGenerator<ByteChunk> {
  const reused = Buffer.alloc(16_000);
  for (let at = 0; at < file.length;) {
    const length = Math.min(file.length - at, 1 + Math.floor(next() * reused.length));
    file.copy(reused, 0, at, at + length);
    const bytes = reused.subarray(0, length);
    yield { bytes, encoding: 'utf-8', newlines: bytes.toString('latin1').split('\n').length - 1, ascii: true };
    at += length;
  }
}

describe('parts read into buffers that are filled again', () => {
  it('hold every byte of the file in order, cut after line breaks, with their first lines, while earlier parts are still in use', async () => {
    const next = random(20261125);
    const lines: string[] = [];
    for (let i = 0; i < 4000; i++) {
      // Mostly short lines, and now and then one longer than a part and its buffer's spare room.
      const length = next() < 0.002 ? 60_000 + Math.floor(next() * 40_000) : Math.floor(next() * 120);
      lines.push(`${i},` + 'x'.repeat(length));
    }
    const file = Buffer.from(lines.join('\n') + '\n', 'latin1');
    const size = 10_000;
    const buffers = new PartBuffers(size);

    // Parts are checked a few at a time, out of step with reading, and their buffers given back after.
    const inFlight: Array<{ part: BytePart; copy: Buffer }> = [];
    const seen: Buffer[] = [];
    const buffersUsed = new Set<ArrayBufferLike>();
    let expectedLine = 1;
    const finish = (entry: { part: BytePart; copy: Buffer }) => {
      expect(Buffer.from(entry.part.bytes).equals(entry.copy)).toBe(true);
      seen.push(entry.copy);
      buffers.give(entry.part.bytes);
    };
    for await (const part of partsOf(reusedChunks(file, next), { text: '', line: 1 }, buffers)) {
      expect(part.bytes.byteOffset).toBe(0);
      expect(part.firstLine).toBe(expectedLine);
      if (!part.final) expect(part.bytes[part.bytes.length - 1]).toBe(10);
      expectedLine += Buffer.from(part.bytes).toString('latin1').split('\n').length - 1;
      buffersUsed.add(part.bytes.buffer);
      inFlight.push({ part, copy: Buffer.from(part.bytes) });
      if (inFlight.length > 3) finish(inFlight.shift()!);
    }
    inFlight.forEach(finish);

    expect(Buffer.concat(seen).equals(file)).toBe(true);
    expect(seen.length).toBeGreaterThan(30);
    // A handful of buffers go round; only the long lines needed buffers of their own.
    expect(buffersUsed.size).toBeLessThan(seen.length / 2);
  });

  it('start with the text read already, and number lines from where it began', async () => {
    const file = Buffer.from('b,2\nc,3\n', 'latin1');
    const parts: BytePart[] = [];
    for await (const part of partsOf(
      reusedChunks(file, () => 0.9),
      { text: 'name,n\na,1\n', line: 1 },
      new PartBuffers(4),
    ))
      parts.push(part);
    expect(parts[0]).toMatchObject({ prefix: 'name,n\na,1\n', firstLine: 1 });
    expect(Buffer.from(parts[0]!.bytes).toString()).toBe('b,2\nc,3\n');
    expect(parts.at(-1)!.final).toBe(true);
  });
});
