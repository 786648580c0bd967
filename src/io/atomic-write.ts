// Reports and row files appear whole or not at all: written to a temporary file beside the target, then
// renamed over it. A failure leaves no half-written file behind and becomes a one-line error.
import { randomBytes } from 'node:crypto';
import { closeSync, createWriteStream, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { ConformError } from '../errors.js';
import { createTemporary, holdTemporary, releaseTemporary } from './cleanup.js';

export function temporaryPathFor(target: string): string {
  return `${temporaryPrefixFor(target)}${randomBytes(4).toString('hex')}`;
}

/** What every temporary of `target` written by this process starts with (threads share the pid). */
export function temporaryPrefixFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.tmp-${process.pid}-`);
}

/** Create the temporary file for `target` (through the interrupt's gate); its descriptor, open to write. */
function openTemporary(temporary: string): number {
  return createTemporary(() => {
    holdTemporary(temporary);
    return openSync(temporary, 'wx');
  });
}

export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  const temporary = temporaryPathFor(target);
  try {
    const fd = openTemporary(temporary);
    try {
      writeFileSync(fd, content);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    removeQuietly(temporary);
    throw new ConformError(`Cannot write ${target}: ${describeWriteError(error)}`);
  } finally {
    releaseTemporary(temporary);
  }
}

/** Remove a temporary file that may never have been created, whatever the path holds. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was written there (the folder is missing, or part of the path is a file).
  }
}

export function describeWriteError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'the folder does not exist';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EISDIR':
      return 'it is a folder';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return e.message ?? String(error);
  }
}

/** A file written as a stream that appears at its path only when committed; aborted, it leaves nothing. */
export interface AtomicStream {
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  abort(): void;
}

export function openAtomic(target: string): AtomicStream {
  const temporary = temporaryPathFor(target);
  let fd: number;
  try {
    fd = openTemporary(temporary);
  } catch (error) {
    releaseTemporary(temporary);
    throw error instanceof ConformError ? error : new ConformError(`Cannot write ${target}: ${describeWriteError(error)}`);
  }
  const stream = createWriteStream(temporary, { fd });
  let failure: unknown;
  stream.on('error', (error) => (failure ??= error));
  const fail = (error: unknown): never => {
    stream.destroy();
    removeQuietly(temporary);
    releaseTemporary(temporary);
    throw new ConformError(`Cannot write ${target}: ${describeWriteError(error)}`);
  };
  return {
    async write(text) {
      if (failure) fail(failure);
      if (!stream.write(text)) await drained(stream);
      if (failure) fail(failure);
    },
    async commit() {
      await new Promise<void>((resolve) => stream.end(resolve));
      if (failure) fail(failure);
      try {
        renameSync(temporary, target);
      } catch (error) {
        fail(error);
      }
      releaseTemporary(temporary);
    },
    abort() {
      stream.destroy();
      removeQuietly(temporary);
      releaseTemporary(temporary);
    },
  };
}

/** Until the stream has room again, or has failed; the listeners go with the wait (a big file waits thousands of times). */
export function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done).on('error', done);
  });
}
