// Patterns from standards are code from someone else: `^(a+)+$` tested on "aaaa…!" takes exponential time
// in a backtracking engine and would hang a run. Patterns whose shape allows that — a repeated group that
// itself repeats or branches — run on RE2 (re2js), which always takes linear time. Everything else runs on
// the engine's own RegExp, which is faster. A dangerous pattern RE2 cannot run is refused when the
// standard loads, with a message naming it.
import { RE2JS } from 're2js';
import { ConformError } from '../errors.js';

export interface RegExpLike {
  test(text: string): boolean;
}

/** The factory ajv uses for every `pattern` (its `code.regExp` option). */
export function safeRegExp(pattern: string, flags: string): RegExpLike {
  if (!mayBacktrackBadly(pattern)) return new RegExp(pattern, flags);
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern);
  } catch (error) {
    throw new ConformError(
      `the pattern ${JSON.stringify(pattern)} could take exponential time on some values, and it uses features (${(error as Error).message.replace(/^error parsing regexp: /, '')}) that a linear-time engine cannot run; rewrite it without nested repetition`,
    );
  }
  return { test: (text: string) => compiled.matcher(text).find() };
}
safeRegExp.code = 'conform safe RegExp';

/**
 * A repeated group (`(…)+`, `(…)*`, `(…){2,}`) that holds a repetition or an alternation: the shape of
 * every catastrophic pattern. Conservative: some safe patterns match too, and merely run on RE2.
 */
export function mayBacktrackBadly(pattern: string): boolean {
  // For each open group: does it hold a repetition or an alternation?
  const groups: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') groups.push(false);
    else if (c === '|') {
      if (groups.length) groups[groups.length - 1] = true;
    } else if (c === ')') {
      const risky = groups.pop() ?? false;
      const repeated = repeatsAt(pattern, i + 1);
      if (risky && repeated) return true;
      // A group that repeats makes its enclosing group risky too.
      if ((risky || repeated) && groups.length) groups[groups.length - 1] = true;
    } else if (repeatsAt(pattern, i) && groups.length) {
      groups[groups.length - 1] = true;
    }
  }
  return false;
}

/** Is there an unbounded or multiple repetition (`*`, `+`, `{n,}`, `{n,m}` with m > 1) at `i`? */
function repeatsAt(pattern: string, i: number): boolean {
  const c = pattern[i];
  if (c === '*' || c === '+') return true;
  if (c !== '{') return false;
  const m = /^\{(\d*)(,(\d*))?\}/.exec(pattern.slice(i));
  if (!m) return false;
  if (m[2] === undefined) return Number(m[1]) > 1;
  return m[3] === '' || Number(m[3]) > 1;
}
