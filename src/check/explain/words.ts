// The plain words the explanation of ajv's keywords uses for types, formats, lists and comparisons, so
// every keyword's entry (and the commands that describe a standard) say the same thing the same way.

export const COMPARISON: Record<string, string> = { '<=': 'at most', '<': 'less than', '>=': 'at least', '>': 'more than' };
export const DATE_COMPARISON: Record<string, string> = { '<=': 'on or before', '<': 'before', '>=': 'on or after', '>': 'after' };

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'empty',
};

export function typePhrase(types: string[]): string {
  return types.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
}

const FORMAT_WORDS: Record<string, string> = {
  date: 'a date written as YYYY-MM-DD',
  'date-time': 'a date and time such as 2024-03-31T09:30:00Z',
  time: 'a time such as 09:30:00Z',
  'iso-time': 'a time such as 09:30:00',
  email: 'an email address',
  'idn-email': 'an email address',
  uri: 'a full web address (URI), such as https://example.org/page',
  url: 'a full web address, such as https://example.org/page',
  'uri-reference': 'a web address or a path',
  iri: 'a full web address',
  uuid: 'a UUID such as 123e4567-e89b-12d3-a456-426614174000',
  duration: 'a duration such as P1D or PT2H',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  hostname: 'a host name',
  regex: 'a regular expression',
  'wkt-point': 'a POINT in well-known text, such as POINT (-1.2345 52.3456): two numbers, longitude then latitude, in the UK',
  'wkt-polygon': 'a POLYGON in well-known text with closed rings (the last point the same as the first) of UK coordinates',
  'wkt-multipolygon': 'a POLYGON or MULTIPOLYGON in well-known text with closed rings (the last point the same as the first) of UK coordinates, longitude then latitude',
  'geojson-geometry': 'a GeoJSON geometry (Point, Polygon, MultiPolygon…) with closed rings of UK coordinates',
};

export function formatPhrase(format: string): string {
  return FORMAT_WORDS[format] ?? `in the "${format}" format`;
}

export function enumPhrase(values: unknown[]): string {
  const shown = values.slice(0, 12).map((v) => JSON.stringify(v));
  if (values.length === 1) return shown[0]!;
  if (values.length > 12) return `one of the ${values.length} allowed values (${shown.join(', ')}, …)`;
  return `one of ${shown.join(', ')}`;
}

/** The property name at the end of a JSON Pointer. */
export function fieldOf(pointer: string): string {
  const last = pointer.split('/').pop() ?? '';
  return last.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A property name as one step of a JSON Pointer. */
export const escape = (name: string) => String(name).replace(/~/g, '~0').replace(/\//g, '~1');

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Characters as JSON Schema counts them (code points), without making an array of a long value's characters. */
export function codePoints(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
}
