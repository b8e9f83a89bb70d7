// Parses the text form written by printer.ts back into a Func, keeping the printed
// value, block, slot and region numbers. Used by golden tests of passes, so its errors
// name the line. Comments run from `;` to the end of the line.

import { Block, Func, Inst, Region, Slot, type ConvSpec, type RegionKind, type SlotKind } from './ir.ts';
import { isOp, OPS, type Op } from './opcodes.ts';
import { isCond, isMemType, isNumKind, isType, memValueType, numKindType, type Type } from './types.ts';

export class IrParseError extends Error {
  constructor(message: string, readonly line: number) {
    super(`line ${line}: ${message}`);
    this.name = 'IrParseError';
  }
}

type Token = { kind: 'word' | 'sym' | 'str' | 'punct'; text: string };

// Words include value/block names, numbers (incl. exponents, nan, inf), ops with modifiers.
const TOKEN = /\s*(?:(@"(?:[^"\\]|\\.)*")|(@[A-Za-z_.$][\w.$]*)|("(?:[^"\\]|\\.)*")|([-+]?(?:\d[\w.]*?[eE][-+]?\d+|[\w.]+))|(->|[\[\](){}:=,+-]))/y;

function tokenize(text: string, line: number): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  const src = text.replace(/;.*$/, '').trimEnd();
  while (TOKEN.lastIndex < src.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (m === null) throw new IrParseError(`unexpected text '${src.slice(start)}'`, line);
    if (m[1] !== undefined) tokens.push({ kind: 'sym', text: JSON.parse(m[1].slice(1)) as string });
    else if (m[2] !== undefined) tokens.push({ kind: 'sym', text: m[2].slice(1) });
    else if (m[3] !== undefined) tokens.push({ kind: 'str', text: JSON.parse(m[3]) as string });
    else if (m[4] !== undefined) tokens.push({ kind: 'word', text: m[4] });
    else tokens.push({ kind: 'punct', text: m[5]! });
  }
  return tokens;
}

class Cursor {
  private i = 0;
  constructor(private readonly tokens: Token[], readonly line: number) {}

  get done(): boolean {
    return this.i >= this.tokens.length;
  }
  peek(): Token | undefined {
    return this.tokens[this.i];
  }
  next(what: string): Token {
    const t = this.tokens[this.i++];
    if (t === undefined) throw new IrParseError(`expected ${what}, found end of line`, this.line);
    return t;
  }
  word(what: string): string {
    const t = this.next(what);
    if (t.kind !== 'word') throw new IrParseError(`expected ${what}, found '${t.text}'`, this.line);
    return t.text;
  }
  expect(p: string): void {
    const t = this.next(`'${p}'`);
    if (t.text !== p || t.kind !== 'punct') throw new IrParseError(`expected '${p}', found '${t.text}'`, this.line);
  }
  accept(p: string): boolean {
    const t = this.peek();
    if (t !== undefined && t.kind === 'punct' && t.text === p) {
      this.i++;
      return true;
    }
    return false;
  }
  acceptWord(w: string): boolean {
    const t = this.peek();
    if (t !== undefined && t.kind === 'word' && t.text === w) {
      this.i++;
      return true;
    }
    return false;
  }
  end(): void {
    if (!this.done) throw new IrParseError(`unexpected '${this.peek()!.text}'`, this.line);
  }
}

function numbered(text: string, prefix: string, line: number): number {
  if (!text.startsWith(prefix) || !/^\d+$/.test(text.slice(prefix.length))) {
    throw new IrParseError(`expected ${prefix}<number>, found '${text}'`, line);
  }
  return Number(text.slice(prefix.length));
}

function parseType(text: string, line: number): Type {
  if (!isType(text)) throw new IrParseError(`unknown type '${text}'`, line);
  return text;
}

function parseNumber(text: string, type: Type, line: number): number | bigint {
  if (type === 'i64') {
    if (!/^[-+]?\d+$/.test(text)) throw new IrParseError(`bad i64 constant '${text}'`, line);
    return BigInt.asIntN(64, BigInt(text));
  }
  if (type === 'i32') {
    if (!/^[-+]?\d+$/.test(text)) throw new IrParseError(`bad i32 constant '${text}'`, line);
    return Number(text) | 0;
  }
  const special: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity, '+inf': Infinity };
  const v = special[text] ?? Number(text);
  if (Number.isNaN(v) && text !== 'nan') throw new IrParseError(`bad float constant '${text}'`, line);
  return type === 'f32' ? Math.fround(v) : v;
}

/** Parses every function in `text`. */
export function parseFuncs(text: string): Func[] {
  const lines = text.split('\n');
  const funcs: Func[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.replace(/;.*$/, '').trim() === '') {
      i++;
      continue;
    }
    const [fn, next] = parseOne(lines, i);
    funcs.push(fn);
    i = next;
  }
  return funcs;
}

export function parseFunc(text: string): Func {
  const funcs = parseFuncs(text);
  if (funcs.length !== 1) throw new IrParseError(`expected one function, found ${funcs.length}`, 1);
  return funcs[0]!;
}

interface Pending {
  inst: Inst;
  args: string[];
  targets: string[];
  line: number;
}

function parseOne(lines: string[], start: number): [Func, number] {
  const head = new Cursor(tokenize(lines[start]!, start + 1), start + 1);
  if (head.word("'function'") !== 'function') throw new IrParseError(`expected 'function'`, start + 1);
  const nameTok = head.next('function symbol');
  if (nameTok.kind !== 'sym') throw new IrParseError(`expected function symbol`, start + 1);
  head.expect('(');
  const params: Type[] = [];
  const byval: number[] = [];
  if (!head.accept(')')) {
    do {
      byval.push(head.acceptWord('byval') ? Number(head.word('byval size')) : 0);
      params.push(parseType(head.word('parameter type'), head.line));
    } while (head.accept(','));
    head.expect(')');
  }
  head.expect('->');
  const retText = head.word('return type');
  const ret = retText === 'void' ? undefined : parseType(retText, head.line);
  head.expect('{');
  head.end();
  const fn = new Func(nameTok.text, byval.some(b => b > 0) ? { params, ret, byval } : { params, ret });

  const blocks = new Map<number, Block>();
  const values = new Map<number, Inst>();
  const slots = new Map<number, Slot>();
  const regions = new Map<number, Region>();
  const regionFixups: (() => void)[] = [];
  const pending: Pending[] = [];
  let maxInst = -1;
  let maxBlock = -1;
  const blockNamed = (name: string, line: number): Block => {
    const id = numbered(name, 'bb', line);
    let b = blocks.get(id);
    if (b === undefined) {
      b = new Block(id);
      blocks.set(id, b);
      maxBlock = Math.max(maxBlock, id);
    }
    return b;
  };
  const regionNamed = (name: string, line: number): Region => {
    const r = regions.get(numbered(name, 'r', line));
    if (r === undefined) throw new IrParseError(`unknown region '${name}'`, line);
    return r;
  };
  let current: Block | undefined;
  let i = start + 1;
  for (; i < lines.length; i++) {
    const lineNo = i + 1;
    const c = new Cursor(tokenize(lines[i]!, lineNo), lineNo);
    if (c.done) continue;
    if (c.accept('}')) {
      c.end();
      i++;
      break;
    }
    const first = c.word('a declaration, block or instruction');
    if (first === 'slot') {
      const id = numbered(c.word('slot name'), 's', lineNo);
      c.expect(':');
      if (c.word("'size'") !== 'size') throw new IrParseError(`expected 'size'`, lineNo);
      const size = Number(c.word('size'));
      if (c.word("'align'") !== 'align') throw new IrParseError(`expected 'align'`, lineNo);
      const align = Number(c.word('alignment'));
      const kind = c.word('slot kind') as SlotKind;
      if (!['local', 'arg', 'temp', 'spill'].includes(kind)) throw new IrParseError(`bad slot kind '${kind}'`, lineNo);
      let type: Type | undefined;
      let name = '';
      while (!c.done) {
        const t = c.next('slot attribute');
        if (t.kind === 'str') name = t.text;
        else type = parseType(t.text, lineNo);
      }
      const slot = new Slot(id, size, align, kind, type, name);
      slots.set(id, slot);
      continue;
    }
    if (first === 'region') {
      const id = numbered(c.word('region name'), 'r', lineNo);
      c.expect(':');
      const kind = c.word('region kind') as RegionKind;
      if (!['try', 'catch', 'filter', 'finally', 'fault'].includes(kind)) throw new IrParseError(`bad region kind '${kind}'`, lineNo);
      const r = new Region(id, kind, undefined);
      regions.set(id, r);
      const attrs: [string, string][] = [];
      while (!c.done) {
        const key = c.word('region attribute');
        const valTok = c.next(`value of ${key}`);
        attrs.push([key, valTok.text]);
      }
      regionFixups.push(() => {
        for (const [key, val] of attrs) {
          if (key === 'of') r.tryRegion = regionNamed(val, lineNo);
          else if (key === 'in') r.parent = regionNamed(val, lineNo);
          else if (key === 'type') r.catchType = val;
          else if (key === 'filter') r.filter = regionNamed(val, lineNo);
          else if (key === 'entry') r.entry = blockNamed(val, lineNo);
          else throw new IrParseError(`unknown region attribute '${key}'`, lineNo);
        }
      });
      continue;
    }
    if (first.startsWith('bb')) {
      current = blockNamed(first, lineNo);
      if (fn.blocks.includes(current)) throw new IrParseError(`block ${first} defined twice`, lineNo);
      fn.blocks.push(current);
      if (c.accept('[')) {
        const rname = c.word('region');
        const b = current;
        regionFixups.push(() => (b.region = regionNamed(rname, lineNo)));
        c.expect(']');
      }
      c.expect(':');
      c.end();
      continue;
    }
    if (current === undefined) throw new IrParseError('instruction outside a block', lineNo);
    const p = parseInst(c, first, lineNo, slots);
    if (p.inst.id >= 0) {
      if (values.has(p.inst.id)) throw new IrParseError(`v${p.inst.id} defined twice`, lineNo);
      values.set(p.inst.id, p.inst);
      maxInst = Math.max(maxInst, p.inst.id);
    }
    p.inst.block = current;
    current.insts.push(p.inst);
    pending.push(p);
  }
  for (const fix of regionFixups) fix();
  fn.slots = [...slots.values()].sort((a, b) => a.id - b.id);
  fn.regions = [...regions.values()].sort((a, b) => a.id - b.id);
  for (const p of pending) {
    p.inst.args = p.args.map(name => {
      const v = values.get(numbered(name, 'v', p.line));
      if (v === undefined) throw new IrParseError(`undefined value '${name}'`, p.line);
      return v;
    });
    if (p.targets.length > 0 || OPS[p.inst.op].payload.includes('targets')) {
      p.inst.targets = p.targets.map(name => {
        const b = blocks.get(numbered(name, 'bb', p.line));
        if (b === undefined || !fn.blocks.includes(b)) throw new IrParseError(`undefined block '${name}'`, p.line);
        return b;
      });
    }
  }
  for (const b of blocks.values()) {
    if (!fn.blocks.includes(b)) throw new IrParseError(`block bb${b.id} is referenced but not defined`, start + 1);
  }
  // Instructions without a value are not numbered in the text; give them fresh ids.
  for (const p of pending) if (p.inst.id < 0) p.inst.id = ++maxInst;
  fn.reserveIds(maxInst + 1, maxBlock + 1);
  // Predecessors in block order, as computePreds does.
  for (const b of fn.blocks) b.preds = [];
  for (const b of fn.blocks) {
    const t = b.insts[b.insts.length - 1];
    if (t === undefined || !t.isTerminator) continue;
    for (const s of t.successors) if (!s.preds.includes(b)) s.preds.push(b);
  }
  return [fn, i];
}

function parseInst(c: Cursor, first: string, line: number, slots: Map<number, Slot>): Pending {
  let id = -1;
  let type: Type | undefined;
  let opText = first;
  if (first.startsWith('v') && c.accept(':')) {
    id = numbered(first, 'v', line);
    type = parseType(c.word('type'), line);
    c.expect('=');
    opText = c.word('opcode');
  }
  const [opName, ...mods] = opText.split('.');
  if (opName === undefined || !isOp(opName)) throw new IrParseError(`unknown opcode '${opText}'`, line);
  const op: Op = opName;
  const info = OPS[op];
  if (info.result !== 'none' && info.result !== 'optional' && id < 0) throw new IrParseError(`${op} must define a value`, line);
  if (info.result === 'none' && id >= 0) throw new IrParseError(`${op} does not define a value`, line);
  const inst = new Inst(id, op, type, []);
  const args: string[] = [];
  const targets: string[] = [];

  // Modifiers.
  let convTo: string | undefined;
  let ovf = false;
  let un = false;
  for (const m of mods) {
    if (m === 'volatile') inst.volatile = true;
    else if (m === 'readonly' && op === 'load') inst.readonly = true;
    else if (op === 'cmp' && isCond(m)) inst.cond = m;
    else if ((op === 'load' || op === 'store') && isMemType(m)) inst.mem = m;
    else if (op === 'conv' && isNumKind(m) && convTo === undefined) convTo = m;
    else if (op === 'conv' && m === 'ovf') ovf = true;
    else if (op === 'conv' && m === 'un') un = true;
    else throw new IrParseError(`bad modifier '.${m}' on ${op}`, line);
  }
  if (op === 'conv') {
    if (convTo === undefined || !isNumKind(convTo)) throw new IrParseError('conv needs a target kind', line);
    const spec: ConvSpec = { to: convTo, ovf, un };
    inst.conv = spec;
    if (type !== numKindType(convTo)) throw new IrParseError(`conv.${convTo} must have type ${numKindType(convTo)}`, line);
  }
  if (op === 'cmp' && inst.cond === undefined) throw new IrParseError('cmp needs a condition', line);
  if ((op === 'load' || op === 'store') && inst.mem === undefined) throw new IrParseError(`${op} needs a memory type`, line);
  if (op === 'load' && type !== memValueType(inst.mem!)) throw new IrParseError(`load.${inst.mem} must have type ${memValueType(inst.mem!)}`, line);

  const valueList = (close: string) => {
    if (c.accept(close)) return;
    do args.push(c.word('value'));
    while (c.accept(','));
    c.expect(close);
  };
  const memOperand = () => {
    c.expect('[');
    args.push(c.word('address'));
    if (c.accept('+')) inst.imm = Number(c.word('offset'));
    else if (c.accept('-')) inst.imm = -Number(c.word('offset'));
    else {
      const t = c.peek();
      if (t !== undefined && t.kind === 'word' && /^[-+]\d+$/.test(t.text)) inst.imm = Number(c.word('offset'));
    }
    c.expect(']');
  };
  const symbolOperand = (): string => {
    const t = c.next('symbol');
    if (t.kind !== 'sym') throw new IrParseError(`expected a symbol, found '${t.text}'`, line);
    return t.text;
  };
  const slotOperand = (): Slot => {
    const name = c.word('slot');
    const s = slots.get(numbered(name, 's', line));
    if (s === undefined) throw new IrParseError(`undefined slot '${name}' (declare slots before blocks)`, line);
    return s;
  };
  const callArgs = () => {
    const byval: number[] = [];
    if (!c.accept(')')) {
      do {
        if (c.acceptWord('byval')) byval.push(Number(c.word('byval size')));
        else byval.push(0);
        args.push(c.word('argument'));
      } while (c.accept(','));
      c.expect(')');
    }
    if (byval.some(s => s > 0)) inst.byval = byval;
  };

  switch (op) {
    case 'param':
      inst.imm = Number(c.word('parameter index'));
      break;
    case 'const': {
      let text = c.word('constant');
      if ((text === '-' || text === '+') && !c.done) text += c.word('constant');
      inst.imm = parseNumber(text, type!, line);
      break;
    }
    case 'symaddr':
      inst.sym = symbolOperand();
      if (c.accept('+')) inst.imm = Number(c.word('offset'));
      else if (c.accept('-')) inst.imm = -Number(c.word('offset'));
      else if (!c.done) inst.imm = Number(c.word('offset'));
      break;
    case 'slotaddr':
    case 'ldslot':
      inst.slot = slotOperand();
      break;
    case 'stslot':
      inst.slot = slotOperand();
      c.expect(',');
      args.push(c.word('value'));
      break;
    case 'load':
      memOperand();
      break;
    case 'store':
      memOperand();
      c.expect(',');
      args.push(c.word('value'));
      break;
    case 'memcpy':
      args.push(c.word('destination'));
      c.expect(',');
      args.push(c.word('source'));
      c.expect(',');
      inst.imm = Number(c.word('size'));
      break;
    case 'memzero':
      args.push(c.word('destination'));
      c.expect(',');
      inst.imm = Number(c.word('size'));
      break;
    case 'call':
      inst.sym = symbolOperand();
      c.expect('(');
      callArgs();
      break;
    case 'calli':
      args.push(c.word('function address'));
      c.expect('(');
      callArgs();
      break;
    case 'intrinsic':
      inst.sym = symbolOperand();
      c.expect('(');
      valueList(')');
      break;
    case 'phi':
      do {
        c.expect('[');
        targets.push(c.word('block'));
        c.expect(':');
        args.push(c.word('value'));
        c.expect(']');
      } while (c.accept(','));
      break;
    case 'switch':
      args.push(c.word('index'));
      c.expect(',');
      targets.push(c.word('default block'));
      c.expect('[');
      if (!c.accept(']')) {
        do targets.push(c.word('case block'));
        while (c.accept(','));
        c.expect(']');
      }
      break;
    default:
      // Plain operand list: values first, then blocks.
      while (!c.done) {
        const w = c.word('operand');
        (w.startsWith('bb') ? targets : args).push(w);
        if (!c.accept(',')) break;
      }
  }
  c.end();
  return { inst, args, targets, line };
}
