// Matching a file's header to the standard's fields: exactly, then by a name written differently (case,
// spaces, punctuation), a known alias, the config's column map, and finally a likely typo. A matched
// column is validated under the standard's name whatever it is called in the file.
import { ConformError } from '../errors.js';
import type { Field, Standard } from '../standards/standard.js';
import { repairHeaderName } from './header-repair.js';
import { editDistance, nameKey, normaliseName, wordOverlap } from '../standards/name-tokens.js';

export type MatchedBy = 'exact' | 'config' | 'spelling' | 'alias' | 'words' | 'typo';

export interface Column {
  /** 0-based position. */
  index: number;
  /** The name as written in the file. */
  name: string;
  /** A name damaged by an earlier conversion: the name it was, matched in its place, and what was wrong. */
  repaired?: { name: string; damage: string };
  field?: Field;
  matchedBy?: MatchedBy;
  /** For a typo or a match by words: the name or alias it is a typo of, or has the words of. */
  typoOf?: string;
  /** A blank name, or a repeat of an earlier column's name or field. */
  blank?: boolean;
  duplicateOf?: Column;
  /** For an unmatched column: the field it is closest to. */
  closest?: string;
}

export interface HeaderMatch {
  columns: Column[];
  /** Required fields with no column. */
  missing: Array<{ field: Field; closest?: string; candidates: string[] }>;
}

const MAX_TYPO_CHECKS = 1000;

export function matchHeader(names: string[], standard: Standard, columnMap: Record<string, string> = {}): HeaderMatch {
  const columns: Column[] = names.map((name, index) => {
    const repaired = repairHeaderName(name);
    return { index, name, blank: name.trim() === '', ...(repaired ? { repaired } : {}) };
  });
  // Matching reads a damaged name as the name it was.
  const nameOf = (column: Column) => column.repaired?.name ?? column.name;
  const claimed = new Map<Field, Column>();
  const claim = (column: Column, field: Field | undefined, how: MatchedBy) => {
    if (!field || column.field || column.blank || column.duplicateOf) return;
    const holder = claimed.get(field);
    if (holder) {
      column.duplicateOf = holder;
      return;
    }
    column.field = field;
    column.matchedBy = how;
    claimed.set(field, column);
  };

  const seen = new Map<string, Column>();
  for (const column of columns) {
    if (column.blank) continue;
    const earlier = seen.get(column.name.trim());
    if (earlier) column.duplicateOf = earlier;
    else seen.set(column.name.trim(), column);
  }

  const byNormal = new Map<string, Field>();
  const byAlias = new Map<string, Field>();
  for (const field of standard.fields) {
    byNormal.set(normaliseName(field.name), field);
    for (const alias of field.aliases) byAlias.set(normaliseName(alias), field);
  }
  const byWords = wordsIndex(standard);
  const mapped = Object.entries(columnMap);

  for (const column of columns) {
    const target = mapped.find(([from]) => from === column.name || from.trim() === column.name.trim())?.[1];
    if (target !== undefined) claim(column, standard.fieldByName.get(target), 'config');
  }
  for (const column of columns) claim(column, standard.fieldByName.get(nameOf(column)), 'exact');
  for (const column of columns) claim(column, byNormal.get(normaliseName(nameOf(column))), 'spelling');
  for (const column of columns) claim(column, byAlias.get(normaliseName(nameOf(column))), 'alias');
  let read = 0;
  for (const column of columns) {
    if (column.field || column.blank || column.duplicateOf) continue;
    // As with typos, a header of thousands of names is read by words only in its first ones.
    if (++read > MAX_TYPO_CHECKS) break;
    const hit = byWords.get(nameKey(nameOf(column)));
    // Words are the loosest reading: a field already held by a column is not taken again, so "Amount
    // (inc VAT)" beside "Amount" is a column of its own, not a duplicate.
    if (!hit || !hit.field || column.field || claimed.has(hit.field)) continue;
    claim(column, hit.field, 'words');
    if (column.field === hit.field) column.typoOf = hit.name;
  }
  let compared = 0;
  for (const column of columns) {
    if (column.field || column.blank || column.duplicateOf) continue;
    // A header of thousands of names is not a header to correct: compare only the first ones.
    if (++compared > MAX_TYPO_CHECKS) break;
    const near = nearestField(
      nameOf(column),
      standard.fields.filter((f) => !claimed.has(f)),
    );
    if (near?.close) {
      claim(column, near.field, 'typo');
      column.typoOf = near.candidate;
    } else if (near) column.closest = near.field.name;
  }

  const loose = columns
    .filter((c) => !c.field && !c.blank && !c.duplicateOf)
    .slice(0, MAX_TYPO_CHECKS)
    .map(nameOf);
  const missing = standard.fields
    .filter((field) => field.required && !claimed.has(field))
    .map((field) => {
      const candidates = candidateColumns(field, loose);
      return { field, closest: candidates[0], candidates };
    });
  return { columns, missing };
}

const MAX_CANDIDATES = 3;
/** Share of words two names must have in common for one to be offered as the other. */
const MIN_OVERLAP = 0.5;

/**
 * The unmatched columns that may hold a missing field, best first: a slip of a letter or two in the
 * field's name or an alias, or most of the same meaningful words ("Invoice Line Value" for "Line Amount"
 * is not; "Supplier Beneficiary" for "Beneficiary Name" is). A column that merely looks alike on the
 * page ("Account" for "Amount") is not offered: a wrong hint costs more than none.
 */
export function candidateColumns(field: Field, columns: string[]): string[] {
  const scored: Array<{ name: string; score: number }> = [];
  const names = [field.name, ...field.aliases];
  for (const column of columns) {
    const n = normaliseName(column);
    if (!n) continue;
    let score = 0;
    for (const candidate of names) {
      const c = normaliseName(candidate);
      const distance = editDistance(n, c);
      if (distance <= typoTolerance(Math.min(n.length, c.length))) score = Math.max(score, 1 - distance / 10);
      const overlap = wordOverlap(column, candidate);
      if (overlap >= MIN_OVERLAP) score = Math.max(score, overlap * 0.9);
    }
    if (score > 0) scored.push({ name: column, score });
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_CANDIDATES)
    .map((s) => s.name);
}

/**
 * Every field's name and aliases by their words (sorted, abbreviations read in full), made once per
 * standard. A key two fields share is kept for neither: it cannot say which one a column is.
 */
const wordsIndexes = new WeakMap<Standard, Map<string, { field?: Field; name: string }>>();

function wordsIndex(standard: Standard): Map<string, { field?: Field; name: string }> {
  let index = wordsIndexes.get(standard);
  if (index) return index;
  index = new Map();
  for (const field of standard.fields) {
    for (const name of [field.name, ...field.aliases]) {
      const key = nameKey(name);
      if (!key) continue;
      const held = index.get(key);
      if (!held) index.set(key, { field, name });
      else if (held.field !== field) held.field = undefined;
    }
  }
  wordsIndexes.set(standard, index);
  return index;
}

/** Normalised names of the standard's fields and aliases, made once per standard (a batch run asks for every file). */
const knownNames = new WeakMap<Standard, Set<string>>();

function namesOf(standard: Standard): Set<string> {
  let known = knownNames.get(standard);
  if (!known) {
    known = new Set<string>();
    for (const field of standard.fields) {
      known.add(normaliseName(field.name));
      for (const alias of field.aliases) known.add(normaliseName(alias));
    }
    knownNames.set(standard, known);
  }
  return known;
}

/**
 * Scores a record by how many of its names would match a field: used to find the header among the first
 * lines.
 */
export function headerScorer(standard: Standard, columnMap: Record<string, string> = {}): (names: string[]) => number {
  const mapped = Object.keys(columnMap);
  const names = mapped.length ? new Set([...namesOf(standard), ...mapped.map(normaliseName)]) : namesOf(standard);
  const keys = wordsIndex(standard);
  return (record) => {
    let score = 0;
    for (let i = 0; i < record.length; i++) {
      const written = record[i]!;
      const name = repairHeaderName(written)?.name ?? written;
      if (!name.trim()) continue;
      if (names.has(normaliseName(name)) || (i < MAX_TYPO_CHECKS && keys.get(nameKey(name))?.field)) score++;
    }
    return score;
  };
}

interface Near {
  field: Field;
  /** The field's name or alias the name is nearest to. */
  candidate: string;
  distance: number;
  /** Close enough to be taken as a typo of the field. */
  close: boolean;
}

function nearestField(name: string, fields: Field[]): Near | undefined {
  const n = normaliseName(name);
  if (!n) return undefined;
  let best: Near | undefined;
  let tie = false;
  for (const field of fields) {
    for (const candidate of [field.name, ...field.aliases]) {
      const c = normaliseName(candidate);
      const distance = editDistance(n, c);
      if (!best || distance < best.distance) {
        best = { field, candidate, distance, close: distance <= typoTolerance(Math.min(n.length, c.length)) };
        tie = false;
      } else if (distance === best.distance && field !== best.field) tie = true;
    }
  }
  if (!best) return undefined;
  if (tie) best.close = false;
  if (best.distance > suggestionTolerance(n.length)) return undefined;
  return best;
}

/**
 * How far a name may be from a field's for the field to be suggested: a slip of a few letters, not a
 * different word ("VAT Registration Number" is not "Charity Registration Number").
 */
function suggestionTolerance(length: number): number {
  if (length < 5) return 1;
  if (length < 12) return 2;
  return 3;
}

/** A column map that names a field the standard does not have is a mistake in the run's set-up. */
export function checkColumnMap(columnMap: Record<string, string>, standard: Standard): void {
  for (const [from, to] of Object.entries(columnMap)) {
    if (standard.fieldByName.has(to)) continue;
    const near = nearestField(to, standard.fields);
    const hint = near ? `; did you mean "${near.field.name}"?` : `; its fields are ${standard.fields.map((f) => f.name).join(', ')}`;
    throw new ConformError(`The column map sends "${from}" to "${to}", but the standard "${standard.id}" has no field "${to}"${hint}`);
  }
}

/** Typos allowed for a name of this length: none for short names, where one letter changes the word. */
function typoTolerance(length: number): number {
  if (length < 5) return 0;
  if (length < 10) return 1;
  return 2;
}
