// A column name reduced to the words that carry its meaning, so that "Invoice Nett Amount (£)",
// "amount_net_invoice" and "Invoice Net Amt" are seen as one name. Case, punctuation, brackets, word
// order, the pound sign and VAT qualifiers do not count; common abbreviations are read as the word.

/** Words that join other words and change nothing in a column name. */
const FILLERS = new Set(['of', 'the', 'and', 'a', 'an', 'in', 'on', 'for', 'to', 'by', 'gbp']);

/** Short forms council exports use, read as the word they stand for. */
const ABBREVIATIONS: Record<string, string> = {
  no: 'number',
  num: 'number',
  nbr: 'number',
  nr: 'number',
  ref: 'reference',
  refs: 'reference',
  amt: 'amount',
  dept: 'department',
  dep: 'department',
  org: 'organisation',
  organization: 'organisation',
  orgs: 'organisation',
  nett: 'net',
  desc: 'description',
  descr: 'description',
  trans: 'transaction',
  txn: 'transaction',
  inv: 'invoice',
  qty: 'quantity',
  addr: 'address',
  tel: 'telephone',
  dt: 'date',
  val: 'value',
  co: 'company',
  reg: 'registration',
  cat: 'category',
};

/** Qualifiers that say how an amount was written, not what it is: "(inc VAT)", "(ex VAT)", "(£)". */
const VAT_QUALIFIER = /\(?\b(?:inc|incl|including|inclusive|ex|exc|excl|excluding|exclusive|net)\.?\s*(?:of\s+)?vat\b\)?/giu;

/** Splits "BeneficiaryName", "PaymentDate", "CPVCode" into words. */
function splitCamel(name: string): string {
  return name.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2');
}

/** The meaningful words of a column name, each in its full form, in the order written. */
export function nameWords(name: string): string[] {
  const text = splitCamel(name.normalize('NFKC')).replace(VAT_QUALIFIER, ' ').toLowerCase();
  const words: string[] = [];
  for (const raw of text.split(/[^\p{L}\p{N}]+/u)) {
    if (!raw) continue;
    const word = ABBREVIATIONS[raw] ?? raw;
    if (FILLERS.has(word)) continue;
    words.push(word);
  }
  return words;
}

/**
 * One key for every way of writing the same words: sorted, each word once. Empty when the name has no
 * meaningful word (then it matches nothing).
 */
export function nameKey(name: string): string {
  return [...new Set(nameWords(name))].sort().join(' ');
}

/** Words that say little alone: a column sharing only these with a field is not a candidate for it. */
const WEAK_WORDS = new Set([
  'name',
  'number',
  'date',
  'code',
  'reference',
  'id',
  'type',
  'label',
  'uri',
  'url',
  'total',
  'value',
  'amount',
  'description',
  'details',
  'text',
  'net',
  'gross',
]);

/**
 * How much a column name `a` shares with a known name `b`, from 0 to 1: the share of the meaningful
 * words of both that are the same. A pair sharing only weak words ("Name", "Date"), or one word that is
 * not the whole of `b`, scores 0, so an unrelated column is never suggested.
 */
export function wordOverlap(a: string, b: string): number {
  const x = new Set(nameWords(a));
  const y = new Set(nameWords(b));
  if (!x.size || !y.size) return 0;
  let shared = 0;
  let strong = false;
  for (const word of x) {
    if (!y.has(word)) continue;
    shared++;
    if (!WEAK_WORDS.has(word)) strong = true;
  }
  // One shared word is enough only when it is all of b ("Supplier" in "Supplier Name (Full)"): "Account"
  // is not "Account Description".
  if (!strong || (shared < 2 && shared < y.size)) return 0;
  // A column of many words sharing two with a name is a row glued into one cell, not that name.
  if (shared * 2 < x.size) return 0;
  return (2 * shared) / (x.size + y.size);
}

/** A name with case, spaces (including non-breaking ones), underscores, hyphens and punctuation taken out. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prevPrev = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      current[j] = d;
    }
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return prev[b.length]!;
}
