// A file that is read only part-way (not a data file, a reader that fails, a file `fix` refuses, a
// referred-to file without its key columns) is closed all the same: a batch of hundreds of files, or a
// long-lived process using the library, must not run out of file descriptors.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixFile } from '../../src/run/fix-file.js';
import { openText } from '../../src/sources/text.js';
import { Registry } from '../../src/standards/registry.js';
import { validate } from '../../src/validate.js';
import { tree } from '../batch/make-data.js';

const openFiles = () => readdirSync('/proc/self/fd').length;
const onLinux = existsSync('/proc/self/fd');

/** Bytes that are not text, more than one chunk's worth, so reading stops after the first. */
function binary(): Buffer {
  const bytes = Buffer.alloc(1 << 20);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
  return bytes;
}

describe('reading a file', () => {
  it.skipIf(!onLinux)('closes it when the check stops before the end', async () => {
    const dir = tree({ 'table.csv': 'Organisation Name,Amount\nA,1\n' });
    writeFileSync(join(dir, 'export.csv'), binary());
    const before = openFiles();
    for (let i = 0; i < 40; i++) {
      const report = await validate([join(dir, 'export.csv'), join(dir, 'table.csv')], { standard: 'spend-over-500' });
      expect(report.files[0]!.issues[0]!.code).toBe('format-invalid');
    }
    expect(openFiles()).toBeLessThanOrEqual(before + 2);
  });

  it.skipIf(!onLinux)('closes it when a reader stops part-way by an error', async () => {
    const dir = tree({ 'big.csv': 'a,b\n' + '1,2\n'.repeat(200_000) });
    const before = openFiles();
    for (let i = 0; i < 40; i++) {
      const text = await openText(join(dir, 'big.csv'));
      let chunks = 0;
      await expect(
        (async () => {
          for await (const chunk of text.chunks()) if (chunk && ++chunks === 2) throw new Error('stop');
        })(),
      ).rejects.toThrow('stop');
    }
    expect(openFiles()).toBeLessThanOrEqual(before + 2);
  });

  it.skipIf(!onLinux)('closes it when `fix` refuses a file that is not data', async () => {
    const dir = tree({});
    writeFileSync(join(dir, 'export.csv'), binary());
    const standard = await new Registry([], true).resolve('spend-over-500');
    const before = openFiles();
    for (let i = 0; i < 40; i++) {
      await expect(fixFile(join(dir, 'export.csv'), join(dir, 'fixed.csv'), join(dir, 'changes.csv'), standard)).rejects.toThrow('cannot be repaired');
    }
    expect(openFiles()).toBeLessThanOrEqual(before + 2);
  });

  it.skipIf(!onLinux)('closes a file a table refers to when it lacks the key columns', async () => {
    // locations.csv has no "id" column: the reference cannot be read, and reading stops at its header.
    const dir = tree({ 'accessibility.csv': 'id,location_id,accessibility\na1,l1,ramp\n', 'locations.csv': 'name\n' + 'x\n'.repeat(100_000) });
    const before = openFiles();
    for (let i = 0; i < 20; i++) {
      const report = await validate([join(dir, 'accessibility.csv')], { standard: 'open-referral-uk-accessibility' });
      expect(JSON.stringify(report.files[0]!.issues)).toContain('locations.csv');
    }
    expect(openFiles()).toBeLessThanOrEqual(before + 2);
  });
});
