import type { Readable } from 'node:stream';

/** Everything a command touches outside itself, passed in so tests run commands in-process. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin?: Readable;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** Colour only on a terminal, never with NO_COLOR (any value) or in CI logs unless forced. */
export function colorWanted(io: Io, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(io.stdout.isTTY);
}
