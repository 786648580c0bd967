// What keeps other web sites out of the local page: the Host a request names, its Origin and the
// browser's Sec-Fetch-Site, and the headers every answer carries.
import { describe, expect, it } from 'vitest';
import { crossSite, hostAllowed, NOTHING, parseHost, sameOrigin, securityHeaders } from '../../src/serve/guard.js';

describe('parseHost', () => {
  it.each([
    ['127.0.0.1:8080', { name: '127.0.0.1', port: 8080 }],
    ['localhost', { name: 'localhost', port: 80 }],
    ['LOCALHOST:3000', { name: 'localhost', port: 3000 }],
    ['[::1]:8080', { name: '::1', port: 8080 }],
    [' example.org:81 ', { name: 'example.org', port: 81 }],
    ['::1:8080', undefined],
    ['host:port', undefined],
    ['host:123456', undefined],
    ['', undefined],
  ])('%j → %j', (header, host) => {
    expect(parseHost(header)).toEqual(host);
  });
});

describe('hostAllowed', () => {
  const loopback = { host: '127.0.0.1', port: 8080 };
  const lan = { host: '192.168.1.5', port: 8080 };
  const everywhere = { host: '0.0.0.0', port: 8080 };
  it.each([
    ['a loopback name with the port', '127.0.0.1:8080', loopback, true],
    ['localhost', 'localhost:8080', loopback, true],
    ['IPv6 loopback', '[::1]:8080', loopback, true],
    ['another port', '127.0.0.1:8081', loopback, false],
    ['no port (80)', 'localhost', loopback, false],
    ['no Host header', undefined, loopback, false],
    // DNS rebinding: a name of another site's own that resolves here.
    ['a domain name', 'attacker.example:8080', loopback, false],
    ['the address given with --host', '192.168.1.5:8080', lan, true],
    ['loopback when listening on another address', 'localhost:8080', lan, true],
    ['another address', '192.168.1.6:8080', lan, false],
    ['any IP address on a wildcard', '10.0.0.7:8080', everywhere, true],
    ['a domain name on a wildcard', 'attacker.example:8080', everywhere, false],
    ['a loopback address other than the one listened on', '127.0.0.2:8080', loopback, false],
  ] as const)('%s: %s', (_, header, listening, allowed) => {
    expect(hostAllowed(header, listening)).toBe(allowed);
  });
});

describe('sameOrigin and crossSite', () => {
  it.each([
    [{ origin: 'http://127.0.0.1:8080', host: '127.0.0.1:8080' }, true],
    [{ origin: 'http://127.0.0.1:8080', host: '127.0.0.1:8080', fetchSite: 'same-origin' }, true],
    [{ origin: 'http://127.0.0.1:8080', host: '127.0.0.1:8080', fetchSite: 'cross-site' }, false],
    [{ origin: 'http://127.0.0.1:8080', host: '127.0.0.1:8080', fetchSite: 'same-site' }, false],
    [{ origin: 'https://127.0.0.1:8080', host: '127.0.0.1:8080' }, false],
    [{ origin: 'http://evil.example', host: '127.0.0.1:8080' }, false],
    [{ host: '127.0.0.1:8080' }, false],
    [{ origin: 'null', host: '127.0.0.1:8080' }, false],
  ])('%j: %s', (headers, same) => {
    expect(sameOrigin(headers)).toBe(same);
  });

  it.each([
    ['cross-site', true],
    ['same-site', true],
    ['same-origin', false],
    ['none', false],
    [undefined, false],
  ])('Sec-Fetch-Site %s is another site: %s', (fetchSite, cross) => {
    expect(crossSite(fetchSite)).toBe(cross);
  });
});

describe('securityHeaders', () => {
  it('frames, sniffs, caches, refers and shares nothing', () => {
    expect(securityHeaders(NOTHING)).toEqual({
      'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    });
  });
});
