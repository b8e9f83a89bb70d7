// Instruction selection for machine intrinsics (engine/intrinsics.ts lists them): port
// I/O through dx and al/ax/eax, control registers, descriptor tables, rdtsc, cpuid and
// the single-instruction ones (hlt, cli, sti, pause, int3).

import type { Inst } from '../ir/ir.ts';
import type { Isel } from './isel.ts';
import { CALLER_SAVED } from '../regalloc/mir.ts';

type Selector = (s: Isel, inst: Inst) => void;

const portIn = (size: 1 | 2 | 4): Selector => (s, inst) => {
  s.emit('mov', [s.preg('edx', 'def'), s.rm32(inst.args[0]!)]);
  s.emit('in', [s.preg('eax', 'def', size), s.preg('edx', 'use', 2)]);
  const d = s.vreg(inst);
  if (size === 4) s.emit('mov', [s.def(d), s.preg('eax', 'use')]);
  else s.emit('movzx', [s.def(d), s.preg('eax', 'use', size)]);
};

const portOut = (size: 1 | 2 | 4): Selector => (s, inst) => {
  s.emit('mov', [s.preg('edx', 'def'), s.rm32(inst.args[0]!)]);
  s.emit('mov', [s.preg('eax', 'def'), s.rm32(inst.args[1]!)]);
  s.emit('out', [s.preg('edx', 'use', 2), s.preg('eax', 'use', size)]);
};

const plain = (op: string): Selector => s => s.emit(op, []);

const readCr = (cr: 'cr0' | 'cr2' | 'cr3' | 'cr4'): Selector => (s, inst) => {
  const t = s.newVreg('gpr');
  s.emit('mov', [s.def(t), { k: 'special', reg: cr }]);
  s.emit('mov', [s.def(s.vreg(inst)), s.use(t)], { isMove: true });
};

const writeCr = (cr: 'cr0' | 'cr3' | 'cr4'): Selector => (s, inst) => {
  s.emit('mov', [{ k: 'special', reg: cr }, s.use(s.reg32(inst.args[0]!))]);
};

const table = (op: string): Selector => (s, inst) => s.emit(op, [s.address(inst.args[0]!, 0, 6)]);

export const INTRINSIC_SELECTORS: Readonly<Record<string, Selector>> = {
  // Compiler-private, used by the long-arithmetic helpers (runtime/helpers/*.ir).
  udiv6432: (s, inst) => {
    const [lo, hi, d] = inst.args as [Inst, Inst, Inst];
    s.emit('mov', [s.preg('eax', 'def'), s.rm32(lo)]);
    s.emit('mov', [s.preg('edx', 'def'), s.rm32(hi)]);
    s.emit('div', [s.use(s.reg32(d), true)], { implicitUses: ['eax', 'edx'], implicitDefs: ['eax', 'edx'] });
    const [q, r] = s.pair(inst);
    s.emit('mov', [s.def(q), s.preg('eax', 'use')]);
    s.emit('mov', [s.def(r), s.preg('edx', 'use')]);
  },
  // The exception unwinder's (korlib Sharpaot.Runtime.Frames): see lower-mir.ts for the expansion.
  callfunclet: (s, inst) => {
    const [frame, code, exc] = inst.args as [Inst, Inst, Inst];
    const f = s.reg32(frame);
    const c = s.reg32(code);
    s.emit('mov', [s.preg('eax', 'def'), s.rm32(exc)]);
    s.emit('callfunclet', [s.use(f), s.use(c)], { implicitUses: ['eax'], implicitDefs: ['eax'], clobbers: CALLER_SAVED });
    s.emit('mov', [s.def(s.vreg(inst)), s.preg('eax', 'use')]);
  },
  resumeat: (s, inst) => {
    const [frame, code, exc] = inst.args as [Inst, Inst, Inst];
    const f = s.reg32(frame);
    const c = s.reg32(code);
    s.emit('mov', [s.preg('eax', 'def'), s.rm32(exc)]);
    s.emit('resumeat', [s.use(f), s.use(c)], { implicitUses: ['eax'] });
  },
  sqrt64: (s, inst) => s.emit('sqrtsd', [s.def(s.vreg(inst)), s.xmmRm(inst.args[0]!)]),
  sqrt32: (s, inst) => s.emit('sqrtss', [s.def(s.vreg(inst)), s.xmmRm(inst.args[0]!)]),
  bsr32: (s, inst) => s.emit('bsr', [s.def(s.vreg(inst)), s.use(s.reg32(inst.args[0]!), true)]),
  in8: portIn(1),
  in16: portIn(2),
  in32: portIn(4),
  out8: portOut(1),
  out16: portOut(2),
  out32: portOut(4),
  hlt: plain('hlt'),
  cli: plain('cli'),
  sti: plain('sti'),
  pause: plain('pause'),
  int3: plain('int3'),
  rdtsc: (s, inst) => {
    s.emit('rdtsc', [], { implicitDefs: ['eax', 'edx'] });
    const [lo, hi] = s.pair(inst);
    s.emit('mov', [s.def(lo), s.preg('eax', 'use')]);
    s.emit('mov', [s.def(hi), s.preg('edx', 'use')]);
  },
  lgdt: table('lgdt'),
  lidt: table('lidt'),
  ltr: (s, inst) => s.emit('ltr', [s.use(s.reg32(inst.args[0]!), true, 2)]),
  invlpg: (s, inst) => s.emit('invlpg', [s.address(inst.args[0]!, 0, 1)]),
  readcr0: readCr('cr0'),
  readcr2: readCr('cr2'),
  readcr3: readCr('cr3'),
  readcr4: readCr('cr4'),
  writecr0: writeCr('cr0'),
  writecr3: writeCr('cr3'),
  writecr4: writeCr('cr4'),
  readeflags: (s, inst) => {
    s.emit('pushfd', []);
    s.emit('pop', [s.def(s.vreg(inst))]);
  },
  readebp: (s, inst) => s.emit('mov', [s.def(s.vreg(inst)), s.preg('ebp', 'use')]),
  cpuid: (s, inst) => {
    const [leaf, sub, out] = inst.args as [Inst, Inst, Inst];
    const p = s.reg32(out);
    s.emit('mov', [s.preg('eax', 'def'), s.rm32(leaf)]);
    s.emit('mov', [s.preg('ecx', 'def'), s.rm32(sub)]);
    s.emit('cpuid', [], { implicitUses: ['eax', 'ecx'], implicitDefs: ['eax', 'ebx', 'ecx', 'edx'] });
    (['eax', 'ebx', 'ecx', 'edx'] as const).forEach((r, i) => s.emit('mov', [{ k: 'mem', size: 4, base: { vreg: p }, disp: 4 * i }, s.preg(r, 'use')]));
  },
};

export function selectIntrinsic(s: Isel, inst: Inst): void {
  const sel = INTRINSIC_SELECTORS[inst.sym!];
  if (sel === undefined) throw new Error(`isel: unknown intrinsic ${inst.sym}`);
  sel(s, inst);
}
