// A file the check stops reading early (not a data file, say) is closed all the same: a batch of
// hundreds of files must not run out of file descriptors.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/validate.js';
import { tree } from '../batch/make-data.js';

const openFiles = () => readdirSync('/proc/self/fd').length;

describe('reading a file', () => {
  it.skipIf(!existsSync('/proc/self/fd'))('closes it when the check stops before the end', async () => {
    const dir = tree({ 'table.csv': 'Organisation Name,Amount\nA,1\n' });
    // Bytes that are not text, more than one chunk's worth, so reading stops after the first.
    const binary = Buffer.alloc(1 << 20);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) & 0xff;
    writeFileSync(join(dir, 'export.csv'), binary);
    const before = openFiles();
    for (let i = 0; i < 40; i++) {
      const report = await validate([join(dir, 'export.csv'), join(dir, 'table.csv')], { standard: 'spend-over-500' });
      expect(report.files[0]!.issues[0]!.code).toBe('format-invalid');
    }
    expect(openFiles()).toBeLessThanOrEqual(before + 2);
  });
});
