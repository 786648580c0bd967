// The flags of `conform serve`, read into settings: the port, the address to listen on (loopback unless
// named), and the largest upload. Bad values are a one-line usage error (exit 2).
import { ConformError } from '../errors.js';

export interface ServeFlags {
  port?: string;
  host?: string;
  open?: boolean;
  maxSize?: string;
}

export interface ServeSettings {
  port: number;
  host: string;
  /** The address was named with --host, rather than the loopback default. */
  hostGiven: boolean;
  maxBytes: number;
  open: boolean;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_MAX_SIZE = '1GB';

/** Addresses only this computer can reach. */
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host);
}

export function serveSettings(flags: ServeFlags): ServeSettings {
  const port = flags.port === undefined ? DEFAULT_PORT : Number(flags.port);
  if (!/^\d+$/.test(flags.port ?? '0') || !Number.isInteger(port) || port > 65535) {
    throw new ConformError(`--port must be a number from 0 to 65535 (got "${flags.port}"); 0 picks a free port`);
  }
  const host = flags.host ?? DEFAULT_HOST;
  if (!host.trim() || /[\s/]/.test(host)) throw new ConformError(`--host must be an address such as 127.0.0.1 (got "${host}")`);
  return { port, host, hostGiven: flags.host !== undefined, maxBytes: parseSize(flags.maxSize ?? DEFAULT_MAX_SIZE), open: flags.open === true };
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** `1GB`, `500 MB`, `1.5g`, `2048` (bytes): multiples of 1,024, as a computer's file manager counts them. */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  const bytes = match && unit ? Math.floor(Number(match[1]) * unit) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new ConformError(`--max-size must be a size such as 500MB or 2GB (got "${text}")`);
  }
  return bytes;
}

/** A size as people say it: 1 GB, 500 MB, 12 KB. */
export function sizeText(bytes: number): string {
  for (const [unit, size] of [
    ['GB', 1024 ** 3],
    ['MB', 1024 ** 2],
    ['KB', 1024],
  ] as const) {
    if (bytes >= size) return `${Math.round((bytes / size) * 10) / 10} ${unit}`;
  }
  return `${bytes} bytes`;
}
