// A coarse outline of England (longitude, latitude), drawn a few kilometres out to sea round the coast
// and along the borders with Scotland and Wales to within about 10 km. It only decides whether a point
// that has been converted or swapped lands in England, and so is the point meant: a grid reference that
// lost a digit converts to a point in the Channel, which no repair may write. The planning data platform
// makes the same check against England's boundary.
const OUTLINE: Array<[number, number]> = [
  [-2.05, 55.85],
  [-1.5, 55.7],
  [-1.25, 55.0],
  [-0.9, 54.6],
  [-0.15, 54.2],
  [0.3, 53.6],
  [0.5, 53.15],
  [1.8, 53.0],
  [1.95, 52.5],
  [1.75, 51.9],
  [1.6, 51.4],
  [1.5, 51.0],
  [1.1, 50.85],
  [0.3, 50.65],
  [-1.3, 50.5],
  [-2.45, 50.45],
  [-3.6, 50.15],
  [-5.2, 49.9],
  [-6.5, 49.8],
  [-6.5, 50.1],
  [-5.3, 50.5],
  [-4.8, 51.1],
  [-4.8, 51.25],
  [-3.5, 51.3],
  [-2.9, 51.45],
  [-2.65, 51.62],
  [-2.7, 51.85],
  [-3.1, 52.05],
  [-3.0, 52.35],
  [-3.15, 52.55],
  [-3.0, 52.95],
  [-2.9, 53.15],
  [-3.25, 53.3],
  [-3.3, 53.5],
  [-3.3, 53.8],
  [-3.4, 54.1],
  [-3.8, 54.5],
  [-3.7, 54.8],
  [-3.3, 54.95],
  [-3.05, 55.0],
  [-2.5, 55.35],
  [-2.25, 55.65],
];

/** Whether a WGS84 point lies in England (as this coarse outline draws it). */
export function inEngland(longitude: number, latitude: number): boolean {
  let inside = false;
  for (let i = 0, j = OUTLINE.length - 1; i < OUTLINE.length; j = i++) {
    const [xi, yi] = OUTLINE[i]!;
    const [xj, yj] = OUTLINE[j]!;
    if (yi > latitude !== yj > latitude && longitude < ((xj - xi) * (latitude - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
