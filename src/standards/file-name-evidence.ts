// What a file's name, and the values in its first rows, say about the standard it follows. Councils name their exports after the dataset
// ("expenditure-over-500-2024-q1.csv", "gpc-transactions-march.csv"); where two standards fit the
// columns about equally well, a name that points to exactly one of them settles it. A name never
// overrules the columns.
import { basename } from 'node:path';

/** Words in a file's name that point to a standard, by standard id. */
const NAME_WORDS: Record<string, RegExp> = {
  'spend-over-500': /spend|expenditure|payments?[^a-z]*(over|to[^a-z]*suppliers)|over[^a-z0-9]*(£|gbp)?500|supplier[^a-z]*payments/,
  'procurement-card-transactions': /card|\bgpc\b|\bp-?card|purchasing/,
  contracts: /contract/,
  'counter-fraud': /fraud/,
  'planning-applications': /planning[^a-z]*app/,
  'public-toilets': /toilet/,
  // A register's name does not say which edition of the standard it follows: both are named, and the
  // columns decide.
  'brownfield-land': /brownfield/,
  'brownfield-land-2017': /brownfield/,
  'tree-preservation-order': /\btpo|tree[^a-z]*preservation[^a-z]*order/,
  'tree-preservation-zone': /\btpz|tree[^a-z]*preservation[^a-z]*(zone|area)/,
  tree: /(^|[^a-z])trees?([^a-z]|$)/,
  'conservation-area': /conservation/,
  'article-4-direction': /article[^a-z]*4/,
  'article-4-direction-area': /article[^a-z]*4/,
  'listed-building-outline': /listed[^a-z]*building/,
  'developer-agreement': /developer[^a-z]*agreement|s106|section[^a-z]*106/,
  'infrastructure-funding-statement': /infrastructure[^a-z]*funding/,
  'premises-licences': /premises|licen[cs]/,
  'land-and-building-assets': /assets|land[^a-z]*and[^a-z]*building/,
  'trade-union-facility-time': /trade[^a-z]*union|facility[^a-z]*time/,
  'pay-multiples': /pay[^a-z]*multiple/,
  'organisation-structure': /organi[sz]ation[^a-z]*(structure|chart)|org[^a-z]*chart/,
  'election-results': /election/,
  '360giving': /360|grants?\b/,
};

/** The standards among `ids` the file's name points to. */
export function namedByFileName(fileName: string | undefined, ids: string[]): string[] {
  if (!fileName) return [];
  const name = basename(fileName).toLowerCase().replace(/_/g, '-');
  return ids.filter((id) => NAME_WORDS[id]?.test(name));
}

/**
 * The standards among `ids` that the file's values name: a digital-land reference or geography written
 * with its dataset's prefix (`conservation-area:CA01`, `tree-preservation-order:TPO/12`).
 */
export function namedByValues(rows: string[][], ids: string[]): string[] {
  const prefixes = new Set(ids.map((id) => `${id}:`));
  const named = new Set<string>();
  for (const row of rows) {
    for (const cell of row) {
      const colon = cell.indexOf(':');
      if (colon <= 0) continue;
      const prefix = cell
        .slice(0, colon + 1)
        .trim()
        .toLowerCase();
      if (prefixes.has(prefix)) named.add(prefix.slice(0, -1));
    }
  }
  return ids.filter((id) => named.has(id));
}
