// Patterns from standards are code from someone else. In a backtracking engine `^(a+)+$` tested on
// "aaaa…!" takes exponential time, `a*a*a*a*b` a polynomial of high degree, and even `\s+$` is quadratic on
// a long cell, because the search restarts at every position. So a pattern runs on the engine's own
// RegExp only when its shape proves the backtracking bounded (see `isLinear`); every other pattern runs on
// RE2 (re2js), which always takes time linear in the text.
//
// The verdict must be JSON Schema's, that is ECMAScript's `new RegExp(pattern, 'u')`, on either engine.
// RE2's own `\s`, `.` and `$` differ from ECMAScript's (its `\s` has no U+00A0, its `.` matches `\r` and
// U+2028), so a pattern is never handed to RE2 as written: it is parsed with ECMAScript's grammar and
// printed again for RE2 with every character class spelled out as explicit code point ranges taken from
// ECMAScript's definitions (and `\p{…}` from the running engine itself), `^` and `$` as `\A` and `\z`.
// A pattern that is not provably linear and that RE2 cannot run (a back-reference or a look-around) is
// refused when the standard loads, with a message naming it.
import { RE2JS } from 're2js';
import { ConformError } from '../errors.js';

export interface RegExpLike {
  test(text: string): boolean;
  toString(): string;
}

/** The factory ajv uses for every `pattern` (its `code.regExp` option). */
export function safeRegExp(pattern: string, flags: string): RegExpLike {
  // A pattern ECMAScript refuses is refused as ECMAScript refuses it (ajv reports the schema invalid).
  const native = new RegExp(pattern, flags);
  let tree: Node;
  try {
    tree = parse(pattern);
  } catch {
    // A syntax newer than this parser: run natively only when nothing in it can repeat.
    if (!/[*+?{]/.test(pattern.replace(/\\./g, ''))) return native;
    throw refusal(pattern, 'a syntax the linear-time engine cannot be given');
  }
  if (flags.replace('u', '') === '' && isLinear(tree)) return native;
  return compileRE2(pattern, tree);
}
safeRegExp.code = 'conform safe RegExp';

/** How a pattern will be run: `native` (proven linear on a backtracking engine) or `re2`. */
export function engineFor(pattern: string): 'native' | 're2' {
  return isLinear(parse(pattern)) ? 'native' : 're2';
}

/** The pattern on RE2 with ECMAScript's meaning, whatever its shape (for tests and callers that want RE2). */
export function re2RegExp(pattern: string): RegExpLike {
  new RegExp(pattern, 'u');
  return compileRE2(pattern, parse(pattern));
}

/**
 * A RegExp's verdicts in linear time, for patterns written by people conform trusts (the formats' own):
 * flags `i` and `u` only, and with `i`, cased letters in ASCII only (see asciiFold). Without the u flag
 * the pattern is read with the u flag's grammar, which means the same for patterns that name no astral
 * character and count no `.` (as the formats' do).
 */
export function re2Of(re: RegExp): RegExpLike {
  if (/[^iu]/.test(re.flags)) throw new Error(`flags ${re.flags} of ${re} have no linear-time translation`);
  const fold = re.flags.includes('i') ? asciiFold(re.flags.includes('u')) : undefined;
  const compiled = RE2JS.compile(print(parse(re.source, fold)));
  return { test: (text: string) => compiled.test(text), toString: () => `${re}re2` };
}

/** Whether a RegExp (with at most the flags `i` and `u`) is proven linear on the engine's own backtracking. */
export function provenLinear(re: RegExp): boolean {
  if (/[^iu]/.test(re.flags)) return false;
  try {
    return isLinear(parse(re.source));
  } catch {
    return false;
  }
}

/** The RE2 source that means what `new RegExp(pattern, 'u')` means. */
export function toRE2Source(pattern: string): string {
  return print(parse(pattern));
}

function compileRE2(pattern: string, tree: Node): RegExpLike {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(print(tree));
  } catch (error) {
    const reason = error instanceof Untranslatable ? error.message : (error as Error).message.replace(/^error parsing regexp: /, '');
    throw refusal(pattern, reason);
  }
  // ajv files each compiled pattern under its text (toString): without one of its own, every pattern
  // of a schema would share the first one's matcher.
  return { test: (text: string) => compiled.test(text), toString: () => `/${pattern}/re2` };
}

function refusal(pattern: string, reason: string): ConformError {
  return new ConformError(
    `the pattern ${JSON.stringify(pattern)} could take more than linear time on some values, and it uses features (${reason}) that a linear-time engine cannot run; rewrite it without them (or without nested or adjacent repetition)`,
  );
}

class Untranslatable extends Error {}

// ---------------------------------------------------------------------------------------------------------
// Sets of code points: sorted, disjoint, non-adjacent inclusive ranges [lo0, hi0, lo1, hi1, …].

type Ranges = number[];
const MAX = 0x10ffff;
const ALL: Ranges = [0, MAX];
const NONE: Ranges = [];

/** A set's ranges as [lo, hi] pairs. */
function* rangesOf(r: Ranges): Generator<[number, number]> {
  // The bound proves both ends in range.
  for (let i = 0; i + 1 < r.length; i += 2) yield [r[i]!, r[i + 1]!];
}

function normalise(pairs: [number, number][]): Ranges {
  pairs.sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  for (const [lo, hi] of pairs) {
    const last = out.at(-1);
    if (last !== undefined && lo <= last + 1) out[out.length - 1] = Math.max(last, hi);
    else out.push(lo, hi);
  }
  return out;
}

function union(...sets: Ranges[]): Ranges {
  const pairs: [number, number][] = [];
  for (const s of sets) pairs.push(...rangesOf(s));
  return normalise(pairs);
}

function complement(s: Ranges): Ranges {
  const out: Ranges = [];
  let next = 0;
  for (const [lo, hi] of rangesOf(s)) {
    if (lo > next) out.push(next, lo - 1);
    next = hi + 1;
  }
  if (next <= MAX) out.push(next, MAX);
  return out;
}

function intersects(a: Ranges, b: Ranges): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    const [aLo, aHi, bLo, bHi] = [a[i], a[i + 1], b[j], b[j + 1]];
    if (aLo === undefined || aHi === undefined || bLo === undefined || bHi === undefined) return false;
    if (aHi < bLo) i += 2;
    else if (bHi < aLo) j += 2;
    else return true;
  }
}

/** The code points from `from` to `to` for which `test` holds, as ranges. */
function scan(test: (text: string) => boolean, from: number, to: number): Ranges {
  const out: Ranges = [];
  let start = -1;
  for (let cp = from; cp <= to + 1; cp++) {
    const inside = cp <= to && test(String.fromCodePoint(cp));
    if (inside && start < 0) start = cp;
    else if (!inside && start >= 0) {
      out.push(start, cp - 1);
      start = -1;
    }
  }
  return out;
}

const DIGIT: Ranges = [0x30, 0x39];
const WORD: Ranges = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
// Without the s flag, `.` is everything but the four line terminators.
const DOT: Ranges = complement([0x0a, 0x0a, 0x0d, 0x0d, 0x2028, 0x2029]);
let space: Ranges | undefined;
/** ECMAScript's WhiteSpace and LineTerminator, as the running engine knows them (all in the BMP). */
function SPACE(): Ranges {
  const re = /^\s$/u;
  return (space ??= scan((c) => re.test(c), 0, 0xffff));
}
const properties = new Map<string, Ranges>();
/** `\p{…}` as the running engine defines it, found by asking it about every code point (once each). */
function property(name: string): Ranges {
  let set = properties.get(name);
  if (!set) {
    const re = new RegExp(`^\\p{${name}}$`, 'u');
    set = scan((c) => re.test(c), 0, MAX);
    properties.set(name, set);
  }
  return set;
}

// ---------------------------------------------------------------------------------------------------------
// ECMAScript patterns (with the u flag) as a tree. The pattern has already been accepted by `new RegExp`, so
// the parser may assume it is well formed.

type Node =
  | { t: 'set'; r: Ranges }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'rep'; body: Node; min: number; max: number; lazy: boolean }
  | { t: 'assert'; kind: 'start' | 'end' | 'word' | 'nonword' }
  | { t: 'look'; behind: boolean; negate: boolean; body: Node }
  | { t: 'backref' };

const SYNTAX = '^$\\.*+?()[]{}|/';
/** The single-letter control escapes: `\\n` and the like. */
const CONTROLS: Partial<Record<string, number>> = { f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b };

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function parse(pattern: string, fold?: Fold): Node {
  const p = new Parser(pattern, fold);
  const tree = p.disjunction();
  if (p.i !== pattern.length) throw new Error(`unexpected ${pattern[p.i]} at ${p.i}`);
  return tree;
}

class Parser {
  i = 0;
  /** With the `i` flag: a set of code points and every code point that matches one of them ignoring case. */
  private readonly fold: Fold;
  constructor(
    readonly s: string,
    fold?: Fold,
  ) {
    this.fold = fold ?? ((r) => r);
  }

  disjunction(): Node {
    const only = this.alternative();
    const alts = [only];
    while (this.s[this.i] === '|') {
      this.i++;
      alts.push(this.alternative());
    }
    return alts.length === 1 ? only : { t: 'alt', alts };
  }

  alternative(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') items.push(this.term());
    const [only] = items;
    return only !== undefined && items.length === 1 ? only : { t: 'seq', items };
  }

  term(): Node {
    const s = this.s;
    const c = s[this.i];
    if (c === '^' || c === '$') {
      this.i++;
      return { t: 'assert', kind: c === '^' ? 'start' : 'end' };
    }
    if (c === '\\' && (s[this.i + 1] === 'b' || s[this.i + 1] === 'B')) {
      this.i += 2;
      return { t: 'assert', kind: s[this.i - 1] === 'b' ? 'word' : 'nonword' };
    }
    for (const [open, behind, negate] of [
      ['(?=', false, false],
      ['(?!', false, true],
      ['(?<=', true, false],
      ['(?<!', true, true],
    ] as const) {
      if (s.startsWith(open, this.i)) {
        this.i += open.length;
        const body = this.disjunction();
        this.expect(')');
        // With the u flag a look-around cannot be repeated.
        return { t: 'look', behind, negate, body };
      }
    }
    return this.quantified(this.atom());
  }

  quantified(body: Node): Node {
    const s = this.s;
    let min: number;
    let max: number;
    const c = s[this.i];
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i, this.i + 64));
      if (!m) throw new Error('bad quantifier');
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else return body;
    const lazy = s[this.i] === '?';
    if (lazy) this.i++;
    return { t: 'rep', body, min, max, lazy };
  }

  atom(): Node {
    const s = this.s;
    const c = s[this.i];
    if (c === '.') {
      this.i++;
      return { t: 'set', r: DOT };
    }
    if (c === '(') {
      if (s.startsWith('(?:', this.i)) this.i += 3;
      else if (s.startsWith('(?<', this.i)) this.i = s.indexOf('>', this.i) + 1;
      else if (s[this.i + 1] === '?') throw new Error('unknown group');
      else this.i++;
      const body = this.disjunction();
      this.expect(')');
      return body;
    }
    if (c === '[') return { t: 'set', r: this.characterClass() };
    if (c === '\\') return this.atomEscape();
    return { t: 'set', r: this.fold(single(this.literal())) };
  }

  expect(c: string): void {
    if (this.s[this.i] !== c) throw new Error(`expected ${c}`);
    this.i++;
  }

  /** One code point of the pattern as written (a surrogate pair is one). */
  literal(): number {
    const cp = this.s.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return cp;
  }

  atomEscape(): Node {
    const s = this.s;
    const c = s[this.i + 1];
    if (c === 'k' && s[this.i + 2] === '<') {
      this.i = s.indexOf('>', this.i) + 1;
      return { t: 'backref' };
    }
    if (c !== undefined && c >= '1' && c <= '9') {
      this.i++;
      while (isDigit(s[this.i])) this.i++;
      return { t: 'backref' };
    }
    return { t: 'set', r: this.fold(this.classOrCharacterEscape(false)) };
  }

  /** After a backslash (at `i`): a class escape (`\d`, `\p{…}`) or one character. */
  classOrCharacterEscape(inClass: boolean): Ranges {
    const set = this.classEscape();
    return set ?? single(this.characterEscape(inClass));
  }

  classEscape(): Ranges | undefined {
    const s = this.s;
    const c = s[this.i + 1];
    switch (c) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 's':
      case 'S': {
        this.i += 2;
        const set = c === 'd' || c === 'D' ? DIGIT : c === 'w' || c === 'W' ? WORD : SPACE();
        return c === c.toLowerCase() ? set : complement(set);
      }
      case 'p':
      case 'P': {
        const end = s.indexOf('}', this.i);
        const name = s.slice(this.i + 3, end);
        this.i = end + 1;
        const set = property(name);
        return c === 'p' ? set : complement(set);
      }
    }
    return undefined;
  }

  /** A character escape at `i` (the backslash), as its code point. */
  characterEscape(inClass: boolean): number {
    const s = this.s;
    const c = s[this.i + 1];
    const control = c === undefined ? undefined : CONTROLS[c];
    if (control !== undefined) {
      this.i += 2;
      return control;
    }
    if (inClass && c === 'b') {
      this.i += 2;
      return 0x08;
    }
    if (c === 'c') {
      this.i += 3;
      return s.charCodeAt(this.i - 1) % 32;
    }
    if (c === '0') {
      this.i += 2;
      return 0;
    }
    if (c === 'x') {
      this.i += 4;
      return parseInt(s.slice(this.i - 2, this.i), 16);
    }
    if (c === 'u') {
      if (s[this.i + 2] === '{') {
        const end = s.indexOf('}', this.i);
        const cp = parseInt(s.slice(this.i + 3, end), 16);
        this.i = end + 1;
        return cp;
      }
      const unit = parseInt(s.slice(this.i + 2, this.i + 6), 16);
      this.i += 6;
      // A pair of escaped surrogates is one code point.
      if (unit >= 0xd800 && unit <= 0xdbff && /^\\u[dD][c-fC-F][0-9a-fA-F]{2}/.test(s.slice(this.i, this.i + 6))) {
        const low = parseInt(s.slice(this.i + 2, this.i + 6), 16);
        this.i += 6;
        return (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      }
      return unit;
    }
    if (c !== undefined && (SYNTAX.includes(c) || (inClass && c === '-'))) {
      this.i += 2;
      return c.charCodeAt(0);
    }
    throw new Error(`unknown escape \\${c}`);
  }

  characterClass(): Ranges {
    const s = this.s;
    this.i++;
    const negate = s[this.i] === '^';
    if (negate) this.i++;
    const parts: Ranges[] = [];
    while (s[this.i] !== ']') {
      if (this.i >= s.length) throw new Error('unclosed class');
      const first = this.classAtom();
      if (typeof first === 'number' && s[this.i] === '-' && s[this.i + 1] !== ']') {
        this.i++;
        const last = this.classAtom();
        if (typeof last !== 'number') throw new Error('class range');
        parts.push([first, last]);
      } else parts.push(typeof first === 'number' ? single(first) : first);
    }
    this.i++;
    const set = this.fold(union(...parts));
    return negate ? complement(set) : set;
  }

  /** One member of a class: a code point, or a set (`\d`, `\p{…}`). */
  classAtom(): number | Ranges {
    if (this.s[this.i] !== '\\') return this.literal();
    return this.classEscape() ?? this.characterEscape(true);
  }
}

function single(cp: number): Ranges {
  return [cp, cp];
}

type Fold = (r: Ranges) => Ranges;

/**
 * What ignoring case adds to a set, for ASCII letters: the other case, and with the u flag (simple case
 * folding) KELVIN SIGN for k and LATIN SMALL LETTER LONG S for s, the two non-ASCII characters that fold
 * to ASCII. Without the u flag ECMAScript never matches a non-ASCII character to an ASCII one. Other
 * letters are left as they are: the formats' patterns (the one user of this) name cased letters only in
 * ASCII, and their non-ASCII ranges are whole blocks that are closed under case already.
 */
function asciiFold(unicode: boolean): Fold {
  const extra: Array<[number, number]> = unicode
    ? [
        [0x6b, 0x212a],
        [0x73, 0x17f],
      ]
    : [];
  return (r) => {
    const added: Ranges[] = [r];
    const shift = (lo: number, hi: number, by: number) => {
      for (const [rLo, rHi] of rangesOf(r)) {
        const a = Math.max(rLo, lo);
        const b = Math.min(rHi, hi);
        if (a <= b) added.push([a + by, b + by]);
      }
    };
    shift(0x41, 0x5a, 32);
    shift(0x61, 0x7a, -32);
    for (const [letter, other] of extra) {
      const all = [letter, letter - 32, other];
      if (all.some((cp) => intersects(r, single(cp)))) for (const cp of all) added.push(single(cp));
    }
    return union(...added);
  };
}

// ---------------------------------------------------------------------------------------------------------
// RE2 source with ECMAScript's meaning.

function print(node: Node): string {
  switch (node.t) {
    case 'set':
      return printSet(node.r);
    case 'seq':
      return node.items.map((item) => (item.t === 'alt' ? `(?:${print(item)})` : print(item))).join('');
    case 'alt':
      return node.alts.map(print).join('|');
    case 'assert':
      return { start: '\\A', end: '\\z', word: '\\b', nonword: '\\B' }[node.kind];
    case 'rep':
      return printRepeat(`(?:${print(node.body)})`, node.min, node.max);
    case 'look':
      throw new Untranslatable(node.behind ? 'a look-behind' : 'a look-ahead');
    case 'backref':
      throw new Untranslatable('a back-reference');
  }
}

function hex(cp: number): string {
  return `\\x{${cp.toString(16)}}`;
}

function printSet(r: Ranges): string {
  if (r.length === 0) return `[^${hex(0)}-${hex(MAX)}]`;
  let out = '[';
  for (const [lo, hi] of rangesOf(r)) out += lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`;
  return `${out}]`;
}

/** `x{min,max}` within RE2's limit of 1000 repetitions per operator: the same language. */
function printRepeat(x: string, min: number, max: number): string {
  const LIMIT = 1000;
  let out = '';
  if (min > LIMIT) out += `(?:${x}{${LIMIT}}){${Math.floor(min / LIMIT)}}${x}{${min % LIMIT}}`;
  else if (min > 0) out += min === 1 ? x : `${x}{${min}}`;
  if (max === Infinity) return out + `${x}*`;
  const more = max - min;
  if (more > LIMIT) out += `(?:${x}{0,${LIMIT}}){0,${Math.floor(more / LIMIT)}}${x}{0,${more % LIMIT}}`;
  else if (more > 0) out += more === 1 ? `${x}?` : `${x}{0,${more}}`;
  return out === '' ? '(?:)' : out;
}

// ---------------------------------------------------------------------------------------------------------
// When a backtracking engine is provably linear.
//
// A repetition is *heavy* when it can take many characters (unbounded, or more than HEAVY more than its
// minimum); other repetitions and alternations only multiply the number of ways a match can go (`paths`),
// which is bounded by a constant of the pattern. A pattern runs on the native engine only when:
// - it has no heavy repetition: each of the n start positions tries a bounded number of bounded paths; or
// - it is anchored at the start (one start position), every heavy repetition repeats a single character
//   class, and each one either cannot overlap what may follow it (so giving a character back fails at
//   once) or has nothing heavy after it (so each character given back costs a bounded check); a
//   look-around with anything heavy inside it comes before every heavy repetition (it is tried a bounded
//   number of times), and a look-behind holds nothing heavy.
// Everything else (`(a+)+`, `(a?a?)+`, `a*a*a*`, `\s+$` unanchored, `.*x.*y`) goes to RE2.

const HEAVY = 20;
const MAX_PATHS = 2000;

function heavy(node: Node): boolean {
  return node.t === 'rep' && node.max - node.min > HEAVY;
}

function anyHeavy(node: Node): boolean {
  switch (node.t) {
    case 'rep':
      return heavy(node) || anyHeavy(node.body);
    case 'seq':
      return node.items.some(anyHeavy);
    case 'alt':
      return node.alts.some(anyHeavy);
    case 'look':
      return anyHeavy(node.body);
    default:
      return false;
  }
}

function nullable(node: Node): boolean {
  switch (node.t) {
    case 'set':
      return false;
    case 'seq':
      return node.items.every(nullable);
    case 'alt':
      return node.alts.some(nullable);
    case 'rep':
      return node.min === 0 || nullable(node.body);
    default:
      return true;
  }
}

/** The characters a match of `node` can start with. */
function first(node: Node): Ranges {
  switch (node.t) {
    case 'set':
      return node.r;
    case 'seq': {
      const sets: Ranges[] = [];
      for (const item of node.items) {
        sets.push(first(item));
        if (!nullable(item)) break;
      }
      return union(...sets);
    }
    case 'alt':
      return union(...node.alts.map(first));
    case 'rep':
      return node.max === 0 ? NONE : first(node.body);
    case 'backref':
      return ALL;
    default:
      return NONE;
  }
}

/** The number of ways a match can go, heavy repetitions of one class counting once; capped. */
function paths(node: Node): number {
  const cap = (n: number) => Math.min(n, 1e9);
  switch (node.t) {
    case 'seq':
      return cap(node.items.reduce((n, item) => n * paths(item), 1));
    case 'alt':
      return cap(node.alts.reduce((n, alt) => n + paths(alt), 0));
    case 'look':
      return paths(node.body);
    case 'rep': {
      if (heavy(node)) return paths(node.body);
      const each = paths(node.body);
      let total = 0;
      for (let k = node.min; k <= node.max && total < 1e9; k++) total += each ** k;
      return cap(total);
    }
    default:
      return 1;
  }
}

function anchoredAtStart(node: Node): boolean {
  switch (node.t) {
    case 'assert':
      return node.kind === 'start';
    case 'alt':
      return node.alts.every(anchoredAtStart);
    case 'seq':
      for (const item of node.items) {
        if (anchoredAtStart(item)) return true;
        if (item.t !== 'assert' && item.t !== 'look') return false;
      }
      return false;
    default:
      return false;
  }
}

interface Context {
  /** What may come right after the node. */
  follow: Ranges;
  /** Whether anything heavy may come after the node. */
  heavyAfter: boolean;
  /** Whether anything heavy may come before it. */
  heavyBefore: boolean;
}

function isLinear(tree: Node): boolean {
  if (paths(tree) > MAX_PATHS) return false;
  if (!anyHeavy(tree)) return true;
  if (!anchoredAtStart(tree)) return false;
  // A back-reference can take as much as its group did: heavy when anything is.
  if (hasBackref(tree)) return false;
  return safe(tree, { follow: NONE, heavyAfter: false, heavyBefore: false });
}

function hasBackref(node: Node): boolean {
  switch (node.t) {
    case 'backref':
      return true;
    case 'seq':
      return node.items.some(hasBackref);
    case 'alt':
      return node.alts.some(hasBackref);
    case 'rep':
    case 'look':
      return hasBackref(node.body);
    default:
      return false;
  }
}

function safe(node: Node, ctx: Context): boolean {
  switch (node.t) {
    case 'seq': {
      // What follows each item, and whether anything heavy does, from the right.
      const steps = node.items.map((item) => ({ item, follow: NONE, heavyAfter: false }));
      let follow = ctx.follow;
      let heavyAfter = ctx.heavyAfter;
      for (const step of steps.toReversed()) {
        step.follow = follow;
        step.heavyAfter = heavyAfter;
        follow = nullable(step.item) ? union(first(step.item), follow) : first(step.item);
        heavyAfter ||= anyHeavy(step.item);
      }
      let heavyBefore = ctx.heavyBefore;
      for (const step of steps) {
        if (!safe(step.item, { follow: step.follow, heavyAfter: step.heavyAfter, heavyBefore })) return false;
        heavyBefore ||= anyHeavy(step.item);
      }
      return true;
    }
    case 'alt':
      return node.alts.every((alt) => safe(alt, ctx));
    case 'rep': {
      if (heavy(node)) {
        if (node.body.t !== 'set') return false;
        return !intersects(node.body.r, ctx.follow) || !ctx.heavyAfter;
      }
      const again = node.max > 1;
      const inner = anyHeavy(node.body);
      return safe(node.body, {
        follow: again ? union(first(node.body), ctx.follow) : ctx.follow,
        heavyAfter: ctx.heavyAfter || (again && inner),
        heavyBefore: ctx.heavyBefore || (again && inner),
      });
    }
    case 'look': {
      const inner = anyHeavy(node.body);
      if (!inner) return true;
      if (node.behind || ctx.heavyBefore) return false;
      return safe(node.body, { follow: NONE, heavyAfter: false, heavyBefore: false });
    }
    default:
      return true;
  }
}
