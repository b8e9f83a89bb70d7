// Type initializers (static constructors) with the CLR's timing, as Mono observably runs
// them:
//   - a type with an explicit static constructor (not beforefieldinit) is initialised
//     exactly at its first access: a static field access, a static method call or an
//     instance creation from outside the type (a guard at each such site);
//   - a beforefieldinit type (field initialisers only) is initialised when a method that
//     uses its static fields first runs, and when one of its own methods first runs
//     (Mono does it when it compiles the method): guards at the method's entry, in order
//     of first use.
// A guard tests the type's flag byte; the first time, it sets the flag and calls the
// .cctor — so an access during initialisation (circular initialisers) sees the fields
// as they are, as in the CLR.

import type { FieldReference } from 'cecil-ts';
import type { Builder } from './builder.ts';
import type { NamedType } from '../../engine/types.ts';

/** Emits `if (!flag) { flag = 1; cctor(); }` for a type that has an initializer. */
export function emitInitGuard(b: Builder, t: NamedType): void {
  const init = b.ctx.typeInitializer(t);
  if (init === undefined) return;
  const region = b.cur.region;
  const run = b.fn.newBlock();
  const cont = b.fn.newBlock();
  run.region = region;
  cont.region = region;
  const flag = b.emit('symaddr', 'i32', [], { sym: init.flag });
  const done = b.emit('load', 'i32', [flag], { mem: 'u8', volatile: true });
  b.terminate('br', [done], [cont, run]);
  b.cur = run;
  b.emit('store', undefined, [b.emit('symaddr', 'i32', [], { sym: init.flag }), b.const32(1)], { mem: 'u8', volatile: true });
  b.emit('call', undefined, [], { sym: init.cctor });
  b.terminate('jmp', [], [cont]);
  b.cur = cont;
}

/** Before an access to `t` from the current method: a guard if `t` needs precise initialisation. */
export function initBeforeAccess(b: Builder, t: NamedType): void {
  if (t === b.mi.owner) return;
  const init = b.ctx.typeInitializer(t);
  if (init !== undefined && init.precise) emitInitGuard(b, t);
}

/** At method entry: the beforefieldinit types the method uses (its own type first). */
export function initAtEntry(b: Builder): void {
  const seen = new Set<NamedType>();
  const consider = (t: NamedType) => {
    if (seen.has(t)) return;
    seen.add(t);
    const init = b.ctx.typeInitializer(t);
    if (init !== undefined && !init.precise && !(t === b.mi.owner && b.mi.def.name === '.cctor')) emitInitGuard(b, t);
  };
  consider(b.mi.owner);
  for (const ins of b.body.instructions) {
    const name = ins.opCode.name;
    if (name !== 'ldsfld' && name !== 'stsfld' && name !== 'ldsflda') continue;
    const owner = b.ctx.resolveField(ins.operand as FieldReference, b.mi.ctx).owner;
    consider(owner);
  }
}
