// The CIL opcode table (ECMA-335 Partition III; the same rows as Mono.Cecil's OpCodes.cs):
// name, encoding, operand type, flow control, opcode kind and stack behaviour. Every
// consumer (decoder, printer, compiler) reads this data; nothing re-derives it.

export type OperandType =
  | 'InlineBrTarget' | 'InlineField' | 'InlineI' | 'InlineI8' | 'InlineMethod' | 'InlineNone'
  | 'InlineR' | 'InlineSig' | 'InlineString' | 'InlineSwitch' | 'InlineTok' | 'InlineType'
  | 'InlineVar' | 'InlineArg' | 'ShortInlineBrTarget' | 'ShortInlineI' | 'ShortInlineR'
  | 'ShortInlineVar' | 'ShortInlineArg';

export type FlowControl = 'Branch' | 'Break' | 'Call' | 'Cond_Branch' | 'Meta' | 'Next' | 'Return' | 'Throw';

export type OpCodeType = 'Macro' | 'Objmodel' | 'Prefix' | 'Primitive';

export type StackBehaviour =
  | 'Pop0' | 'Pop1' | 'Pop1_pop1' | 'Popi' | 'Popi_pop1' | 'Popi_popi' | 'Popi_popi8' | 'Popi_popi_popi'
  | 'Popi_popr4' | 'Popi_popr8' | 'Popref' | 'Popref_pop1' | 'Popref_popi' | 'Popref_popi_popi'
  | 'Popref_popi_popi8' | 'Popref_popi_popr4' | 'Popref_popi_popr8' | 'Popref_popi_popref' | 'Popref_popi_pop1' | 'PopAll'
  | 'Push0' | 'Push1' | 'Push1_push1' | 'Pushi' | 'Pushi8' | 'Pushr4' | 'Pushr8' | 'Pushref'
  | 'Varpop' | 'Varpush';

export interface OpCode {
  /** Mnemonic as in ECMA-335 ('ldarg.0', 'constrained.'). */
  readonly name: string;
  /** 0x00-0xFF for one-byte opcodes, 0xFE00|x for two-byte ones. */
  readonly code: number;
  /** Bytes of the opcode itself (1 or 2). */
  readonly size: number;
  readonly operandType: OperandType;
  readonly flowControl: FlowControl;
  readonly opCodeType: OpCodeType;
  readonly stackBehaviourPop: StackBehaviour;
  readonly stackBehaviourPush: StackBehaviour;
}

// name, code, operand, flow, kind, pop, push
type Row = readonly [string, number, OperandType, FlowControl, OpCodeType, StackBehaviour, StackBehaviour];

const N = 'InlineNone';
const ROWS: readonly Row[] = [
  ['nop', 0x00, N, 'Next', 'Primitive', 'Pop0', 'Push0'],
  ['break', 0x01, N, 'Break', 'Primitive', 'Pop0', 'Push0'],
  ['ldarg.0', 0x02, N, 'Next', 'Macro', 'Pop0', 'Push1'],
  ['ldarg.1', 0x03, N, 'Next', 'Macro', 'Pop0', 'Push1'],
  ['ldarg.2', 0x04, N, 'Next', 'Macro', 'Pop0', 'Push1'],
  ['ldarg.3', 0x05, N, 'Next', 'Macro', 'Pop0', 'Push1'],
  ['ldloc.0', 0x06, N, 'Next', 'Macro', 'Pop0', 'Push1'],
  ['ldloc.1', 0x07, N, 'Next', 'Macro', 'Pop0', 'Push1'],
  ['ldloc.2', 0x08, N, 'Next', 'Macro', 'Pop0', 'Push1'],
  ['ldloc.3', 0x09, N, 'Next', 'Macro', 'Pop0', 'Push1'],
  ['stloc.0', 0x0a, N, 'Next', 'Macro', 'Pop1', 'Push0'],
  ['stloc.1', 0x0b, N, 'Next', 'Macro', 'Pop1', 'Push0'],
  ['stloc.2', 0x0c, N, 'Next', 'Macro', 'Pop1', 'Push0'],
  ['stloc.3', 0x0d, N, 'Next', 'Macro', 'Pop1', 'Push0'],
  ['ldarg.s', 0x0e, 'ShortInlineArg', 'Next', 'Macro', 'Pop0', 'Push1'],
  ['ldarga.s', 0x0f, 'ShortInlineArg', 'Next', 'Macro', 'Pop0', 'Pushi'],
  ['starg.s', 0x10, 'ShortInlineArg', 'Next', 'Macro', 'Pop1', 'Push0'],
  ['ldloc.s', 0x11, 'ShortInlineVar', 'Next', 'Macro', 'Pop0', 'Push1'],
  ['ldloca.s', 0x12, 'ShortInlineVar', 'Next', 'Macro', 'Pop0', 'Pushi'],
  ['stloc.s', 0x13, 'ShortInlineVar', 'Next', 'Macro', 'Pop1', 'Push0'],
  ['ldnull', 0x14, N, 'Next', 'Primitive', 'Pop0', 'Pushref'],
  ['ldc.i4.m1', 0x15, N, 'Next', 'Macro', 'Pop0', 'Pushi'],
  ['ldc.i4.0', 0x16, N, 'Next', 'Macro', 'Pop0', 'Pushi'],
  ['ldc.i4.1', 0x17, N, 'Next', 'Macro', 'Pop0', 'Pushi'],
  ['ldc.i4.2', 0x18, N, 'Next', 'Macro', 'Pop0', 'Pushi'],
  ['ldc.i4.3', 0x19, N, 'Next', 'Macro', 'Pop0', 'Pushi'],
  ['ldc.i4.4', 0x1a, N, 'Next', 'Macro', 'Pop0', 'Pushi'],
  ['ldc.i4.5', 0x1b, N, 'Next', 'Macro', 'Pop0', 'Pushi'],
  ['ldc.i4.6', 0x1c, N, 'Next', 'Macro', 'Pop0', 'Pushi'],
  ['ldc.i4.7', 0x1d, N, 'Next', 'Macro', 'Pop0', 'Pushi'],
  ['ldc.i4.8', 0x1e, N, 'Next', 'Macro', 'Pop0', 'Pushi'],
  ['ldc.i4.s', 0x1f, 'ShortInlineI', 'Next', 'Macro', 'Pop0', 'Pushi'],
  ['ldc.i4', 0x20, 'InlineI', 'Next', 'Primitive', 'Pop0', 'Pushi'],
  ['ldc.i8', 0x21, 'InlineI8', 'Next', 'Primitive', 'Pop0', 'Pushi8'],
  ['ldc.r4', 0x22, 'ShortInlineR', 'Next', 'Primitive', 'Pop0', 'Pushr4'],
  ['ldc.r8', 0x23, 'InlineR', 'Next', 'Primitive', 'Pop0', 'Pushr8'],
  ['dup', 0x25, N, 'Next', 'Primitive', 'Pop1', 'Push1_push1'],
  ['pop', 0x26, N, 'Next', 'Primitive', 'Pop1', 'Push0'],
  ['jmp', 0x27, 'InlineMethod', 'Call', 'Primitive', 'Pop0', 'Push0'],
  ['call', 0x28, 'InlineMethod', 'Call', 'Primitive', 'Varpop', 'Varpush'],
  ['calli', 0x29, 'InlineSig', 'Call', 'Primitive', 'Varpop', 'Varpush'],
  ['ret', 0x2a, N, 'Return', 'Primitive', 'Varpop', 'Push0'],
  ['br.s', 0x2b, 'ShortInlineBrTarget', 'Branch', 'Macro', 'Pop0', 'Push0'],
  ['brfalse.s', 0x2c, 'ShortInlineBrTarget', 'Cond_Branch', 'Macro', 'Popi', 'Push0'],
  ['brtrue.s', 0x2d, 'ShortInlineBrTarget', 'Cond_Branch', 'Macro', 'Popi', 'Push0'],
  ['beq.s', 0x2e, 'ShortInlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['bge.s', 0x2f, 'ShortInlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['bgt.s', 0x30, 'ShortInlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['ble.s', 0x31, 'ShortInlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['blt.s', 0x32, 'ShortInlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['bne.un.s', 0x33, 'ShortInlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['bge.un.s', 0x34, 'ShortInlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['bgt.un.s', 0x35, 'ShortInlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['ble.un.s', 0x36, 'ShortInlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['blt.un.s', 0x37, 'ShortInlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['br', 0x38, 'InlineBrTarget', 'Branch', 'Primitive', 'Pop0', 'Push0'],
  ['brfalse', 0x39, 'InlineBrTarget', 'Cond_Branch', 'Primitive', 'Popi', 'Push0'],
  ['brtrue', 0x3a, 'InlineBrTarget', 'Cond_Branch', 'Primitive', 'Popi', 'Push0'],
  ['beq', 0x3b, 'InlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['bge', 0x3c, 'InlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['bgt', 0x3d, 'InlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['ble', 0x3e, 'InlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['blt', 0x3f, 'InlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['bne.un', 0x40, 'InlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['bge.un', 0x41, 'InlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['bgt.un', 0x42, 'InlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['ble.un', 0x43, 'InlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['blt.un', 0x44, 'InlineBrTarget', 'Cond_Branch', 'Macro', 'Pop1_pop1', 'Push0'],
  ['switch', 0x45, 'InlineSwitch', 'Cond_Branch', 'Primitive', 'Popi', 'Push0'],
  ['ldind.i1', 0x46, N, 'Next', 'Primitive', 'Popi', 'Pushi'],
  ['ldind.u1', 0x47, N, 'Next', 'Primitive', 'Popi', 'Pushi'],
  ['ldind.i2', 0x48, N, 'Next', 'Primitive', 'Popi', 'Pushi'],
  ['ldind.u2', 0x49, N, 'Next', 'Primitive', 'Popi', 'Pushi'],
  ['ldind.i4', 0x4a, N, 'Next', 'Primitive', 'Popi', 'Pushi'],
  ['ldind.u4', 0x4b, N, 'Next', 'Primitive', 'Popi', 'Pushi'],
  ['ldind.i8', 0x4c, N, 'Next', 'Primitive', 'Popi', 'Pushi8'],
  ['ldind.i', 0x4d, N, 'Next', 'Primitive', 'Popi', 'Pushi'],
  ['ldind.r4', 0x4e, N, 'Next', 'Primitive', 'Popi', 'Pushr4'],
  ['ldind.r8', 0x4f, N, 'Next', 'Primitive', 'Popi', 'Pushr8'],
  ['ldind.ref', 0x50, N, 'Next', 'Primitive', 'Popi', 'Pushref'],
  ['stind.ref', 0x51, N, 'Next', 'Primitive', 'Popi_popi', 'Push0'],
  ['stind.i1', 0x52, N, 'Next', 'Primitive', 'Popi_popi', 'Push0'],
  ['stind.i2', 0x53, N, 'Next', 'Primitive', 'Popi_popi', 'Push0'],
  ['stind.i4', 0x54, N, 'Next', 'Primitive', 'Popi_popi', 'Push0'],
  ['stind.i8', 0x55, N, 'Next', 'Primitive', 'Popi_popi8', 'Push0'],
  ['stind.r4', 0x56, N, 'Next', 'Primitive', 'Popi_popr4', 'Push0'],
  ['stind.r8', 0x57, N, 'Next', 'Primitive', 'Popi_popr8', 'Push0'],
  ['add', 0x58, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['sub', 0x59, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['mul', 0x5a, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['div', 0x5b, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['div.un', 0x5c, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['rem', 0x5d, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['rem.un', 0x5e, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['and', 0x5f, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['or', 0x60, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['xor', 0x61, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['shl', 0x62, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['shr', 0x63, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['shr.un', 0x64, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['neg', 0x65, N, 'Next', 'Primitive', 'Pop1', 'Push1'],
  ['not', 0x66, N, 'Next', 'Primitive', 'Pop1', 'Push1'],
  ['conv.i1', 0x67, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.i2', 0x68, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.i4', 0x69, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.i8', 0x6a, N, 'Next', 'Primitive', 'Pop1', 'Pushi8'],
  ['conv.r4', 0x6b, N, 'Next', 'Primitive', 'Pop1', 'Pushr4'],
  ['conv.r8', 0x6c, N, 'Next', 'Primitive', 'Pop1', 'Pushr8'],
  ['conv.u4', 0x6d, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.u8', 0x6e, N, 'Next', 'Primitive', 'Pop1', 'Pushi8'],
  ['callvirt', 0x6f, 'InlineMethod', 'Call', 'Objmodel', 'Varpop', 'Varpush'],
  ['cpobj', 0x70, 'InlineType', 'Next', 'Objmodel', 'Popi_popi', 'Push0'],
  ['ldobj', 0x71, 'InlineType', 'Next', 'Objmodel', 'Popi', 'Push1'],
  ['ldstr', 0x72, 'InlineString', 'Next', 'Objmodel', 'Pop0', 'Pushref'],
  ['newobj', 0x73, 'InlineMethod', 'Call', 'Objmodel', 'Varpop', 'Pushref'],
  ['castclass', 0x74, 'InlineType', 'Next', 'Objmodel', 'Popref', 'Pushref'],
  ['isinst', 0x75, 'InlineType', 'Next', 'Objmodel', 'Popref', 'Pushi'],
  ['conv.r.un', 0x76, N, 'Next', 'Primitive', 'Pop1', 'Pushr8'],
  ['unbox', 0x79, 'InlineType', 'Next', 'Primitive', 'Popref', 'Pushi'],
  ['throw', 0x7a, N, 'Throw', 'Objmodel', 'Popref', 'Push0'],
  ['ldfld', 0x7b, 'InlineField', 'Next', 'Objmodel', 'Popref', 'Push1'],
  ['ldflda', 0x7c, 'InlineField', 'Next', 'Objmodel', 'Popref', 'Pushi'],
  ['stfld', 0x7d, 'InlineField', 'Next', 'Objmodel', 'Popref_pop1', 'Push0'],
  ['ldsfld', 0x7e, 'InlineField', 'Next', 'Objmodel', 'Pop0', 'Push1'],
  ['ldsflda', 0x7f, 'InlineField', 'Next', 'Objmodel', 'Pop0', 'Pushi'],
  ['stsfld', 0x80, 'InlineField', 'Next', 'Objmodel', 'Pop1', 'Push0'],
  ['stobj', 0x81, 'InlineType', 'Next', 'Primitive', 'Popi_pop1', 'Push0'],
  ['conv.ovf.i1.un', 0x82, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.ovf.i2.un', 0x83, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.ovf.i4.un', 0x84, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.ovf.i8.un', 0x85, N, 'Next', 'Primitive', 'Pop1', 'Pushi8'],
  ['conv.ovf.u1.un', 0x86, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.ovf.u2.un', 0x87, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.ovf.u4.un', 0x88, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.ovf.u8.un', 0x89, N, 'Next', 'Primitive', 'Pop1', 'Pushi8'],
  ['conv.ovf.i.un', 0x8a, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.ovf.u.un', 0x8b, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['box', 0x8c, 'InlineType', 'Next', 'Primitive', 'Pop1', 'Pushref'],
  ['newarr', 0x8d, 'InlineType', 'Next', 'Objmodel', 'Popi', 'Pushref'],
  ['ldlen', 0x8e, N, 'Next', 'Objmodel', 'Popref', 'Pushi'],
  ['ldelema', 0x8f, 'InlineType', 'Next', 'Objmodel', 'Popref_popi', 'Pushi'],
  ['ldelem.i1', 0x90, N, 'Next', 'Objmodel', 'Popref_popi', 'Pushi'],
  ['ldelem.u1', 0x91, N, 'Next', 'Objmodel', 'Popref_popi', 'Pushi'],
  ['ldelem.i2', 0x92, N, 'Next', 'Objmodel', 'Popref_popi', 'Pushi'],
  ['ldelem.u2', 0x93, N, 'Next', 'Objmodel', 'Popref_popi', 'Pushi'],
  ['ldelem.i4', 0x94, N, 'Next', 'Objmodel', 'Popref_popi', 'Pushi'],
  ['ldelem.u4', 0x95, N, 'Next', 'Objmodel', 'Popref_popi', 'Pushi'],
  ['ldelem.i8', 0x96, N, 'Next', 'Objmodel', 'Popref_popi', 'Pushi8'],
  ['ldelem.i', 0x97, N, 'Next', 'Objmodel', 'Popref_popi', 'Pushi'],
  ['ldelem.r4', 0x98, N, 'Next', 'Objmodel', 'Popref_popi', 'Pushr4'],
  ['ldelem.r8', 0x99, N, 'Next', 'Objmodel', 'Popref_popi', 'Pushr8'],
  ['ldelem.ref', 0x9a, N, 'Next', 'Objmodel', 'Popref_popi', 'Pushref'],
  ['stelem.i', 0x9b, N, 'Next', 'Objmodel', 'Popref_popi_popi', 'Push0'],
  ['stelem.i1', 0x9c, N, 'Next', 'Objmodel', 'Popref_popi_popi', 'Push0'],
  ['stelem.i2', 0x9d, N, 'Next', 'Objmodel', 'Popref_popi_popi', 'Push0'],
  ['stelem.i4', 0x9e, N, 'Next', 'Objmodel', 'Popref_popi_popi', 'Push0'],
  ['stelem.i8', 0x9f, N, 'Next', 'Objmodel', 'Popref_popi_popi8', 'Push0'],
  ['stelem.r4', 0xa0, N, 'Next', 'Objmodel', 'Popref_popi_popr4', 'Push0'],
  ['stelem.r8', 0xa1, N, 'Next', 'Objmodel', 'Popref_popi_popr8', 'Push0'],
  ['stelem.ref', 0xa2, N, 'Next', 'Objmodel', 'Popref_popi_popref', 'Push0'],
  ['ldelem.any', 0xa3, 'InlineType', 'Next', 'Objmodel', 'Popref_popi', 'Push1'],
  ['stelem.any', 0xa4, 'InlineType', 'Next', 'Objmodel', 'Popref_popi_pop1', 'Push0'],
  ['unbox.any', 0xa5, 'InlineType', 'Next', 'Objmodel', 'Popref', 'Push1'],
  ['conv.ovf.i1', 0xb3, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.ovf.u1', 0xb4, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.ovf.i2', 0xb5, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.ovf.u2', 0xb6, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.ovf.i4', 0xb7, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.ovf.u4', 0xb8, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.ovf.i8', 0xb9, N, 'Next', 'Primitive', 'Pop1', 'Pushi8'],
  ['conv.ovf.u8', 0xba, N, 'Next', 'Primitive', 'Pop1', 'Pushi8'],
  ['refanyval', 0xc2, 'InlineType', 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['ckfinite', 0xc3, N, 'Next', 'Primitive', 'Pop1', 'Pushr8'],
  ['mkrefany', 0xc6, 'InlineType', 'Next', 'Primitive', 'Popi', 'Push1'],
  ['ldtoken', 0xd0, 'InlineTok', 'Next', 'Primitive', 'Pop0', 'Pushi'],
  ['conv.u2', 0xd1, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.u1', 0xd2, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.i', 0xd3, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.ovf.i', 0xd4, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['conv.ovf.u', 0xd5, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['add.ovf', 0xd6, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['add.ovf.un', 0xd7, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['mul.ovf', 0xd8, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['mul.ovf.un', 0xd9, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['sub.ovf', 0xda, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['sub.ovf.un', 0xdb, N, 'Next', 'Primitive', 'Pop1_pop1', 'Push1'],
  ['endfinally', 0xdc, N, 'Return', 'Primitive', 'Pop0', 'Push0'],
  ['leave', 0xdd, 'InlineBrTarget', 'Branch', 'Primitive', 'PopAll', 'Push0'],
  ['leave.s', 0xde, 'ShortInlineBrTarget', 'Branch', 'Primitive', 'PopAll', 'Push0'],
  ['stind.i', 0xdf, N, 'Next', 'Primitive', 'Popi_popi', 'Push0'],
  ['conv.u', 0xe0, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['arglist', 0xfe00, N, 'Next', 'Primitive', 'Pop0', 'Pushi'],
  ['ceq', 0xfe01, N, 'Next', 'Primitive', 'Pop1_pop1', 'Pushi'],
  ['cgt', 0xfe02, N, 'Next', 'Primitive', 'Pop1_pop1', 'Pushi'],
  ['cgt.un', 0xfe03, N, 'Next', 'Primitive', 'Pop1_pop1', 'Pushi'],
  ['clt', 0xfe04, N, 'Next', 'Primitive', 'Pop1_pop1', 'Pushi'],
  ['clt.un', 0xfe05, N, 'Next', 'Primitive', 'Pop1_pop1', 'Pushi'],
  ['ldftn', 0xfe06, 'InlineMethod', 'Next', 'Primitive', 'Pop0', 'Pushi'],
  ['ldvirtftn', 0xfe07, 'InlineMethod', 'Next', 'Primitive', 'Popref', 'Pushi'],
  ['ldarg', 0xfe09, 'InlineArg', 'Next', 'Primitive', 'Pop0', 'Push1'],
  ['ldarga', 0xfe0a, 'InlineArg', 'Next', 'Primitive', 'Pop0', 'Pushi'],
  ['starg', 0xfe0b, 'InlineArg', 'Next', 'Primitive', 'Pop1', 'Push0'],
  ['ldloc', 0xfe0c, 'InlineVar', 'Next', 'Primitive', 'Pop0', 'Push1'],
  ['ldloca', 0xfe0d, 'InlineVar', 'Next', 'Primitive', 'Pop0', 'Pushi'],
  ['stloc', 0xfe0e, 'InlineVar', 'Next', 'Primitive', 'Pop1', 'Push0'],
  ['localloc', 0xfe0f, N, 'Next', 'Primitive', 'Popi', 'Pushi'],
  ['endfilter', 0xfe11, N, 'Return', 'Primitive', 'Popi', 'Push0'],
  ['unaligned.', 0xfe12, 'ShortInlineI', 'Meta', 'Prefix', 'Pop0', 'Push0'],
  ['volatile.', 0xfe13, N, 'Meta', 'Prefix', 'Pop0', 'Push0'],
  ['tail.', 0xfe14, N, 'Meta', 'Prefix', 'Pop0', 'Push0'],
  ['initobj', 0xfe15, 'InlineType', 'Next', 'Objmodel', 'Popi', 'Push0'],
  ['constrained.', 0xfe16, 'InlineType', 'Meta', 'Prefix', 'Pop0', 'Push0'],
  ['cpblk', 0xfe17, N, 'Next', 'Primitive', 'Popi_popi_popi', 'Push0'],
  ['initblk', 0xfe18, N, 'Next', 'Primitive', 'Popi_popi_popi', 'Push0'],
  ['no.', 0xfe19, 'ShortInlineI', 'Meta', 'Prefix', 'Pop0', 'Push0'],
  ['rethrow', 0xfe1a, N, 'Throw', 'Objmodel', 'Pop0', 'Push0'],
  ['sizeof', 0xfe1c, 'InlineType', 'Next', 'Primitive', 'Pop0', 'Pushi'],
  ['refanytype', 0xfe1d, N, 'Next', 'Primitive', 'Pop1', 'Pushi'],
  ['readonly.', 0xfe1e, N, 'Meta', 'Prefix', 'Pop0', 'Push0'],
];

/** Bytes of the inline operand for each operand type (InlineSwitch: the count only). */
export const OPERAND_SIZE: Readonly<Record<OperandType, number>> = {
  InlineNone: 0, ShortInlineBrTarget: 1, ShortInlineI: 1, ShortInlineVar: 1, ShortInlineArg: 1,
  InlineVar: 2, InlineArg: 2, ShortInlineR: 4, InlineI: 4, InlineBrTarget: 4, InlineField: 4,
  InlineMethod: 4, InlineSig: 4, InlineString: 4, InlineSwitch: 4, InlineTok: 4, InlineType: 4,
  InlineI8: 8, InlineR: 8,
};

const byName: Record<string, OpCode> = {};
/** One-byte opcodes indexed by code. */
export const ONE_BYTE_OPCODES: (OpCode | undefined)[] = new Array(256);
/** Two-byte opcodes (0xFE xx) indexed by the second byte. */
export const TWO_BYTE_OPCODES: (OpCode | undefined)[] = new Array(256);

for (const [name, code, operandType, flowControl, opCodeType, stackBehaviourPop, stackBehaviourPush] of ROWS) {
  const op: OpCode = Object.freeze({ name, code, size: code > 0xff ? 2 : 1, operandType, flowControl, opCodeType, stackBehaviourPop, stackBehaviourPush });
  byName[name] = op;
  if (code > 0xff) TWO_BYTE_OPCODES[code & 0xff] = op;
  else ONE_BYTE_OPCODES[code] = op;
}

/** All opcodes keyed by mnemonic ('ldarg.0', 'constrained.'). */
export const OpCodes: Readonly<Record<string, OpCode>> = Object.freeze(byName);

/** The opcode with this code (0x00-0xFF or 0xFE00|x), or undefined. */
export function opCodeByCode(code: number): OpCode | undefined {
  if (code >= 0 && code <= 0xff) return ONE_BYTE_OPCODES[code];
  if ((code & 0xff00) === 0xfe00) return TWO_BYTE_OPCODES[code & 0xff];
  return undefined;
}
