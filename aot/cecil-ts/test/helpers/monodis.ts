// The oracle: runs `monodis` (Mono's disassembler) and parses what it prints, so tests can
// compare cecil-ts with an independent reader. Each dump is run once per process and
// cached. Parsing keeps monodis's own text; `normalizeOperand` removes only presentation
// differences (quotes, spacing, generic parameter names) before comparison.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const cache = new Map<string, Promise<string>>();

/** stdout of `monodis [args] file` (cached per argument list). */
export function monodis(args: string[]): Promise<string> {
  const key = args.join('\0');
  let p = cache.get(key);
  if (p === undefined) {
    p = run('monodis', args, { maxBuffer: 1 << 30 }).then(r => r.stdout);
    cache.set(key, p);
  }
  return p;
}

export interface MonodisInstruction {
  readonly offset: number;
  readonly opcode: string;
  /** Operand text as printed (continuation lines joined with '\n'). */
  readonly operand: string;
}

/** Instructions of every method body in a full disassembly, keyed by MethodDef row ("// method line N"). */
export function parseDisassembly(text: string): Map<number, MonodisInstruction[]> {
  const methods = new Map<number, MonodisInstruction[]>();
  let current: MonodisInstruction[] | undefined;
  let pending: { offset: number; opcode: string; lines: string[] } | undefined;
  const flush = () => {
    if (pending !== undefined && current !== undefined) current.push({ offset: pending.offset, opcode: pending.opcode, operand: pending.lines.join('\n') });
    pending = undefined;
  };
  for (const line of text.split('\n')) {
    // Multi-line operands (switch targets, bytearray strings) end at a ')' outside the trailing comment.
    if (pending !== undefined && (pending.opcode === 'switch' || pending.lines[0] === 'bytearray (') && !pending.lines[pending.lines.length - 1]!.replace(/\/\/.*$/, '').includes(')')) {
      pending.lines.push(line.trim());
      continue;
    }
    const method = /^\s*\/\/ method line (\d+)$/.exec(line);
    if (method !== null) {
      flush();
      current = [];
      methods.set(Number(method[1]), current);
      continue;
    }
    const m = /^\s*IL_([0-9a-f]{4,}):  (\S+)(?: (.*))?$/.exec(line);
    if (m !== null) {
      flush();
      pending = { offset: Number.parseInt(m[1]!, 16), opcode: m[2]!, lines: [(m[3] ?? '').trimEnd()] };
      if (pending.opcode === 'switch' || pending.lines[0] === 'bytearray (') continue;
      flush();
    } else if (/end of method/.test(line)) {
      flush();
      current = undefined;
    }
  }
  flush();
  return methods;
}

/** Removes presentation-only differences: quoting, [out], spacing, generic parameter names. */
export function normalizeOperand(s: string): string {
  return s
    .replace(/'/g, '')
    .replace(/\[out\] /g, '')
    .replace(/(!!?)[A-Za-z_][A-Za-z0-9_]*/g, '$1G')
    .replace(/(!!?)\d+/g, '$1G')
    .replace(/\s+/g, ' ')
    .replace(/ ?, ?/g, ',')
    .replace(/ \(/g, '(')
    .replace(/ ?& ?/g, '&')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .replace(/\b0\.\.\.(?=[,\]])/g, '')
    .trim();
}

/** The string an ldstr operand denotes: a quoted literal or a bytearray of UTF-16LE (+ flag byte). */
export function ldstrValue(operand: string): string {
  const escapes: Record<string, string> = { t: '\t', n: '\n', r: '\r' };
  if (operand.startsWith('"')) return operand.slice(1, -1).replace(/\\(.)/g, (_, c: string) => escapes[c] ?? c);
  const hex = operand.replace(/\/\/.*$/gm, '').replace(/bytearray \(|\)/g, '').trim().split(/\s+/).filter(x => /^[0-9a-f]{2}$/.test(x));
  const bytes = Uint8Array.from(hex.map(h => Number.parseInt(h, 16)));
  return new TextDecoder('utf-16le').decode(bytes.subarray(0, bytes.length & ~1));
}

/** A numeric operand as monodis prints it: decimal, 0x hex, %.17g floats, or (xx xx ..) raw bytes. */
export function numberValue(operand: string, single: boolean): number | bigint {
  if (operand.startsWith('(')) {
    const b = Uint8Array.from(operand.replace(/[()]/g, '').trim().split(/\s+/).map(h => Number.parseInt(h, 16)));
    const v = new DataView(b.buffer);
    return single ? v.getFloat32(0, true) : v.getFloat64(0, true);
  }
  if (operand.startsWith('0x')) return BigInt(operand);
  return Number(operand);
}
