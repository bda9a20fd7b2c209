/**
 * The Document Service accepts a relation as a documentId, an id, an object with either, a list,
 * or a { connect, disconnect, set } operation. For a to-one relation this returns the target the
 * write leaves in place: a reference, null when it is cleared, or undefined when untouched.
 */
export type TargetRef = { documentId: string } | { id: number };

const refOf = (v: unknown): TargetRef | null => {
  if (typeof v === 'string' && v) return { documentId: v };
  if (typeof v === 'number') return { id: v };
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.documentId === 'string') return { documentId: o.documentId };
    if (typeof o.id === 'number') return { id: o.id };
    if (typeof o.id === 'string' && o.id) return { documentId: o.id };
  }
  return null;
};

const last = <T>(xs: T[]): T | undefined => xs[xs.length - 1];

export const toOneTarget = (value: unknown): TargetRef | null | undefined => {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : refOf(last(value));
  if (typeof value === 'object') {
    const op = value as Record<string, unknown>;
    if ('set' in op) return Array.isArray(op.set) ? (op.set.length ? refOf(last(op.set)) : null) : refOf(op.set);
    if ('connect' in op || 'disconnect' in op) {
      const connect = Array.isArray(op.connect) ? op.connect : op.connect ? [op.connect] : [];
      if (connect.length > 0) return refOf(last(connect));
      const disconnect = Array.isArray(op.disconnect) ? op.disconnect : op.disconnect ? [op.disconnect] : [];
      return disconnect.length > 0 ? null : undefined;
    }
  }
  return refOf(value);
};

/** For a to-many relation on create: the targets the write connects (or sets). */
export const connectedTargets = (value: unknown): TargetRef[] => {
  if (value === undefined || value === null) return [];
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
  if (Array.isArray(value)) return value.map(refOf).filter((r): r is TargetRef => r !== null);
  if (typeof value === 'object') {
    const op = value as Record<string, unknown>;
    if ('set' in op)
      return list(op.set)
        .map(refOf)
        .filter((r): r is TargetRef => r !== null);
    if ('connect' in op)
      return list(op.connect)
        .map(refOf)
        .filter((r): r is TargetRef => r !== null);
  }
  const single = refOf(value);
  return single ? [single] : [];
};

/**
 * What a write does to a to-many relation: nothing, replace the whole list, or connect and
 * disconnect some targets (the Content Manager sends the last, with empty lists when unchanged).
 */
export type ToManyChange = { kind: 'untouched' } | { kind: 'set'; targets: TargetRef[] } | { kind: 'patch'; connect: TargetRef[]; disconnect: TargetRef[] };

const refsOf = (v: unknown): TargetRef[] =>
  (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).map(refOf).filter((r): r is TargetRef => r !== null);

export const toManyChange = (value: unknown): ToManyChange => {
  if (value === undefined) return { kind: 'untouched' };
  if (value === null || Array.isArray(value)) return { kind: 'set', targets: refsOf(value) };
  if (typeof value === 'object') {
    const op = value as Record<string, unknown>;
    if ('set' in op) return { kind: 'set', targets: refsOf(op.set) };
    if ('connect' in op || 'disconnect' in op) {
      const connect = refsOf(op.connect);
      const disconnect = refsOf(op.disconnect);
      return connect.length + disconnect.length === 0 ? { kind: 'untouched' } : { kind: 'patch', connect, disconnect };
    }
  }
  return { kind: 'set', targets: refsOf(value) };
};
