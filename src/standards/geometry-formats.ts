// Geometry checked for validity, not only shape: OGC well-known text (WKT) POINT, POLYGON and
// MULTIPOLYGON, and GeoJSON geometry objects. Each value is read once, left to right, so the time taken
// is linear in its length however it is malformed. Coordinates must be numbers, every ring closed (its
// last point the same as its first) with at least four points, and each point plausible for a UK
// dataset: WGS84 longitude and latitude in or near the United Kingdom, or British National Grid eastings
// and northings, which publishers may send for the platform to transform.
import type { FormatDefinition } from 'ajv';
import type { Ajv } from './ajv.js';

/** WGS84 around the UK, Northern Ireland and the Channel Islands, with a margin for offshore features. */
const WGS84 = { west: -11, east: 4, south: 49, north: 62 };
/** British National Grid, in metres. */
const BNG = { east: 700_000, north: 1_300_000 };

export function plausibleUkPoint(x: number, y: number): boolean {
  if (x >= WGS84.west && x <= WGS84.east && y >= WGS84.south && y <= WGS84.north) return true;
  // Grid references are metres from the origin: a pair of small numbers is a mistake, not the Scillies.
  return x >= 0 && x <= BNG.east && y >= 0 && y <= BNG.north && (x > 1000 || y > 1000);
}

type Point = [number, number];

/** Reads WKT text; every method returns undefined at the first thing that does not fit. */
class WktReader {
  private at = 0;
  constructor(private readonly text: string) {}

  private space(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++;
  }

  word(): string {
    this.space();
    const start = this.at;
    while (this.at < this.text.length && /[A-Za-z]/.test(this.text[this.at]!)) this.at++;
    return this.text.slice(start, this.at).toUpperCase();
  }

  take(char: string): boolean {
    this.space();
    if (this.text[this.at] !== char) return false;
    this.at++;
    return true;
  }

  ended(): boolean {
    this.space();
    return this.at === this.text.length;
  }

  number(): number | undefined {
    this.space();
    const match = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/.exec(this.text.slice(this.at, this.at + 40));
    if (!match) return undefined;
    this.at += match[0].length;
    return Number(match[0]);
  }

  /** A point: two numbers (a third, the height, is allowed and not checked). */
  point(): Point | undefined {
    const x = this.number();
    const y = this.number();
    if (x === undefined || y === undefined) return undefined;
    this.space();
    if (/[-+.\d]/.test(this.text[this.at] ?? '')) this.number();
    return [x, y];
  }

  /** `(x y, x y, …)`: a ring, closed, of four points or more. */
  ring(): boolean {
    if (!this.take('(')) return false;
    const points: Point[] = [];
    do {
      const p = this.point();
      if (!p || !plausibleUkPoint(p[0], p[1])) return false;
      points.push(p);
    } while (this.take(','));
    if (!this.take(')') || points.length < 4) return false;
    const [first, last] = [points[0]!, points[points.length - 1]!];
    return first[0] === last[0] && first[1] === last[1];
  }

  /** `((ring), (ring)…)`: the outer boundary and any holes. */
  polygon(): boolean {
    if (!this.take('(')) return false;
    do if (!this.ring()) return false;
    while (this.take(','));
    return this.take(')');
  }

  multipolygon(): boolean {
    if (!this.take('(')) return false;
    do if (!this.polygon()) return false;
    while (this.take(','));
    return this.take(')');
  }
}

export function isWktPoint(value: string): boolean {
  const r = new WktReader(value);
  if (r.word() !== 'POINT' || !r.take('(')) return false;
  const p = r.point();
  return p !== undefined && plausibleUkPoint(p[0], p[1]) && r.take(')') && r.ended();
}

export function isWktPolygon(value: string): boolean {
  const r = new WktReader(value);
  return r.word() === 'POLYGON' && r.polygon() && r.ended();
}

/** A POLYGON or a MULTIPOLYGON, as the digital-land multipolygon datatype accepts either. */
export function isWktMultipolygon(value: string): boolean {
  const r = new WktReader(value);
  const kind = r.word();
  if (kind === 'POLYGON') return r.polygon() && r.ended();
  return kind === 'MULTIPOLYGON' && r.multipolygon() && r.ended();
}

// ——— GeoJSON ———

const isPosition = (p: unknown): boolean =>
  Array.isArray(p) && (p.length === 2 || p.length === 3) && p.every((n) => typeof n === 'number' && Number.isFinite(n)) && plausibleUkPoint(p[0], p[1]);

const isRing = (ring: unknown): boolean => {
  if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isPosition)) return false;
  const [first, last] = [ring[0] as number[], ring[ring.length - 1] as number[]];
  return first[0] === last[0] && first[1] === last[1];
};

const isLine = (line: unknown): boolean => Array.isArray(line) && line.length >= 2 && line.every(isPosition);
const isPolygon = (rings: unknown): boolean => Array.isArray(rings) && rings.length >= 1 && rings.every(isRing);
const every = (list: unknown, check: (item: unknown) => boolean): boolean => Array.isArray(list) && list.every(check);

export function isGeoJsonGeometry(value: unknown, depth = 0): boolean {
  let geometry = value;
  if (typeof value === 'string') {
    if (value.length > 50_000_000) return false;
    try {
      geometry = JSON.parse(value);
    } catch {
      return false;
    }
  }
  if (!geometry || typeof geometry !== 'object' || Array.isArray(geometry)) return false;
  const { type, coordinates, geometries } = geometry as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  switch (type) {
    case 'Point':
      return isPosition(coordinates);
    case 'MultiPoint':
      return every(coordinates, isPosition);
    case 'LineString':
      return isLine(coordinates);
    case 'MultiLineString':
      return every(coordinates, isLine);
    case 'Polygon':
      return isPolygon(coordinates);
    case 'MultiPolygon':
      return every(coordinates, isPolygon);
    case 'GeometryCollection':
      return depth < 8 && every(geometries, (g) => isGeoJsonGeometry(g, depth + 1));
    default:
      return false;
  }
}

/** Names and checks, as ajv formats. */
export const GEOMETRY_FORMATS: Record<string, (value: string) => boolean> = {
  'wkt-point': isWktPoint,
  'wkt-polygon': isWktPolygon,
  'wkt-multipolygon': isWktMultipolygon,
  'geojson-geometry': (value) => isGeoJsonGeometry(value),
};

export function useGeometryFormats(ajv: Ajv): void {
  for (const [name, validate] of Object.entries(GEOMETRY_FORMATS)) ajv.addFormat(name, { type: 'string', validate } satisfies FormatDefinition<string>);
}
