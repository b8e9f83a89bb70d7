// The IR's instruction set as data: every consumer (printer, parser, verifier, passes,
// instruction selection) reads these rows instead of switching on names.
//
// Columns:
//   args     fixed operand count, or 'n' (calls, phis)
//   result   'none' | 'explicit' (the instruction's own type field) | 'optional'
//            (explicit, or no value: calls of void functions) | 'arg0' (same as the
//            first operand) | 'i32'
//   payload  which extra fields the instruction carries, in print order
//   effects  'pure'  no side effect, cannot trap: may be removed, merged, moved
//            'trap'  may throw a runtime exception, otherwise pure: may be removed
//                    if unused only when proven not to trap; never moved across blocks
//            'read'  reads memory (ordered with writes), cannot trap
//            'write' writes memory
//            'call'  anything (calls, intrinsics with side effects)
//   term     terminators and their successor layout

export type Op =
  | 'param' | 'const' | 'symaddr' | 'slotaddr' | 'ldslot' | 'stslot' | 'copy'
  | 'add' | 'sub' | 'mul' | 'and' | 'or' | 'xor' | 'shl' | 'shr' | 'sar'
  | 'div' | 'rem' | 'divu' | 'remu' | 'mulhi' | 'mulhiu'
  | 'addovf' | 'addovfu' | 'subovf' | 'subovfu' | 'mulovf' | 'mulovfu'
  | 'neg' | 'not' | 'cmp' | 'select' | 'conv' | 'ckfinite'
  | 'load' | 'store' | 'memcpy' | 'memzero' | 'alloca'
  | 'call' | 'calli' | 'intrinsic' | 'phi'
  | 'chknull' | 'chkbounds' | 'catchobj'
  | 'jmp' | 'br' | 'switch' | 'ret' | 'unreachable' | 'throw' | 'rethrow'
  | 'callfinally' | 'endfinally' | 'endfilter';

export type Payload = 'imm' | 'cond' | 'mem' | 'sym' | 'slot' | 'conv' | 'targets' | 'byval';
export type Effects = 'pure' | 'trap' | 'read' | 'write' | 'call';
export type ResultRule = 'none' | 'explicit' | 'optional' | 'arg0' | 'i32';

export interface OpInfo {
  readonly args: number | 'n';
  readonly result: ResultRule;
  readonly payload: readonly Payload[];
  readonly effects: Effects;
  readonly commutative?: boolean;
  /** Terminator: 'none' has no successors; the others read successors from `targets`. */
  readonly term?: 'none' | 'targets';
}

// Every row has every field (absent ones undefined): one object shape keeps lookups fast.
const row = (args: number | 'n', result: ResultRule, payload: readonly Payload[], effects: Effects, extra: Partial<OpInfo> = {}): OpInfo => ({
  args, result, payload, effects, commutative: extra.commutative, term: extra.term,
});

export const OPS: Readonly<Record<Op, OpInfo>> = {
  // Values without operands.
  param: row(0, 'explicit', ['imm'], 'pure'), //        imm = parameter index
  const: row(0, 'explicit', ['imm'], 'pure'), //        imm = value (bigint for i64)
  symaddr: row(0, 'i32', ['sym', 'imm'], 'pure'), //     address of a global symbol + imm
  slotaddr: row(0, 'i32', ['slot'], 'pure'), //          address of a stack slot
  ldslot: row(0, 'explicit', ['slot'], 'read'), //       whole-slot scalar read (promotable)
  stslot: row(1, 'none', ['slot'], 'write'), //          whole-slot scalar write (promotable)
  copy: row(1, 'arg0', [], 'pure'),

  // Integer and float arithmetic; the operand type selects the machine operation.
  add: row(2, 'arg0', [], 'pure', { commutative: true }),
  sub: row(2, 'arg0', [], 'pure'),
  mul: row(2, 'arg0', [], 'pure', { commutative: true }),
  and: row(2, 'arg0', [], 'pure', { commutative: true }),
  or: row(2, 'arg0', [], 'pure', { commutative: true }),
  xor: row(2, 'arg0', [], 'pure', { commutative: true }),
  shl: row(2, 'arg0', [], 'pure'), //                    shift count is i32, masked as IL does
  shr: row(2, 'arg0', [], 'pure'), //                    logical
  sar: row(2, 'arg0', [], 'pure'), //                    arithmetic
  mulhi: row(2, 'arg0', [], 'pure', { commutative: true }), //  i32 only: high 32 bits of the signed 64-bit product
  mulhiu: row(2, 'arg0', [], 'pure', { commutative: true }), // i32 only: high 32 bits of the unsigned product
  div: row(2, 'arg0', [], 'trap'), //                    ints: DivideByZero / Overflow; floats: IEEE
  rem: row(2, 'arg0', [], 'trap'),
  divu: row(2, 'arg0', [], 'trap'),
  remu: row(2, 'arg0', [], 'trap'),
  addovf: row(2, 'arg0', [], 'trap', { commutative: true }), // OverflowException (signed)
  addovfu: row(2, 'arg0', [], 'trap', { commutative: true }), //                   (unsigned)
  subovf: row(2, 'arg0', [], 'trap'),
  subovfu: row(2, 'arg0', [], 'trap'),
  mulovf: row(2, 'arg0', [], 'trap', { commutative: true }),
  mulovfu: row(2, 'arg0', [], 'trap', { commutative: true }),
  neg: row(1, 'arg0', [], 'pure'),
  not: row(1, 'arg0', [], 'pure'),
  cmp: row(2, 'i32', ['cond'], 'pure'), //               0 or 1
  select: row(3, 'explicit', [], 'pure'), //             args: i32 condition, value if non-zero, value if zero
  conv: row(1, 'explicit', ['conv'], 'pure'), //         trap when conv.ovf (see convTraps)
  ckfinite: row(1, 'arg0', [], 'trap'), //               ArithmeticException on NaN/infinity

  // Memory. imm = byte offset added to the address operand.
  load: row(1, 'explicit', ['mem', 'imm'], 'read'),
  store: row(2, 'none', ['mem', 'imm'], 'write'), //     args: address, value
  memcpy: row(2, 'none', ['imm'], 'write'), //           args: destination, source; imm = size
  memzero: row(1, 'none', ['imm'], 'write'), //          imm = size
  alloca: row(1, 'i32', [], 'call'), //                 stack memory of a run-time size (i32), zeroed, freed at return

  // Calls. sym = callee symbol; byval lists, per argument, the size of a value type passed
  // by value through its address (0 for scalars).
  call: row('n', 'optional', ['sym', 'byval'], 'call'),
  calli: row('n', 'optional', ['byval'], 'call'), //      args[0] = function address
  intrinsic: row('n', 'optional', ['sym'], 'call'), //    machine intrinsic named by sym (see intrinsics table)
  phi: row('n', 'explicit', ['targets'], 'pure'), //      targets[i] = predecessor giving args[i]

  // Runtime checks.
  chknull: row(1, 'none', [], 'trap'), //                NullReferenceException
  chkbounds: row(2, 'none', [], 'trap'), //              args: index, length; IndexOutOfRangeException
  catchobj: row(0, 'i32', [], 'pure'), //                the exception object at a catch/filter entry

  // Terminators.
  jmp: row(0, 'none', ['targets'], 'call', { term: 'targets' }),
  br: row(1, 'none', ['targets'], 'call', { term: 'targets' }), //       targets: [if non-zero, if zero]
  switch: row(1, 'none', ['targets'], 'call', { term: 'targets' }), //   targets: [default, case 0, case 1, ...]
  ret: row('n', 'none', [], 'call', { term: 'none' }), //                0 or 1 operand
  unreachable: row(0, 'none', [], 'call', { term: 'none' }),
  throw: row(1, 'none', [], 'call', { term: 'none' }),
  rethrow: row(1, 'none', [], 'call', { term: 'none' }), //            the caught exception object
  callfinally: row(0, 'none', ['targets'], 'call', { term: 'targets' }), // targets: [finally entry, continuation]
  endfinally: row(0, 'none', [], 'call', { term: 'none' }),
  endfilter: row(1, 'none', [], 'call', { term: 'none' }),
};

export const OP_NAMES = Object.keys(OPS) as Op[];

export function isOp(s: string): s is Op {
  return Object.hasOwn(OPS, s);
}

// Sets: faster than a keyed lookup in OPS on hot paths (every block's terminator and successors).
const TERMINATORS: ReadonlySet<Op> = new Set(OP_NAMES.filter(op => OPS[op].term !== undefined));
const TARGET_TERMINATORS: ReadonlySet<Op> = new Set(OP_NAMES.filter(op => OPS[op].term === 'targets'));

export function isTerminator(op: Op): boolean {
  return TERMINATORS.has(op);
}

/** A terminator whose successors are its `targets`. */
export function branchesToTargets(op: Op): boolean {
  return TARGET_TERMINATORS.has(op);
}
