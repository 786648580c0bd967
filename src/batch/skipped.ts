// Files a folder or pattern holds that conform does not read: each is named in the report with what it
// is, so nothing in a folder is passed over in silence. Which extensions are read is one set
// (DATA_EXTENSIONS in inputs.ts): a format conform learns to read moves from here to there.
import { extname } from 'node:path';

/** What a file of each extension is, for the reason it was not checked. */
const KINDS: Record<string, string> = {
  xlsm: 'an Excel workbook with macros; save each sheet as CSV UTF-8 to check it',
  xls: 'an Excel 97–2003 workbook; save each sheet as CSV UTF-8 to check it',
  tsv: 'a tab-separated file; name it to check it (the delimiter is detected)',
  txt: 'a text file; name it to check it if it holds CSV',
  pdf: 'a PDF document',
  doc: 'a Word document',
  docx: 'a Word document',
  odt: 'an OpenDocument text document',
  md: 'a text document (Markdown)',
  html: 'a web page',
  htm: 'a web page',
  xml: 'an XML file',
  yaml: 'a YAML file',
  yml: 'a YAML file',
  zip: 'a compressed archive; unpack it to check the files inside',
  gz: 'a compressed file; unpack it to check it',
  shp: 'a shapefile (map data)',
  kml: 'a KML file (map data)',
  gpkg: 'a GeoPackage (map data)',
  png: 'an image',
  jpg: 'an image',
  jpeg: 'an image',
  gif: 'an image',
  svg: 'an image',
};

/** Data descriptors beside the data: read only when named. */
const METADATA_KIND = 'a description of data files (a data package or CSV on the Web metadata), checked only when named';

export function skippedBecause(path: string, metadata: boolean): string {
  if (metadata) return METADATA_KIND;
  const extension = extname(path).slice(1).toLowerCase();
  if (!extension) return 'a file without an extension; name it to check it';
  return KINDS[extension] ?? `a .${extension} file`;
}
