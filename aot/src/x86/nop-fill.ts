// The padding GNU as writes for `.p2align` in 32-bit code (i386_generate_nops with the
// generic 32-bit patterns), so that alignment matches `as` byte for byte:
//   1..7 bytes  one of the patterns below (5 is the 4-byte lea followed by nop);
//   8..20       7-byte lea esi,[esi+eiz*1+0] repeated, then the pattern for the rest;
//   > 20        a jump over the padding (jmp rel8 when the rest fits a disp8, else jmp
//               rel32) followed by that fill — executing 3+ nops costs more than a jump.

const PATTERNS: readonly (readonly number[])[] = [
  [],
  [0x90], // nop
  [0x66, 0x90], // xchg ax, ax
  [0x8d, 0x76, 0x00], // lea esi, [esi+0]
  [0x8d, 0x74, 0x26, 0x00], // lea esi, [esi+eiz*1+0]
  [0x8d, 0x74, 0x26, 0x00, 0x90], // lea esi, [esi+eiz*1+0]; nop
  [0x8d, 0xb6, 0x00, 0x00, 0x00, 0x00], // lea esi, [esi+0x0] (disp32)
  [0x8d, 0xb4, 0x26, 0x00, 0x00, 0x00, 0x00], // lea esi, [esi+eiz*1+0x0] (disp32)
];
const LONGEST = PATTERNS.length - 1;
/** Above this many bytes as jumps over the padding instead of executing it. */
const MAX_EXECUTED_PADDING = 20;

/** Writes `n` bytes of code padding into `out` at `at`. */
export function writeCodePadding(out: Uint8Array, at: number, n: number): void {
  if (n > MAX_EXECUTED_PADDING) {
    if (n - 2 <= 0x7f) {
      out[at] = 0xeb; // jmp rel8
      out[at + 1] = n - 2;
      fill(out, at + 2, n - 2);
    } else {
      const rest = n - 5;
      out[at] = 0xe9; // jmp rel32
      out[at + 1] = rest;
      out[at + 2] = rest >>> 8;
      out[at + 3] = rest >>> 16;
      out[at + 4] = rest >>> 24;
      fill(out, at + 5, rest);
    }
    return;
  }
  fill(out, at, n);
}

function fill(out: Uint8Array, at: number, n: number): void {
  while (n >= LONGEST) {
    out.set(PATTERNS[LONGEST], at);
    at += LONGEST;
    n -= LONGEST;
  }
  out.set(PATTERNS[n], at);
}
