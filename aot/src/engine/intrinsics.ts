// Machine intrinsics: methods of korlib's Sharpaot.X86.Asm class (declared extern,
// [MethodImpl(InternalCall)]) that compile to single instructions. The builder turns a
// call to one of them into an IR `intrinsic` instruction named by `ir`; instruction
// selection (x86/isel-intrinsics.ts) emits the machine code. Operand and result types
// are IR types after the usual stack widening (byte/ushort/pointers are i32).

import type { Type } from '../ir/types.ts';

export interface IntrinsicSpec {
  /** Name of the IR intrinsic, or 'identity': the argument itself, retyped (reference ↔ pointer). */
  readonly ir: string;
  readonly params: readonly Type[];
  readonly ret: Type | undefined;
  /** The intrinsic has no side effect beyond its result (it may still not be removed if volatile-like). */
  readonly pure?: boolean;
}

/** Method name in Sharpaot.X86.Asm → intrinsic. */
const X86_INTRINSICS: Readonly<Record<string, IntrinsicSpec>> = {
  In8: { ir: 'in8', params: ['i32'], ret: 'i32' }, //              in al, dx
  In16: { ir: 'in16', params: ['i32'], ret: 'i32' }, //            in ax, dx
  In32: { ir: 'in32', params: ['i32'], ret: 'i32' }, //            in eax, dx
  Out8: { ir: 'out8', params: ['i32', 'i32'], ret: undefined }, // out dx, al
  Out16: { ir: 'out16', params: ['i32', 'i32'], ret: undefined },
  Out32: { ir: 'out32', params: ['i32', 'i32'], ret: undefined },
  Hlt: { ir: 'hlt', params: [], ret: undefined },
  Cli: { ir: 'cli', params: [], ret: undefined },
  Sti: { ir: 'sti', params: [], ret: undefined },
  Pause: { ir: 'pause', params: [], ret: undefined },
  Int3: { ir: 'int3', params: [], ret: undefined },
  Rdtsc: { ir: 'rdtsc', params: [], ret: 'i64' },
  Lgdt: { ir: 'lgdt', params: ['i32'], ret: undefined }, //        lgdt [ptr]
  Lidt: { ir: 'lidt', params: ['i32'], ret: undefined }, //        lidt [ptr]
  Ltr: { ir: 'ltr', params: ['i32'], ret: undefined },
  Invlpg: { ir: 'invlpg', params: ['i32'], ret: undefined },
  ReadCr0: { ir: 'readcr0', params: [], ret: 'i32' },
  ReadCr2: { ir: 'readcr2', params: [], ret: 'i32' },
  ReadCr3: { ir: 'readcr3', params: [], ret: 'i32' },
  ReadCr4: { ir: 'readcr4', params: [], ret: 'i32' },
  WriteCr0: { ir: 'writecr0', params: ['i32'], ret: undefined },
  WriteCr3: { ir: 'writecr3', params: ['i32'], ret: undefined },
  WriteCr4: { ir: 'writecr4', params: ['i32'], ret: undefined },
  ReadEflags: { ir: 'readeflags', params: [], ret: 'i32' },
  ReadEbp: { ir: 'readebp', params: [], ret: 'i32' }, //             frame pointer, for stack walks
  Sqrt: { ir: 'sqrt64', params: ['f64'], ret: 'f64', pure: true }, //  sqrtsd
  SqrtF: { ir: 'sqrt32', params: ['f32'], ret: 'f32', pure: true }, // sqrtss
  Cpuid: { ir: 'cpuid', params: ['i32', 'i32', 'i32'], ret: undefined }, // leaf, subleaf, uint* regs[4]
};

/**
 * Sharpaot.Runtime.Unsafe: conversions between object references and raw addresses,
 * which C# cannot express and the runtime (allocator, type checks) needs. Both are
 * 32-bit values here, so the conversion is the value itself.
 */
const UNSAFE_INTRINSICS: Readonly<Record<string, IntrinsicSpec>> = {
  AsPointer: { ir: 'identity', params: ['i32'], ret: 'i32' },
  AsObject: { ir: 'identity', params: ['i32'], ret: 'i32' },
  AsString: { ir: 'identity', params: ['i32'], ret: 'i32' },
};

/**
 * Sharpaot.Runtime.Frames: what the exception unwinder needs to run code of another
 * frame. CallFunclet calls a finally, fault or filter body with ebp set to its method's
 * frame and the exception in eax (returning the filter's verdict); ResumeAt continues
 * at a catch handler in its method's frame and does not return.
 */
const FRAME_INTRINSICS: Readonly<Record<string, IntrinsicSpec>> = {
  CallFunclet: { ir: 'callfunclet', params: ['i32', 'i32', 'i32'], ret: 'i32' },
  ResumeAt: { ir: 'resumeat', params: ['i32', 'i32', 'i32'], ret: undefined },
};

/** Intrinsic classes of korlib by full name. */
export const INTRINSIC_CLASSES: Readonly<Record<string, Readonly<Record<string, IntrinsicSpec>>>> = {
  'Sharpaot.X86.Asm': X86_INTRINSICS,
  'Sharpaot.Runtime.Unsafe': UNSAFE_INTRINSICS,
  'Sharpaot.Runtime.Frames': FRAME_INTRINSICS,
};
