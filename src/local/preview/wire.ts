// What google.script.run lets cross between the sidebar and the script: JSON-like values only (APPS_SCRIPT.md).
// Values from the sandbox come from another realm, so types are told by Object.prototype.toString, never instanceof.

export type Wire = null | boolean | number | string | Wire[] | { [k: string]: Wire };

/** Thrown when a value cannot cross; `path` says where (result.forms[0].dueBefore). */
export class WireError extends Error {
  constructor(
    readonly path: string,
    readonly kind: string,
  ) {
    super(`${kind} at ${path}`);
    this.name = 'WireError';
  }
}

const tag = (v: unknown) => Object.prototype.toString.call(v).slice(8, -1);

/** A deep copy made of JSON-safe values; Dates, functions and other objects throw, undefined in arrays becomes null. */
export function toWire(v: unknown, path = 'result'): Wire {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'boolean':
    case 'string':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'function':
      throw new WireError(path, 'Function');
    case 'object':
      break;
    default:
      throw new WireError(path, typeof v);
  }
  const kind = tag(v);
  if (kind === 'Array') return (v as unknown[]).map((x, i) => toWire(x, `${path}[${i}]`));
  if (kind !== 'Object') throw new WireError(path, kind);
  const out: { [k: string]: Wire } = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (x !== undefined) out[k] = toWire(x, `${path}.${k}`);
  return out;
}

/** Only top-level functions whose name does not end in `_` may be called (private otherwise). */
export function isCallableName(name: unknown): name is string {
  return typeof name === 'string' && /^[A-Za-z$][\w$]*$/.test(name) && !name.endsWith('_');
}
