// Files a folder holds that conform does not read: each named with what it is.
import { describe, expect, it } from 'vitest';
import { skippedBecause } from '../../src/batch/skipped.js';
import { makeIssue } from '../../src/issues/catalog.js';

describe('skippedBecause', () => {
  it.each([
    ['data/budget.xls', false, 'an Excel 97–2003 workbook; save each sheet as CSV UTF-8 to check it'],
    ['data/budget.XLSM', false, 'an Excel workbook with macros; save each sheet as CSV UTF-8 to check it'],
    ['notes.txt', false, 'a text file; name it to check it if it holds CSV'],
    ['export.tsv', false, 'a tab-separated file; name it to check it (the delimiter is detected)'],
    ['map.shp', false, 'a shapefile (map data)'],
    ['archive.tar.gz', false, 'a compressed file; unpack it to check it'],
    ['README', false, 'a file without an extension; name it to check it'],
    ['data.parquet', false, 'a .parquet file'],
    ['datapackage.json', true, 'a description of data files (a data package or CSV on the Web metadata), checked only when named'],
  ])('%s (a descriptor: %s): %s', (path, metadata, why) => {
    // What the file is, as facts, worded by the catalog in the issue the report carries.
    expect(makeIssue('file-skipped', { file: skippedBecause(path, metadata) }).message).toContain(why);
  });
});
