// Reading the parts of a workbook, which is a ZIP archive. A workbook is untrusted input, so before any
// part is inflated its declared sizes are held to limits (per part, in total, and against its compressed
// size): a "zip bomb" that would inflate to gigabytes is refused with a plain reason, never read. yauzl
// also checks, as it inflates, that no part yields more bytes than it declared.
import type { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import type yauzl from 'yauzl';

// Loaded on the first workbook, not at start-up: most runs read no workbook.
const require = createRequire(import.meta.url);
let zipReader: typeof yauzl | undefined;
const yauzlModule = () => (zipReader ??= require('yauzl') as typeof yauzl);

export interface ZipLimits {
  /** Parts in the archive. */
  entries: number;
  /** Uncompressed bytes of one part. */
  entryBytes: number;
  /** Uncompressed bytes of all parts together. */
  totalBytes: number;
  /** Uncompressed size over compressed size, for parts bigger than `ratioFrom` bytes. */
  ratio: number;
  ratioFrom: number;
}

export const ZIP_LIMITS: ZipLimits = {
  entries: 10_000,
  entryBytes: 1 << 30,
  totalBytes: 2 * (1 << 30),
  // Sheet XML compresses well (often 20–100 to 1); deflate cannot pass about 1,030 to 1, and bombs sit near it.
  ratio: 400,
  ratioFrom: 1 << 20,
};

/** The archive is damaged or breaks a limit: the reason is a sentence for the report. */
export class WorkbookError extends Error {}

export interface ZipArchive {
  names(): string[];
  has(name: string): boolean;
  /** The uncompressed bytes of a part, as a stream. */
  open(name: string): Promise<Readable>;
  close(): void;
}

export async function openZip(path: string, limits: ZipLimits = ZIP_LIMITS): Promise<ZipArchive> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzlModule().open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, file) =>
      error || !file ? reject(new WorkbookError(`it is not a readable ZIP archive (${error?.message ?? 'no archive'}), so it is not a whole workbook`)) : resolve(file),
    ),
  );
  try {
    const entries = await readEntries(zip, limits);
    return {
      names: () => [...entries.keys()],
      has: (name) => entries.has(name),
      open: (name) => {
        const entry = entries.get(name);
        if (!entry) return Promise.reject(new WorkbookError(`the part "${name}" is missing from the workbook`));
        return new Promise<Readable>((resolve, reject) =>
          zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(new WorkbookError(`the part "${name}" cannot be read: ${error?.message}`)) : resolve(stream))),
        );
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

function readEntries(zip: yauzl.ZipFile, limits: ZipLimits): Promise<Map<string, yauzl.Entry>> {
  const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    let total = 0;
    if (zip.entryCount > limits.entries) {
      return reject(new WorkbookError(`it holds ${zip.entryCount} parts, more than the ${limits.entries} a workbook is allowed`));
    }
    zip.on('entry', (entry: yauzl.Entry) => {
      const size = entry.uncompressedSize;
      total += size;
      const name = entry.fileName;
      let problem: string | undefined;
      if (size > limits.entryBytes) problem = `its part "${name}" would unpack to ${mb(size)}, more than the ${mb(limits.entryBytes)} allowed`;
      else if (total > limits.totalBytes) problem = `its parts would unpack to more than the ${mb(limits.totalBytes)} allowed in all`;
      else if (size > limits.ratioFrom && size > entry.compressedSize * limits.ratio) {
        problem = `its part "${name}" would unpack to ${Math.round(size / Math.max(1, entry.compressedSize))} times its packed size (a "zip bomb"); more than ${limits.ratio} times is refused`;
      }
      if (problem) {
        zip.close();
        return reject(new WorkbookError(problem));
      }
      if (!name.endsWith('/')) entries.set(name, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(new WorkbookError(`it is a damaged ZIP archive (${error.message})`)));
    zip.readEntry();
  });
}
