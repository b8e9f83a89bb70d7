// Stack frame layout of a compiled function (the convention is in engine/abi.ts):
//
//   [ebp+8+k]   incoming arguments (first argument at [ebp+8])
//   [ebp+4]     return address
//   [ebp+0]     caller's ebp
//   [ebp-4..]   saved callee-saved registers (ebx, esi, edi as used), pushed in that order
//   below       frame slots: IR stack slots, selection temporaries and spill slots,
//               each at an offset aligned (relative to ebp) to its alignment
//   [esp]       after `sub esp, size`; call sequences push below
//
// All frame accesses are ebp-relative, so pushes during call sequences, funclets called
// inside the frame, and catch handlers (which reset esp to its body value) all see the
// same slots.
//
// A simple leaf (lower-mir.ts decides: no frame slots, calls, pushes, traps, EH, alloca,
// or reads of ebp/esp) omits the frame pointer: it saves the callee-saved registers it
// uses and reads its arguments esp-relative, [esp+4+4·saved+k], esp being constant in its
// body. No stack walk can see it: nothing is called or thrown while it runs.

import type { PReg } from '../regalloc/mir.ts';
import type { Assembler } from './assembler.ts';
import { imm, mem, reg } from './operands.ts';

export interface FrameLayout {
  /** Callee-saved registers pushed after ebp, in push order. */
  readonly saved: readonly PReg[];
  /** ebp-relative offset of each frame slot. */
  readonly slotOffsets: readonly number[];
  /** Bytes reserved below the saved registers (`sub esp, size`). */
  readonly size: number;
  /** esp in the function body is ebp - bodyDepth. */
  readonly bodyDepth: number;
  /** A simple leaf without ebp frame: arguments are esp-relative. */
  readonly leaf: boolean;
  /** esp is ebp - bodyDepth at every return (no alloca), so epilogues need not recompute it. */
  readonly espAtBody: boolean;
}

const SAVE_ORDER: readonly PReg[] = ['ebx', 'esi', 'edi'];

export function layoutFrame(slots: readonly { size: number; align: number }[], usedCalleeSaved: Iterable<PReg>, leaf: boolean, espAtBody: boolean): FrameLayout {
  const used = new Set(usedCalleeSaved);
  const saved = SAVE_ORDER.filter(r => used.has(r));
  let offset = -4 * saved.length;
  const slotOffsets = slots.map(s => {
    offset -= s.size;
    offset = -Math.ceil(-offset / s.align) * s.align;
    return offset;
  });
  const depth = Math.ceil(-offset / 4) * 4;
  return { saved, slotOffsets, size: depth - 4 * saved.length, bodyDepth: depth, leaf: leaf && slots.length === 0, espAtBody };
}

/** The memory operand parts of incoming argument byte `offset`. */
export function argumentAddress(frame: FrameLayout, offset: number): { base: 'ebp' | 'esp'; disp: number } {
  return frame.leaf ? { base: 'esp', disp: 4 + 4 * frame.saved.length + offset } : { base: 'ebp', disp: 8 + offset };
}

export function emitPrologue(asm: Assembler, frame: FrameLayout): void {
  if (frame.leaf) {
    for (const r of frame.saved) asm.emit('push', reg(r));
    return;
  }
  asm.emit('push', reg('ebp'));
  asm.emit('mov', reg('ebp'), reg('esp'));
  for (const r of frame.saved) asm.emit('push', reg(r));
  if (frame.size > 0) asm.emit('sub', reg('esp'), imm(frame.size));
}

/**
 * Restores the callee-saved registers and returns: from esp at the body's depth when it
 * is known to be there (releasing the frame slots), else from ebp (after alloca).
 */
export function emitEpilogue(asm: Assembler, frame: FrameLayout): void {
  if (frame.leaf || frame.espAtBody) {
    if (frame.size > 0) asm.emit('add', reg('esp'), imm(frame.size));
    for (const r of [...frame.saved].reverse()) asm.emit('pop', reg(r));
    if (!frame.leaf) asm.emit('pop', reg('ebp'));
    asm.emit('ret');
    return;
  }
  if (frame.saved.length > 0) {
    asm.emit('lea', reg('esp'), mem(0, { base: 'ebp', disp: -4 * frame.saved.length }));
    for (const r of [...frame.saved].reverse()) asm.emit('pop', reg(r));
  } else {
    asm.emit('mov', reg('esp'), reg('ebp'));
  }
  asm.emit('pop', reg('ebp'));
  asm.emit('ret');
}

/** At a catch handler's entry: esp back to its value in the function body. */
export function emitHandlerEntry(asm: Assembler, frame: FrameLayout): void {
  asm.emit('lea', reg('esp'), mem(0, { base: 'ebp', disp: -frame.bodyDepth }));
}
