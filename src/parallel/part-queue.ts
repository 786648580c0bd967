// Parts of one file in flight, in file order: each goes to a worker thread while a worker that is ready
// has room, else it is checked on this thread at once (so this thread works while the workers start).
// Results come out in the order the parts were submitted.
import type { PartPool } from './part-pool.js';

/** Parts each worker has waiting: enough that it never idles while this thread checks a part. */
const AHEAD = 2;

export class PartQueue<Task, Result> {
  private readonly queue: Array<{ task: Task; result: Promise<Result>; done: boolean }> = [];

  constructor(
    private readonly pool: PartPool<Task, Result>,
    /** Check a part on this thread. */
    private readonly checkHere: (task: Task) => Result,
    /** The buffers a task hands over to a worker rather than copies. */
    private readonly transfer: (task: Task) => ArrayBuffer[],
  ) {}

  submit(task: Task): void {
    if (this.pool.failed) throw this.pool.failed;
    if (this.pool.hasRoom(AHEAD)) {
      const entry = { task, result: this.pool.run(task, this.transfer(task)), done: false };
      const settle = () => (entry.done = true);
      entry.result.then(settle, settle);
      this.queue.push(entry);
    } else {
      this.queue.push({ task, result: Promise.resolve(this.checkHere(task)), done: true });
    }
  }

  /**
   * The first part and its result, once it is ready; waited for only at the end (`final`), or when too
   * many parts are waiting behind it. Undefined when there is nothing to take yet.
   */
  async next(final: boolean): Promise<{ task: Task; result: Result } | undefined> {
    const first = this.queue[0];
    if (!first || !(final || first.done || this.queue.length > this.pool.size * AHEAD + 2)) return undefined;
    this.queue.shift();
    return { task: first.task, result: await first.result };
  }
}
