// Checking the flat spreadsheet form of a document standard (360Giving, OCDS): its sheets are read back
// into the JSON document (src/run/unflatten.ts) and that document is checked as a JSON file would be;
// each issue is then placed at the sheet and cell its value came from, with the record's id.
import { makeIssue } from '../issues/catalog.js';
import { placeOf, cellOf, unflatten } from './unflatten.js';
import type { Workbook } from '../sources/workbook.js';
import type { Standard } from '../standards/standard.js';
import type { Issue } from '../types.js';
import { IssueCollector } from '../report/collector.js';
import { checkDocument } from '../check/records.js';

export async function checkFlatWorkbook(book: Workbook, standard: Standard, sink: IssueCollector): Promise<{ rows: number; sheet?: string }> {
  const flat = await unflatten(book, standard);
  for (const skipped of flat.skipped) sink.add(makeIssue('workbook-sheet', skipped, { sheet: skipped.sheet }));
  if (!flat.main) {
    sink.add(makeIssue('format-invalid', { kind: 'no-matching-sheet', standard: standard.id, exampleTitles: exampleTitles(standard) }));
    return { rows: 0 };
  }
  // The document is checked in a collector of its own, so that its issues can be placed before they are counted.
  const found = new IssueCollector(0);
  const rows = checkDocument(JSON.stringify(flat.document), standard, found);
  for (const issue of found.sorted()) {
    const at = issue.pointer !== undefined ? placeOf(flat, standard.recordsPath, issue.pointer) : undefined;
    const placed: Issue = { ...issue };
    delete placed.line;
    if (at) {
      placed.sheet = at.place.sheet;
      placed.cell = cellOf(at.place, at.cell);
      placed.line = at.place.line;
      if (at.cell) {
        placed.column = issue.field ?? at.place.title;
        placed.columnIndex = at.place.column + 1;
      }
    }
    sink.add(placed);
  }
  return { rows, sheet: flat.main };
}

function exampleTitles(standard: Standard): string[] {
  return standard.id === '360giving' ? ['Identifier', 'Title', 'Amount Awarded', 'Recipient Org:Identifier'] : ['ocid', 'id', 'tender/id'];
}
