// Who published a file, when every row of its publisher column names the same body.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publisherFields, PublisherTracker } from '../../src/batch/publisher.js';
import { loadStandardFile } from '../../src/standards/load.js';
import { BUNDLED_DIR } from '../../src/standards/registry.js';
import type { Standard } from '../../src/standards/standard.js';

let spend: Standard;
beforeAll(async () => {
  spend = await loadStandardFile(join(BUNDLED_DIR, 'spend-over-500', 'schema.json'));
});

const HEADER = ['Organisation Name', 'Service Area', 'Supplier Name', 'Payment Date', 'Transaction Number', 'Amount', 'Irrecoverable VAT', 'Purpose'];
const row = (body: string, n: number) => [body, 'Finance', 'ACME Ltd', '2024-01-31', `T${n}`, '100', '0', 'Books'];

/** The publisher the tracker states after seeing `rows` (header first) in batches of `size`, for `counted` data rows. */
function publisherOf(rows: string[][], counted: number, size = 2): string | undefined {
  const tracker = new PublisherTracker(spend);
  for (let at = 0; at < rows.length; at += size) {
    const batch = rows.slice(at, at + size);
    tracker.take({ rows: batch, lines: batch.map((_, i) => at + i + 1) });
  }
  return tracker.finish(counted);
}

describe('publisherFields', () => {
  it("spend over £500's body is named by its organisation's label first, then its URI", () => {
    expect(publisherFields(spend).map((f) => f.name)).toEqual(['OrganisationLabel', 'OrganisationURI']);
  });
});

describe('PublisherTracker', () => {
  it.each([
    ['every row names one body', [HEADER, row('Anytown Council', 1), row('Anytown Council', 2)], 2, 'Anytown Council'],
    ['spaces around and within do not count', [HEADER, row(' Anytown  Council ', 1), row('Anytown Council', 2)], 2, 'Anytown Council'],
    ['empty cells do not count', [HEADER, row('', 1), row('Anytown Council', 2)], 2, 'Anytown Council'],
    ['blank rows are not data rows', [HEADER, row('Anytown Council', 1), ['', '', ''], row('Anytown Council', 2)], 2, 'Anytown Council'],
    ['title lines above the header are passed over', [['Spend over £500, January 2024'], HEADER, row('Anytown Council', 1)], 1, 'Anytown Council'],
    ['a county file of its districts names several', [HEADER, row('Anytown Council', 1), row('Otherton Council', 2)], 2, undefined],
    ['no body named in any row', [HEADER, row('', 1), row(' ', 2)], 2, undefined],
    ['no publisher column', [HEADER.slice(1), row('x', 1).slice(1)], 1, undefined],
    // The check counted more rows than this thread saw: a file checked in parts elsewhere.
    ['rows this thread did not see', [HEADER, row('Anytown Council', 1)], 5, undefined],
  ])('%s: %s', (_, rows, counted, publisher) => {
    expect(publisherOf(rows, counted)).toBe(publisher);
    expect(publisherOf(rows, counted, 100)).toBe(publisher);
  });

  it('reads a long file after the header search, batch by batch', () => {
    const rows = [HEADER, ...Array.from({ length: 100 }, (_, i) => row('Anytown Council', i + 1))];
    expect(publisherOf(rows, 100, 7)).toBe('Anytown Council');
    rows[80] = row('Otherton Council', 80);
    expect(publisherOf(rows, 100, 7)).toBeUndefined();
  });
});
