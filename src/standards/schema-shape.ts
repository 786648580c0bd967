// Two shapes of schema that would otherwise end a run with "Maximum call stack size exceeded": nesting
// deeper than any real standard needs, and `$ref`s that lead back to themselves without ever stepping
// into a value. Both are found by walking the schema without recursion, so the check itself cannot
// overflow, and reported with where they are.
import { ConformError } from '../errors.js';

/** Deeper than any published standard (OCDS, the deepest bundled, nests about 20 levels). */
export const MAX_SCHEMA_DEPTH = 256;

/** Throws when `schema` nests objects or arrays more than MAX_SCHEMA_DEPTH levels deep. */
export function checkSchemaDepth(schema: unknown, shownAs: string): void {
  const stack: Array<{ node: unknown; depth: number; pointer: string }> = [{ node: schema, depth: 0, pointer: '' }];
  while (stack.length) {
    const { node, depth, pointer } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > MAX_SCHEMA_DEPTH) {
      throw new ConformError(
        `${shownAs}: the schema nests more than ${MAX_SCHEMA_DEPTH} levels deep (at ${clip(pointer)}); no standard needs that many, so it is refused. Flatten it, or move repeated parts into "$defs" and refer to them with "$ref"`,
      );
    }
    for (const [key, child] of Object.entries(node)) {
      if (child !== null && typeof child === 'object') stack.push({ node: child, depth: depth + 1, pointer: `${pointer}/${escapePointer(key)}` });
    }
  }
}

/** Keywords whose subschemas apply to the same value as the schema holding them. */
const IN_PLACE_ONE = ['not', 'if', 'then', 'else'];
const IN_PLACE_MANY = ['allOf', 'anyOf', 'oneOf'];

/**
 * A local `$ref` that leads back to itself through `$ref`s and keywords applying to the same value
 * (allOf, anyOf, oneOf, not, if/then/else): a schema that could never be decided. Returns a description
 * of the loop ("#/$defs/a → #/$defs/b → #/$defs/a"), or undefined when there is none.
 */
export function findRefLoop(schema: unknown): string | undefined {
  if (schema === null || typeof schema !== 'object') return undefined;
  const resolve = (ref: string): unknown => {
    if (!ref.startsWith('#')) return undefined;
    let node: unknown = schema;
    const path = ref.slice(1);
    if (path === '') return schema;
    if (!path.startsWith('/')) return undefined; // an anchor: not followed
    for (const raw of path.slice(1).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[key];
    }
    return node;
  };
  /** The schemas applied to the same value as `node`, with how each is reached. */
  const nextOf = (node: unknown): Array<{ node: unknown; via?: string }> => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return [];
    const record = node as Record<string, unknown>;
    const next: Array<{ node: unknown; via?: string }> = [];
    if (typeof record.$ref === 'string') next.push({ node: resolve(record.$ref), via: record.$ref });
    for (const key of IN_PLACE_ONE) if (record[key] !== undefined) next.push({ node: record[key] });
    for (const key of IN_PLACE_MANY) if (Array.isArray(record[key])) for (const item of record[key] as unknown[]) next.push({ node: item });
    return next;
  };
  // Depth-first search for a cycle, without recursion: 0 unseen, 1 on the current path, 2 done.
  const state = new Map<unknown, number>();
  const starts: unknown[] = [];
  const collect: unknown[] = [schema];
  while (collect.length) {
    const node = collect.pop();
    if (node === null || typeof node !== 'object') continue;
    starts.push(node);
    for (const child of Object.values(node)) collect.push(child);
  }
  for (const start of starts) {
    if (state.get(start)) continue;
    const path: Array<{ node: unknown; next: Array<{ node: unknown; via?: string }>; i: number; via?: string }> = [{ node: start, next: nextOf(start), i: 0 }];
    state.set(start, 1);
    while (path.length) {
      const top = path[path.length - 1]!;
      if (top.i >= top.next.length) {
        state.set(top.node, 2);
        path.pop();
        continue;
      }
      const step = top.next[top.i++]!;
      if (step.node === null || typeof step.node !== 'object') continue;
      const seen = state.get(step.node);
      if (seen === 1) {
        const from = path.findIndex((p) => p.node === step.node);
        const refs = [...path.slice(from + 1).map((p) => p.via), step.via].filter((v): v is string => v !== undefined);
        return refs.length ? [...refs, refs[0]].join(' → ') : undefined;
      }
      if (seen === 2) continue;
      state.set(step.node, 1);
      path.push({ node: step.node, next: nextOf(step.node), i: 0, via: step.via });
    }
  }
  return undefined;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function clip(pointer: string): string {
  return pointer.length > 80 ? `${pointer.slice(0, 77)}…` : pointer;
}
