// The worker thread's side of worker-pool.ts: it says when it is ready (or why it cannot be), and answers
// the tasks it is sent one at a time, in the order they came, each with its result or its error. Any
// other message from the main thread (a setup, say) goes to the worker's own handler.
import { parentPort } from 'node:worker_threads';
import { isConformError } from '../errors.js';
import { joinGate, observeTemporaries } from '../io/cleanup.js';

/** An error as a message can carry it. */
export interface ErrorReply {
  message: string;
  stack?: string;
  /** A run error (ConformError): the main thread shows its message alone. */
  runError: boolean;
}

/** What a worker posts to its pool; any message without `pool` is the caller's own. */
export type PoolReply<Result> =
  | { pool: 'ready' }
  | { pool: 'temporary'; path: string; held: boolean; committedAs?: string }
  | { pool: 'failed'; error: ErrorReply }
  | { pool: 'result'; id: number; result: Result }
  | { pool: 'error'; id: number; error: ErrorReply };

/** A task's result, and the buffers handed over to the main thread rather than copied. */
export interface Answer {
  result: unknown;
  transfer?: ArrayBuffer[];
}

export interface ServeOptions {
  /** Messages from the main thread that are not tasks. */
  onOther?: (message: unknown) => void;
  /** A ConformError thrown by a task comes back as one; otherwise every error comes back with its stack. */
  runErrors?: boolean;
}

export function serveTasks<Task>(answer: (task: Task) => Answer | Promise<Answer>, options: ServeOptions = {}): void {
  const port = parentPort!;
  let queue = Promise.resolve();
  port.on('message', (message: { id: number; task: Task } | unknown) => {
    if (!isTask<Task>(message)) return options.onOther?.(message);
    queue = queue.then(async () => {
      try {
        const { result, transfer } = await answer(message.task);
        port.postMessage({ pool: 'result', id: message.id, result }, transfer ?? []);
      } catch (error) {
        port.postMessage({ pool: 'error', id: message.id, error: describe(error, options.runErrors ?? false) });
      }
    });
  });
}

/**
 * Create temporaries through the main thread's interrupt gate (`workerData.gate` of a pool that shares
 * temporaries) and tell it of each, so that it removes this thread's half-written files too when the
 * run is interrupted.
 */
export function shareTemporaries(gate: SharedArrayBuffer): void {
  joinGate(gate);
  observeTemporaries((path, held, committedAs) => parentPort!.postMessage({ pool: 'temporary', path, held, committedAs }));
}

/** The worker can take tasks. */
export function sayReady(): void {
  parentPort!.postMessage({ pool: 'ready' });
}

/** The worker cannot take tasks (its setup failed): the pool fails. */
export function sayFailed(error: unknown): void {
  parentPort!.postMessage({ pool: 'failed', error: describe(error, false) });
}

function isTask<Task>(message: unknown): message is { id: number; task: Task } {
  return typeof message === 'object' && message !== null && 'id' in message && 'task' in message;
}

function describe(error: unknown, runErrors: boolean): ErrorReply {
  return { message: (error as Error)?.message ?? String(error), stack: (error as Error)?.stack, runError: runErrors && isConformError(error) };
}
