// Dates in a JSON document written the UK way get the same hints as CSV cells: the ISO 8601 date, with day
// and month settled by the same property's other dates in the document.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { report, ROOT, scratch } from '../helpers.js';

/** The bundled 360Giving example with its two grants' award dates (and the first's dateModified) replaced. */
async function hints(awardDates: [string, string], dateModified = '2024-04-16T09:30:00Z') {
  const document = JSON.parse(readFileSync(join(ROOT, 'schemas/360giving/example.json'), 'utf8'));
  document.grants[0].awardDate = awardDates[0];
  document.grants[1].awardDate = awardDates[1];
  document.grants[0].dateModified = dateModified;
  const dir = scratch({ 'grants.json': JSON.stringify(document, null, 2) });
  const { report: r } = await report([join(dir, 'grants.json'), '--standard', '360giving']);
  return r.files[0].issues.map((i: any) => [i.pointer, i.hint]);
}

describe('hints for UK-style dates in a JSON document', () => {
  it('a date that can be read one way only', async () => {
    expect(await hints(['24/07/2014', '2024-06-03'])).toEqual([['/grants/0/awardDate', 'write the date as 2014-07-24']]);
  });

  it("the property's other dates settle day and month", async () => {
    expect(await hints(['05/06/2014', '24/07/2014'])).toEqual([
      ['/grants/0/awardDate', "write the date as 2014-06-05 (the awardDate field's other dates put the day first)"],
      ['/grants/1/awardDate', 'write the date as 2014-07-24'],
    ]);
    expect(await hints(['05/06/2014', '07/24/2014'])).toEqual([
      ['/grants/0/awardDate', "write the date as 2014-05-06 (the awardDate field's other dates put the month first)"],
      ['/grants/1/awardDate', 'write the date as 2014-07-24'],
    ]);
  });

  it('when nothing settles them, both readings are given', async () => {
    expect(await hints(['05/06/2014', '2024-06-03'])).toEqual([
      [
        '/grants/0/awardDate',
        '"05/06/2014" could be 5 June 2014 (2014-06-05) or 6 May 2014 (2014-05-06): the awardDate field\'s other dates do not show whether the day or the month comes first, so check which is meant',
      ],
    ]);
  });

  it('where only a date and time will do, midnight UTC is proposed and said', async () => {
    expect(await hints(['2024-04-15', '2024-06-03'], '17/08/2015 00:00')).toEqual([['/grants/0/dateModified', 'write the date and time as 2015-08-17T00:00:00Z (midnight, UTC)']]);
  });

  it('an ISO 8601 date where a date and time is needed', async () => {
    expect(await hints(['2024-04-15', '2024-06-03'], '2015-03-14')).toEqual([['/grants/0/dateModified', 'write the date and time as 2015-03-14T00:00:00Z (midnight, UTC)']]);
  });

  it('a date and time with a time other than midnight gets no guess', async () => {
    expect(await hints(['2024-04-15', '2024-06-03'], '17/08/2015 14:20')).toEqual([['/grants/0/dateModified', undefined]]);
  });
});
