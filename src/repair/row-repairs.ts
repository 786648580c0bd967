// Repairs that need more than one cell of a row, as the planning data platform makes them when it reads
// a register: a required field it fills from another (brownfield NetDwellingsRangeFrom from
// MinNetDwellings), and a point given as Ordnance Survey eastings and northings, or with its longitude and
// latitude the wrong way round, where a standard asks for longitude and latitude. Each is offered, as a
// warning with its hint, by `validate`, and written by `conform fix`, like a cell's own repair.
import type { AnySchemaObject } from 'ajv';
import type { Standard } from '../standards/standard.js';
import { degreesText, gridToWgs84, GRID_ACCURACY, isGridPair } from './british-grid.js';
import { inEngland } from './england-outline.js';

export interface RowRepair {
  value: string;
  hint: string;
  /** The name `conform fix` logs the change under. */
  repair: string;
}

export interface RowRepairPlan {
  /** Fields the platform fills, each from the first of its sources that has a value. */
  fills: Array<{ field: string; from: string[] }>;
  /** The fields that hold a point's WGS84 longitude and latitude. */
  point?: { longitude: string; latitude: string };
  /** Every field a row's repairs read. */
  reads: string[];
}

/** The standard's row repairs (x-fillFrom on a field, x-point on the root), or undefined when it has none. */
export function rowRepairPlan(standard: Standard): RowRepairPlan | undefined {
  const fills: RowRepairPlan['fills'] = [];
  for (const field of standard.fields) {
    const from = (field.schema as AnySchemaObject)['x-fillFrom'];
    if (Array.isArray(from) && from.every((f) => typeof f === 'string') && from.length) fills.push({ field: field.name, from });
  }
  const declared = standard.schema['x-point'] as { longitude?: unknown; latitude?: unknown } | undefined;
  const point =
    declared && typeof declared.longitude === 'string' && typeof declared.latitude === 'string' ? { longitude: declared.longitude, latitude: declared.latitude } : undefined;
  if (!fills.length && !point) return undefined;
  const reads = new Set<string>();
  for (const fill of fills) [fill.field, ...fill.from].forEach((f) => reads.add(f));
  if (point) [point.longitude, point.latitude].forEach((f) => reads.add(f));
  return { fills, point, reads: [...reads] };
}

/**
 * The repairs for one row, by field name, given each field's cell text (undefined where the file has no
 * such column). A repair is only a proposal: the caller offers it where the cell fails and the value passes.
 */
export function repairsForRow(plan: RowRepairPlan, text: (field: string) => string | undefined): Map<string, RowRepair> {
  const repairs = new Map<string, RowRepair>();
  for (const fill of plan.fills) {
    if ((text(fill.field) ?? '').trim() !== '') continue;
    const source = fill.from.find((f) => (text(f) ?? '').trim() !== '');
    if (source === undefined) continue;
    const value = text(source)!.trim();
    repairs.set(fill.field, {
      value,
      hint: `the planning data platform fills an empty ${fill.field} from ${source}, which is ${value}: write ${value} here`,
      repair: 'fill-from',
    });
  }
  if (plan.point) {
    const { longitude, latitude } = plan.point;
    const x = numberIn(text(longitude));
    const y = numberIn(text(latitude));
    const found = x !== undefined && y !== undefined ? readPoint(x, y) : undefined;
    if (found) {
      const lon = degreesText(found.longitude);
      const lat = degreesText(found.latitude);
      const why = {
        grid: `${longitude} ${x} and ${latitude} ${y} are an Ordnance Survey easting and northing in metres, which the planning data platform converts; as WGS84 longitude and latitude they are ${lon}, ${lat}, converted ${GRID_ACCURACY}`,
        'grid-swapped': `${longitude} ${x} and ${latitude} ${y} are an Ordnance Survey northing and easting in metres, the wrong way round, which the planning data platform swaps and converts; as WGS84 longitude and latitude they are ${lon}, ${lat}, converted ${GRID_ACCURACY}`,
        swapped: `${longitude} ${x} and ${latitude} ${y} are a latitude and a longitude the wrong way round, which the planning data platform swaps`,
      }[found.how];
      const name = found.how === 'swapped' ? 'swap-longitude-latitude' : 'grid-to-degrees';
      repairs.set(longitude, { value: lon, hint: `${why}: write ${lon} here`, repair: name });
      repairs.set(latitude, { value: lat, hint: `${why}: write ${lat} here`, repair: name });
    }
  }
  return repairs;
}

/** A plain number in a cell (commas as thousands separators allowed), or undefined. */
function numberIn(text: string | undefined): number | undefined {
  const trimmed = (text ?? '').trim().replace(/,/g, '');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * How the platform reads a point that is not longitude then latitude inside England: latitude and
 * longitude swapped, a grid easting and northing, or a northing and easting. Undefined when it is none of
 * these (or already right): then the cells' own rules speak.
 */
function readPoint(x: number, y: number): { longitude: number; latitude: number; how: 'grid' | 'grid-swapped' | 'swapped' } | undefined {
  if (inEngland(x, y)) return undefined;
  if (inEngland(y, x)) return { longitude: y, latitude: x, how: 'swapped' };
  if (isGridPair(x, y)) {
    const converted = gridToWgs84(x, y);
    if (inEngland(converted.longitude, converted.latitude)) return { ...converted, how: 'grid' };
  }
  if (isGridPair(y, x)) {
    const converted = gridToWgs84(y, x);
    if (inEngland(converted.longitude, converted.latitude)) return { ...converted, how: 'grid-swapped' };
  }
  return undefined;
}
