// Reports and row files appear whole or not at all: written to a temporary file beside the target, then
// renamed over it. A failure leaves no half-written file behind and becomes a one-line error. What is
// at the target decides how it is written (see output-guard.ts): a regular file is replaced keeping its
// mode and owner; a stream (the terminal, /dev/null, standard output) is written into, never renamed over;
// anything else is refused.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, createWriteStream, fchmodSync, fchownSync, fstatSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { ConformError } from '../errors.js';
import { createTemporary, holdTemporary, releaseTemporary } from './cleanup.js';
import { descriptorOf, targetKind } from './output-guard.js';

export function temporaryPathFor(target: string): string {
  return `${temporaryPrefixFor(target)}${randomBytes(4).toString('hex')}`;
}

/** What every temporary of `target` written by this process starts with (threads share the pid). */
export function temporaryPrefixFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.tmp-${process.pid}-`);
}

/** The regular file now at `target`, whose mode and owner its replacement keeps; undefined when none. */
function replaced(target: string): Stats | undefined {
  try {
    const stats = statSync(target);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Create the temporary file for `target` (through the interrupt's gate); its descriptor, open to write.
 * Replacing a file, it is private until it takes that file's owner and mode, so a file only its owner
 * may read is never readable by others, not even for a moment.
 */
function openTemporary(temporary: string, old: Stats | undefined): number {
  return createTemporary(() => {
    holdTemporary(temporary);
    return openSync(temporary, 'wx', old ? 0o600 : 0o666);
  });
}

/** Give the temporary the owner and mode of the file it replaces (owner: where the system allows it). */
function keepOwnerAndMode(fd: number, old: Stats | undefined): void {
  if (!old) return;
  const now = fstatSync(fd);
  if (now.uid !== old.uid || now.gid !== old.gid) {
    try {
      fchownSync(fd, old.uid, old.gid);
    } catch {
      // Only root may give a file away: the replacement is then the writer's, as any new file is.
    }
  }
  fchmodSync(fd, old.mode & 0o777);
}

export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  if (writtenAsStream(target)) {
    const { fd, own } = openStreamTarget(target);
    try {
      writeAllSync(fd, typeof content === 'string' ? Buffer.from(content) : content);
    } catch (error) {
      throw new ConformError(`Cannot write ${target}: ${describeWriteError(error)}`);
    } finally {
      if (!own) closeSync(fd);
    }
    return;
  }
  const temporary = temporaryPathFor(target);
  let committed = false;
  try {
    const old = replaced(target);
    const fd = openTemporary(temporary, old);
    try {
      writeFileSync(fd, content);
      keepOwnerAndMode(fd, old);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
    committed = true;
  } catch (error) {
    removeQuietly(temporary);
    throw error instanceof ConformError ? error : new ConformError(`Cannot write ${target}: ${describeWriteError(error)}`);
  } finally {
    releaseTemporary(temporary, committed ? target : undefined);
  }
}

/** Whether `target` is a stream to write into; refused (ConformError) when it may not be written at all. */
function writtenAsStream(target: string): boolean {
  return targetKind(target) === 'stream';
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
  if (writtenAsStream(target)) return openStream(target);
  const temporary = temporaryPathFor(target);
  const old = replaced(target);
  let fd: number;
  try {
    fd = openTemporary(temporary, old);
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
      if (failure) fail(failure);
      await new Promise<void>((resolve) => {
        if (stream.closed) return resolve();
        stream.once('close', resolve);
        stream.end();
      });
      if (failure) fail(failure);
      try {
        if (old) {
          // Reopened without following links: the name is ours, but the folder may be shared.
          const again = openSync(temporary, constants.O_WRONLY | constants.O_NOFOLLOW);
          try {
            keepOwnerAndMode(again, old);
          } finally {
            closeSync(again);
          }
        }
        renameSync(temporary, target);
      } catch (error) {
        fail(error);
      }
      releaseTemporary(temporary, target);
    },
    abort() {
      stream.destroy();
      removeQuietly(temporary);
      releaseTemporary(temporary);
    },
  };
}

/** All of `bytes` to `fd`, waiting whenever a non-blocking pipe or socket is full. */
function writeAllSync(fd: number, bytes: Uint8Array): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let at = 0; at < bytes.length;) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

/**
 * A stream target, open to append. A path naming one of the process's own descriptors (/dev/stdout)
 * that cannot be opened again (a socket, as when a program runs conform) is written through the
 * descriptor itself, which stays open.
 */
function openStreamTarget(target: string): { fd: number; own: boolean } {
  try {
    return { fd: openSync(target, 'a'), own: false };
  } catch (error) {
    const fd = descriptorOf(target);
    if (fd === undefined) throw new ConformError(`Cannot write ${target}: ${describeWriteError(error)}`);
    return { fd, own: true };
  }
}

/** Writing into a stream (the terminal, /dev/null): nothing to put in place, nothing to take back. */
function openStream(target: string): AtomicStream {
  const { fd, own } = openStreamTarget(target);
  const stream = createWriteStream('', { fd, autoClose: !own });
  let failure: unknown;
  stream.on('error', (error) => (failure ??= error));
  const check = () => {
    if (failure) throw new ConformError(`Cannot write ${target}: ${describeWriteError(failure)}`);
  };
  return {
    async write(text) {
      check();
      if (!stream.write(text)) await drained(stream);
      check();
    },
    async commit() {
      await new Promise<void>((resolve) => stream.end(resolve));
      check();
    },
    abort() {
      stream.destroy();
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
