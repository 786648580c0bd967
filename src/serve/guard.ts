// What keeps other web sites out of the page. A site the user visits could aim requests at this
// computer's port: by a form or script of its own (refused: every POST needs the page's Origin and the
// tab's token, which another site cannot read), or by DNS rebinding, a name of its own that resolves to
// 127.0.0.1 (refused: the Host header must be a loopback name, or the address given with --host, with the
// server's port).
import { isIP } from 'node:net';
import { isLoopback } from './options.js';

export interface Listening {
  /** The address listened on (as given with --host). */
  host: string;
  port: number;
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '::1']);
const WILDCARDS = new Set(['0.0.0.0', '::']);

/** `name` and `port` of a Host header (`127.0.0.1:8080`, `[::1]:8080`); the port is 80 when not written. */
export function parseHost(header: string): { name: string; port: number } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  if (!match) return undefined;
  const name = match[1]!.replace(/^\[|\]$/g, '').toLowerCase();
  return { name, port: match[2] === undefined ? 80 : Number(match[2]) };
}

/**
 * Whether a request's Host header names this server: a loopback name with the right port; with --host,
 * also that address, and when it is a wildcard (0.0.0.0, ::) any IP address, never a domain name.
 */
export function hostAllowed(header: string | undefined, listening: Listening): boolean {
  const host = header === undefined ? undefined : parseHost(header);
  if (!host || host.port !== listening.port) return false;
  if (LOOPBACK_NAMES.has(host.name)) return true;
  if (isLoopback(listening.host)) return false;
  if (host.name === listening.host.toLowerCase().replace(/^\[|\]$/g, '')) return true;
  return WILDCARDS.has(listening.host) && isIP(host.name) !== 0;
}

/** A state-changing request is the page's own: its Origin is this server as the browser reached it, and the browser does not call it cross-site. */
export function sameOrigin(headers: { origin?: string; host?: string; fetchSite?: string }): boolean {
  if (headers.fetchSite !== undefined && headers.fetchSite !== 'same-origin') return false;
  return headers.origin !== undefined && headers.host !== undefined && headers.origin === `http://${headers.host}`;
}

/** A request another site made (a link, an image, a script of its own), told by the browser's Sec-Fetch-Site. */
export function crossSite(fetchSite: string | undefined): boolean {
  return fetchSite === 'cross-site' || fetchSite === 'same-site';
}

/** The headers every answer carries: nothing framed, sniffed, cached, referred or shared with another origin. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': `${csp}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/** The policy of answers that are not pages (data, downloads, errors): nothing may load or run. */
export const NOTHING = "default-src 'none'; base-uri 'none'; form-action 'none'";
