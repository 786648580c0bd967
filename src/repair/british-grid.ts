// Ordnance Survey National Grid eastings and northings (OSGB36, EPSG:27700) to WGS84 longitude and
// latitude, for standards that ask for degrees and files that give metres. proj4 does the transverse
// Mercator inverse on the Airy 1830 ellipsoid, then the datum shift by the 7-parameter Helmert
// transformation Ordnance Survey publishes. Checked against OS's own OSTN15 test points, it is within
// about 5 metres anywhere in Great Britain (typically 2 m); only OSTN15 itself does better.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// proj4 is published as a CommonJS bundle; loading it through require keeps its default export intact.
// It is loaded on the first conversion, not at start-up: most runs convert no grid reference.
type Proj4 = (from: string, to: string, point: [number, number]) => [number, number];
let projection: Proj4 | undefined;
const proj4: Proj4 = (from, to, point) => (projection ??= require('proj4') as Proj4)(from, to, point);

const BRITISH_NATIONAL_GRID =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' + '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

/** How good the conversion is, in words for a hint. */
export const GRID_ACCURACY = "with Ordnance Survey's 7-parameter Helmert transformation from OSGB36, accurate to about 5 metres";

/**
 * Whether a pair of numbers can be an easting and northing on the National Grid: the grid's false origin
 * lies south-west of the Isles of Scilly, so Great Britain's land is from 0 to 700 km east and 0 to
 * 1,250 km north of it. Degrees never reach these values, except near the origin, which is sea.
 */
export function isGridPair(easting: number, northing: number): boolean {
  return easting >= 1_000 && easting <= 700_000 && northing >= 1_000 && northing <= 1_250_000;
}

/** Longitude and latitude (WGS84, in degrees) of a National Grid easting and northing (metres). */
export function gridToWgs84(easting: number, northing: number): { longitude: number; latitude: number } {
  const [longitude, latitude] = proj4(BRITISH_NATIONAL_GRID, 'WGS84', [easting, northing]);
  return { longitude, latitude };
}

/** Degrees to six decimal places (about 0.1 m), as the planning data guidance asks, without trailing zeros. */
export function degreesText(value: number): string {
  return String(Number(value.toFixed(6)));
}
