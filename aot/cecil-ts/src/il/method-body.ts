// A decoded method body (Mono.Cecil's MethodBody): header values, local variables, the
// instruction list (linked by next/previous) and exception handlers whose boundaries are
// Instructions. Operands are typed by the opcode's OperandType (see Instruction).

import type { OpCode } from './opcodes.ts';
import type { CallSite, FieldReference, MethodReference } from '../model/members.ts';
import type { MethodDefinition } from '../model/definitions.ts';
import type { TypeReference } from '../model/types.ts';

export type Operand =
  | null
  | number
  | bigint
  | string
  | Instruction
  | Instruction[]
  | TypeReference
  | MethodReference
  | FieldReference
  | CallSite;

export class Instruction {
  next: Instruction | undefined;
  previous: Instruction | undefined;
  constructor(
    /** Byte offset of the first byte (prefixes are instructions of their own). */
    readonly offset: number,
    readonly opCode: OpCode,
    /** InlineNone → null; immediates → number/bigint; branches → Instruction(s); tokens → model objects. */
    public operand: Operand,
    /** Encoded size in bytes, opcode and operand. */
    readonly size: number,
  ) {}
  toString(): string {
    return `IL_${this.offset.toString(16).padStart(4, '0')}: ${this.opCode.name}`;
  }
}

export class VariableDefinition {
  constructor(
    readonly index: number,
    /** A PinnedType when the local is pinned. */
    readonly variableType: TypeReference,
  ) {}
}

export type ExceptionHandlerType = 'catch' | 'filter' | 'finally' | 'fault';

export interface ExceptionHandler {
  readonly handlerType: ExceptionHandlerType;
  readonly tryStart: Instruction;
  /** First instruction after the protected region; undefined = end of body. */
  readonly tryEnd: Instruction | undefined;
  readonly handlerStart: Instruction;
  readonly handlerEnd: Instruction | undefined;
  readonly filterStart: Instruction | undefined;
  readonly catchType: TypeReference | undefined;
  readonly tryOffset: number;
  readonly tryLength: number;
  readonly handlerOffset: number;
  readonly handlerLength: number;
  readonly filterOffset: number | undefined;
}

export class MethodBody {
  constructor(
    readonly method: MethodDefinition,
    readonly maxStackSize: number,
    readonly codeSize: number,
    readonly initLocals: boolean,
    /** StandAloneSig token of the locals (0 when none). */
    readonly localVarToken: number,
    readonly variables: readonly VariableDefinition[],
    readonly instructions: readonly Instruction[],
    readonly exceptionHandlers: readonly ExceptionHandler[],
  ) {}
  /** The raw IL bytes, for tools that re-decode. */
  code: Uint8Array = new Uint8Array(0);
}
