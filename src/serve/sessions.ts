// Each browser tab that opens the page is a session with a token of its own, which every POST must carry.
// A session runs one check at a time; each check has a private folder (mode 0700) under the server's own
// temporary folder, removed when the session starts another check, after an hour unused, or when the
// server stops. Sessions are capped, the least recently used without a running check going first.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Check } from './check.js';

export interface Session {
  token: string;
  lastSeen: number;
  check?: Check;
}

export class Busy extends Error {}

/** A random name no other page can guess: 128 bits, as hex. */
export function randomId(): string {
  return randomBytes(16).toString('hex');
}

/** A folder only this user can open. */
export function privateFolder(parent: string, prefix: string): string {
  const folder = mkdtempSync(join(parent, prefix));
  chmodSync(folder, 0o700);
  return folder;
}

export class Sessions {
  private readonly sessions = new Map<string, Session>();
  private readonly checks = new Map<string, Check>();

  constructor(
    /** The server's private temporary folder. */
    readonly root: string,
    private readonly limit = 64,
    private readonly idleMs = 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  open(): Session {
    this.sweep();
    if (this.sessions.size >= this.limit) {
      const idle = [...this.sessions.values()].filter((s) => !running(s)).sort((a, b) => a.lastSeen - b.lastSeen)[0];
      if (idle) this.close(idle);
    }
    const session: Session = { token: randomId(), lastSeen: this.now() };
    this.sessions.set(session.token, session);
    return session;
  }

  byToken(token: string | undefined): Session | undefined {
    const session = token ? this.sessions.get(token) : undefined;
    if (session) session.lastSeen = this.now();
    return session;
  }

  check(id: string): Check | undefined {
    return this.checks.get(id);
  }

  /** A new check for the session in a folder of its own; the session's previous check and its files go. */
  begin(session: Session, make: (folder: string) => Check): Check {
    if (running(session)) throw new Busy('A check is already running in this tab: wait for it to finish');
    if (session.check) this.discard(session.check);
    const check = make(privateFolder(this.root, 'check-'));
    session.check = check;
    this.checks.set(check.id, check);
    return check;
  }

  discard(check: Check): void {
    this.checks.delete(check.id);
    rmSync(check.folder, { recursive: true, force: true });
  }

  /** Checks running now. */
  running(): number {
    return [...this.sessions.values()].filter(running).length;
  }

  /** Sessions unused for the idle time go, with their files. */
  sweep(): void {
    const before = this.now() - this.idleMs;
    for (const session of this.sessions.values()) if (session.lastSeen < before && !running(session)) this.close(session);
  }

  /** Every session and file goes: the server is stopping (a check still running finds its file gone). */
  closeAll(): void {
    this.sessions.clear();
    this.checks.clear();
    rmSync(this.root, { recursive: true, force: true });
  }

  private close(session: Session): void {
    if (session.check) this.discard(session.check);
    this.sessions.delete(session.token);
  }
}

function running(session: Session): boolean {
  return session.check !== undefined && !session.check.finished;
}
