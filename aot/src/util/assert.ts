// Internal invariants. A failure here is a compiler bug, never a user error: user
// input problems go through diagnostics.ts.

export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}

export function assert(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new InternalError(typeof message === 'string' ? message : message());
}

export function unreachable(what: never | string): never {
  throw new InternalError(`unreachable: ${String(what)}`);
}
