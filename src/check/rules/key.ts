// Unique and primary keys: readers hash each row's key where the row is read; the judge finds the
// duplicates, in row order, with a set that spills to disk for very large files.
import type { IssueArgs } from '../../issues/args.js';
import { makeIssue, type IssueLocation } from '../../issues/catalog.js';
import type { Issue, IssueCode, Severity } from '../../types.js';
import { doubled, hashKey, KeySet, type FirstSeen } from './key-set.js';
import { SEPARATOR, type JudgeContext, type RuleContext, type RuleJudge, type RuleReader, type RuleSpec } from './rule.js';

/** Marks a duplicate key found too late to know its value: the fields of the key, to read it again. */
export const LATE_KEY = Symbol('duplicate key without its value');

/** How a duplicate key's message names it, its value (when known) and where it was first. */
export function duplicateArgs(fields: string[], value: string | undefined, first: FirstSeen): IssueArgs['key-duplicate'] {
  return { fields, value, firstRow: first.row, firstLine: first.line };
}

const KEY_END = '\u0000';

interface KeyNotes {
  /** Three hashes per key (see hashKey), computed where the rows were read. */
  hashes: Int32Array;
  rows: Uint32Array;
  lines: Uint32Array;
  /** The keys themselves, each ended by KEY_END, for the messages of duplicates. */
  keys: string;
}

/** Keys whose texts are held one by one before they are joined into one string. */
const KEYS_JOINED_AT = 1024;

export class KeyReader implements RuleReader {
  /**
   * The keys of the rows read since the last take, hashed as they come: a part of a big file has tens of
   * thousands, and a long array of young strings makes every young-generation collection slow.
   */
  private hashes = new Int32Array(3 * KEYS_JOINED_AT);
  private rows = new Uint32Array(KEYS_JOINED_AT);
  private lines = new Uint32Array(KEYS_JOINED_AT);
  private count = 0;
  /** Texts of the latest keys, and those before them joined, each ended by KEY_END. */
  private recent: string[] = [];
  private joined: string[] = [];

  constructor(
    private readonly spec: RuleSpec,
    private readonly context: RuleContext,
  ) {}

  row(texts: string[], row: number, line: number, issues: Issue[]): void {
    let empty = -1;
    for (let i = 0; i < texts.length; i++) if (texts[i] === '') empty = i;
    if (empty >= 0) {
      // A primary key is never empty (a required field's empty cell is reported already); an empty part
      // of a unique key makes no key, as in SQL.
      const field = this.spec.fields[empty]!;
      if (this.spec.primary && !this.context.standard.fieldByName.get(field)?.required) {
        issues.push(
          makeIssue('value-missing', { name: field, reason: 'primary-key' }, { row, line, ...this.context.locate(field) }, this.context.severityOf('value-missing', field)),
        );
      }
      return;
    }
    const key = texts.length === 1 ? texts[0]! : texts.join(SEPARATOR);
    const k = this.count++;
    if (k === this.rows.length) this.grow();
    hashKey(key, this.hashes, k * 3);
    this.rows[k] = row;
    this.lines[k] = line;
    this.recent.push(key);
    if (this.recent.length === KEYS_JOINED_AT) this.joinRecent();
  }

  take(): KeyNotes {
    this.joinRecent();
    const n = this.count;
    const notes = { hashes: this.hashes.slice(0, n * 3), rows: this.rows.slice(0, n), lines: this.lines.slice(0, n), keys: this.joined.join('') };
    this.count = 0;
    this.joined = [];
    return notes;
  }

  private joinRecent(): void {
    if (this.recent.length) this.joined.push(this.recent.join(KEY_END) + KEY_END);
    this.recent = [];
  }

  private grow(): void {
    this.hashes = doubled(this.hashes);
    this.rows = doubled(this.rows);
    this.lines = doubled(this.lines);
  }
}

export class KeyJudge implements RuleJudge {
  private readonly seen: KeySet;

  constructor(
    private readonly spec: RuleSpec,
    private readonly context: JudgeContext,
  ) {
    this.seen = new KeySet(undefined, context.keyRuns?.());
  }

  merge(notes: KeyNotes, rowOffset: number): void {
    const { hashes, keys } = notes;
    // Keys are found in the text only for duplicates, reading forward from the last one found.
    let key = 0;
    let at = 0;
    for (let k = 0; k < notes.rows.length; k++) {
      const row = notes.rows[k]! + rowOffset;
      const line = notes.lines[k]!;
      const first = this.seen.addHashed(hashes[k * 3]!, hashes[k * 3 + 1]!, hashes[k * 3 + 2]!, row, line);
      if (!first) continue;
      for (; key < k; key++) at = keys.indexOf(KEY_END, at) + 1;
      const value = keys.slice(at, keys.indexOf(KEY_END, at)).split(SEPARATOR).join(', ');
      this.context.sink.add(this.duplicate(row, line, first, value));
    }
  }

  finish(): void {
    this.seen.finish((late) => {
      // Found by merging the key runs written to disk, where key texts are not kept: the issue is marked
      // with its fields, and the value is read from its line again once the file is checked (key-values.ts).
      const issue = this.duplicate(late.row, late.line, late.first, undefined);
      Object.defineProperty(issue, LATE_KEY, { value: this.spec.fields });
      this.context.sink.add(issue);
    });
    if (this.seen.collisions) this.report('table-rule', { kind: 'hash-collisions', count: this.seen.collisions, fields: this.spec.fields }, {}, 'info');
  }

  private duplicate(row: number, line: number, first: FirstSeen, value: string | undefined): Issue {
    const issue = makeIssue(
      'key-duplicate',
      duplicateArgs(this.spec.fields, value, first),
      { row, line, ...this.context.locate(this.spec.fields[0]!) },
      this.context.severityOf('key-duplicate', this.spec.fields[0]),
    );
    if (value !== undefined) issue.value = value;
    issue.firstRow = first.row;
    issue.firstLine = first.line;
    return issue;
  }

  private report<C extends IssueCode>(code: C, args: IssueArgs[C], location: IssueLocation, severity?: Severity): void {
    this.context.sink.add(makeIssue(code, args, location, severity ?? this.context.severityOf(code, this.spec.fields[0])));
  }
}
