// Timing assertions that hold on a busy 2-core machine: not a wall time, but how time grows with the
// input. Each size is run several times, the two sizes in turn, and the least time kept (noise only ever
// adds time). Work that is linear takes about 16× as long on 16× the input, and up to 4 times that here
// (long inputs fall out of the processor's caches, and RE2 changes engine past some lengths); work that
// is quadratic takes 256×.

/** The least time, in nanoseconds, of `reps` runs of `run`. */
export function leastTime(run: () => void, reps: number): number {
  let best = Infinity;
  for (let k = 0; k < reps; k++) best = Math.min(best, timed(run));
  return best;
}

function timed(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start);
}

/** How many times larger the large input is. */
export const FACTOR = 16;

/** A bound on time(16n) / time(n) that linear work keeps with room for noise, and quadratic work breaks. */
export const LINEAR_GROWTH = 100;

/** Work on 16n that takes less than this is quick whatever its growth, and too short to time reliably. */
const QUICK_NS = 2e6;

/**
 * time(16n) / time(n) for the work `make(n)` sets up (setting up is not timed); 0 when the work on 16n is
 * too quick to matter. `n` should be large enough that time(n) is a millisecond or so, so that fixed
 * costs do not hide the growth.
 */
export function growth(make: (n: number) => () => void, n: number, reps = 5): number {
  const small = make(n);
  const large = make(FACTOR * n);
  small(); // warm up: compile, fill caches
  let smallTime = Infinity;
  let largeTime = Infinity;
  for (let k = 0; k < reps; k++) {
    smallTime = Math.min(smallTime, timed(small));
    largeTime = Math.min(largeTime, timed(large));
  }
  return largeTime < QUICK_NS ? 0 : largeTime / smallTime;
}

export const FULL = process.env.CONFORM_FULL_TESTS === '1';
