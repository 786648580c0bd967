// Which standard a file follows, judged from its header (or, for JSON, the keys of its first record):
// pure matching of names to each standard's fields, with no reading of files.
//
// The rule, as the README states it:
// - A column counts for a standard when its name, compared without case, spaces or punctuation
//   (`normaliseName`), is one of the standard's field names or x-aliases. Blank names do not count.
// - A name weighs less the more meanings it has: a name n standards' fields know weighs 1/n (a name no
//   standard knows weighs 1), where fields of one shared concept in sibling standards count once. `id`, `name` or OrganisationLabel say little about which standard a file follows;
//   BeneficiaryName says a lot.
// - For each standard, the header is the row of the first few that matches it best (title lines above the
//   header are common), and three shares are measured: the weight of the file's columns that are the
//   standard's fields, of the weight of all its columns; the share of the standard's fields the file
//   has; the share of its required fields the file has.
// - The fit is 0.6 × the first + 0.2 × the second + 0.2 × the third (without required fields, the second
//   counts twice). The file's own columns weigh most: a file that uses a few of a large standard's fields
//   is still that standard's, while columns the standard does not name point elsewhere.
// - The best standard is picked only when it fits clearly: a fit of at least 0.45, at least two of the
//   file's columns are its fields (one, for a file of one column), the file has more than half of its
//   required fields, and it is ahead of the next by at least 0.1 — or the next explains exactly the same
//   columns and leaves more of its own fields out, and the best has as many of its required fields. Files that share only the common columns of a family of standards
//   (OrganisationLabel, OrganisationURI, EffectiveDate…) fit several equally and are reported, not guessed.
// - When two or more standards fit about equally well (within the margin, each fitting by the rule above),
//   the file's name, or values written with a dataset's prefix (`conservation-area:CA01`), settle it if
//   together they point to exactly one of them (src/standards/file-name-evidence.ts);
//   otherwise the file is reported with both named.
import { nameKey, normaliseName } from './name-tokens.js';
import { compareText } from '../plain-text.js';
import { namedByFileName, namedByValues } from './file-name-evidence.js';

export interface ProfileField {
  name: string;
  aliases: string[];
  required: boolean;
  /** The shared concept the field holds (src/standards/concepts.ts): sibling standards' fields that are one. */
  concept?: string;
}

/** What detection needs to know of a standard. */
export interface StandardProfile {
  id: string;
  version: string;
  title: string;
  fields: ProfileField[];
}

export interface Candidate {
  id: string;
  version: string;
  title: string;
  /** Columns (or keys) of the file that are fields of the standard. */
  matched: number;
  /** Named columns in the file's header. */
  columns: number;
  /** Fields of the standard. */
  fields: number;
  requiredFound: number;
  required: number;
  /** The fit, 0 to 1, rounded to 3 decimals. */
  score: number;
  /** Which of the rows given was taken as the header (0-based). */
  headerRow: number;
  /** The file's names that matched, normalised and sorted. */
  columnNames: string[];
}

export type Detection = { found: true; best: Candidate; runnerUp?: Candidate; reason: string } | { found: false; candidates: Candidate[]; reason: string };

export const DETECTION_RULE = { minScore: 0.45, minMargin: 0.1 } as const;
/** Below this fit a standard is not worth offering as a candidate in the explanation. */
const WEAK = 0.25;

/** Names from a file and the standards they are compared with. */
export interface NameSet {
  /** A CSV file's first records (the header is among them), or one row of a JSON record's keys. */
  rows: string[][];
  profiles: StandardProfile[];
}

/**
 * The standard a file follows. A CSV file gives one set of names; a JSON document may give two (its
 * records' keys for standards of records, its top-level keys for standards of whole documents), and all
 * candidates compete under the same rule. `unit` names what the names are, for the explanation.
 */
export function detectStandard(sets: NameSet[], unit: 'column' | 'key' = 'column', fileName?: string): Detection {
  const rows = sets.flatMap((set) => set.rows);
  const weight = nameWeights(sets.flatMap((set) => set.profiles));
  const candidates = sets
    .flatMap((set) => set.profiles.map((profile) => measure(set.rows, profile, weight)))
    .filter((c): c is Candidate => c !== undefined && c.matched > 0)
    .sort((a, b) => b.score - a.score || b.matched - a.matched || compareText(a.id, b.id));
  const [best, next] = candidates;
  const plural = (n: number) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (!best) {
    const columns = Math.max(0, ...rows.map((r) => namesOf(r).length));
    return {
      found: false,
      candidates: [],
      reason: columns ? `none of its ${plural(columns)} is a field of any standard conform knows` : `it has no ${unit} names to go by`,
    };
  }
  const fits = best.score >= DETECTION_RULE.minScore && best.matched >= Math.min(2, best.columns) && best.requiredFound * 2 > best.required;
  const share = (c: Candidate) => `${c.matched} of ${plural(c.columns)}`;
  const nearTie = next !== undefined && best.score - next.score < DETECTION_RULE.minMargin;
  if (nearTie && best.score >= WEAK && best.matched >= 2) {
    // Standards that fit about as well as the best: the file's name may settle which, even where none
    // fits clearly ("north-tyneside-spend-2014-05.csv" with payment columns that spend and card share).
    const close = candidates.filter((c) => best.score - c.score < DETECTION_RULE.minMargin && c.score >= WEAK);
    const settled = namedByEvidence(
      fileName,
      rows,
      close.map((c) => c.id),
    );
    if (settled) {
      const chosen = close.find((c) => c.id === settled.id)!;
      const other = close.find((c) => c !== chosen)!;
      const reason = `its ${unit}s fit ${chosen.id} and ${other.id} about equally well (${share(chosen)} and ${share(other)}), and ${settled.says} to ${chosen.id}`;
      return { found: true, best: chosen, runnerUp: other, reason };
    }
  }
  const twins = nearTie && narrowerOfTwins(best, next!);
  const clear = !nearTie || twins;
  if (fits && clear) {
    const are = best.matched === 1 ? 'is a field' : 'are fields';
    const required = best.required ? ` (with ${best.requiredFound} of its ${best.required} required field${best.required === 1 ? '' : 's'})` : '';
    const reason = `${share(best)} ${are} of ${best.id}${required}${next ? `; the next closest, ${next.id}, has ${share(next)}` : ''}${twins ? `, the same columns, but ${best.id} leaves fewer of its fields out` : ''}`;
    return { found: true, best, runnerUp: next, reason };
  }
  if (!fits && clear && best.score >= WEAK && best.matched >= 2) {
    // Well ahead of every other standard but short of a clear fit (too few of its required columns, say):
    // taken when the file's name or its values name it too, so its missing columns are reported.
    const settled = namedByEvidence(fileName, rows, [best.id]);
    if (settled) {
      const reason = `${share(best)} ${best.matched === 1 ? 'is a field' : 'are fields'} of ${best.id}, fewer than a clear fit needs, and ${settled.says} to it${next ? `; the next closest, ${next.id}, has ${share(next)}` : ''}`;
      return { found: true, best, runnerUp: next, reason };
    }
  }
  const top = candidates.filter((c) => c.score >= WEAK).slice(0, 3);
  const listed = top.map((c) => `${c.id} (${share(c)})`).join(', ');
  const reason =
    fits && next
      ? `its ${unit}s fit ${best.id} and ${next.id} about equally well (${share(best)} and ${share(next)})`
      : best.score < WEAK
        ? `few of its ${unit}s are fields of any standard conform knows (the closest, ${best.id}, has ${share(best)})`
        : `no standard fits its ${unit}s clearly; the closest ${top.length === 1 ? 'is' : 'are'} ${listed}`;
  return { found: false, candidates: top, reason };
}

/**
 * The one standard among `ids` that the file's name and its dataset-prefixed values point to, with the
 * words that say so ("the file's name points"); undefined when they point to none, or to several.
 */
function namedByEvidence(fileName: string | undefined, rows: string[][], ids: string[]): { id: string; says: string } | undefined {
  const byName = namedByFileName(fileName, ids);
  const byValues = namedByValues(rows, ids);
  const named = [...new Set([...byName, ...byValues])];
  if (named.length !== 1) return undefined;
  const id = named[0]!;
  const evidence = [byName.length ? "the file's name" : '', byValues.length ? `its values (${id}: references)` : ''].filter(Boolean).join(' and ');
  return { id, says: `${evidence} ${byValues.length ? 'point' : 'points'}` };
}

/**
 * Two standards that explain exactly the same columns differ only in fields the file does not have; the
 * one that leaves fewer of its fields out is the closer (a spend file without card columns is not a file
 * of card transactions, whose standard is spend's fields and a few more).
 */
function narrowerOfTwins(best: Candidate, next: Candidate): boolean {
  if (best.columnNames.length !== next.columnNames.length || best.columnNames.some((n, i) => n !== next.columnNames[i])) return false;
  return best.requiredFound >= next.requiredFound && best.fields - best.matched < next.fields - next.matched;
}

/** How much each name says about the standard: 1 / the number of standards that know it. */
function nameWeights(profiles: StandardProfile[]): (name: string) => number {
  // A name counts once per meaning: sibling standards' fields of one concept ("Paid Date" for the
  // payment date of spend and of card transactions) are one meaning, which says as much as a name one
  // standard knows; the file's name or its other columns then tell the siblings apart.
  const meanings = new Map<string, Set<string>>();
  for (const profile of profiles) {
    for (const field of profile.fields) {
      const meaning = field.concept ?? `${profile.id}:${field.name}`;
      for (const name of [field.name, ...field.aliases].map(normaliseName)) {
        let set = meanings.get(name);
        if (!set) meanings.set(name, (set = new Set()));
        set.add(meaning);
      }
    }
  }
  return (name) => 1 / Math.max(1, meanings.get(name)?.size ?? 1);
}

function measure(rows: string[][], profile: StandardProfile, weight: (name: string) => number): Candidate | undefined {
  if (!profile.fields.length) return undefined;
  const fieldOf = new Map<string, number>();
  // The same words in another order or with abbreviations ("Trans. No." for "Transaction Number"), as
  // header matching reads them: the field, and the known name whose weight the column takes.
  const byWords = new Map<string, { field: number; name: string } | null>();
  profile.fields.forEach((field, i) => {
    for (const name of [field.name, ...field.aliases]) {
      const key = normaliseName(name);
      if (key && !fieldOf.has(key)) fieldOf.set(key, i);
      const words = nameKey(name);
      if (!words) continue;
      const held = byWords.get(words);
      if (held === undefined) byWords.set(words, { field: i, name: key });
      else if (held && held.field !== i) byWords.set(words, null);
    }
  });
  let bestRow = -1;
  let bestHits = new Set<number>();
  let bestColumns = 0;
  let bestWeightShare = 0;
  let bestNames: string[] = [];
  rows.forEach((row, r) => {
    const names = namesOf(row);
    const hits = new Set<number>();
    const hitNames: string[] = [];
    let matchedWeight = 0;
    let totalWeight = 0;
    const wordsOf = wordKeys(row);
    for (const name of names) {
      let field = fieldOf.get(name);
      let known = name;
      if (field === undefined) {
        const byWord = byWords.get(wordsOf.get(name) ?? '');
        if (byWord) {
          field = byWord.field;
          known = byWord.name;
        }
      }
      totalWeight += weight(known);
      if (field !== undefined && !hits.has(field)) {
        hits.add(field);
        hitNames.push(name);
        matchedWeight += weight(known);
      }
    }
    if (hits.size > bestHits.size || bestRow < 0) {
      bestRow = r;
      bestHits = hits;
      bestNames = hitNames.sort();
      bestColumns = names.length;
      bestWeightShare = totalWeight ? matchedWeight / totalWeight : 0;
    }
  });
  if (bestRow < 0 || bestColumns === 0) return undefined;
  const required = profile.fields.filter((f) => f.required).length;
  const requiredFound = [...bestHits].filter((i) => profile.fields[i]!.required).length;
  const columnShare = bestWeightShare;
  const fieldShare = bestHits.size / profile.fields.length;
  const requiredShare = required ? requiredFound / required : fieldShare;
  return {
    id: profile.id,
    version: profile.version,
    title: profile.title,
    matched: bestHits.size,
    columns: bestColumns,
    fields: profile.fields.length,
    requiredFound,
    required,
    score: Math.round((0.6 * columnShare + 0.2 * fieldShare + 0.2 * requiredShare) * 1000) / 1000,
    headerRow: bestRow,
    columnNames: bestNames,
  };
}

/** Each normalised name of a row with the key of its words. */
function wordKeys(row: string[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const cell of row) {
    const name = normaliseName(cell);
    if (name && !keys.has(name)) keys.set(name, nameKey(cell));
  }
  return keys;
}

/** The distinct, non-blank names of a row, normalised. */
function namesOf(row: string[]): string[] {
  return [...new Set(row.map(normaliseName).filter(Boolean))];
}
