// Branch relaxation of one section, done the way GNU as does it (gas/write.c relax_segment
// and relax_frag) so that our branch sizes match `as` byte for byte, alignment included.
//
// A section is a list of frags: a fixed part (bytes that never change) closed by an optional
// variable tail — a branch to a label (short rel8 or long rel32 form) or an alignment
// (padding that depends on the address). The algorithm:
//   1. first guess: every branch to a label of this section is short; branches to other
//      sections are long from the start; alignments take the padding at their guessed address.
//   2. passes in address order: each frag moves by `stretch`, the growth accumulated so far
//      in the pass; an alignment re-pads at its new address; a short branch whose target no
//      longer fits a disp8 becomes long (never back). Repeat until a pass changes nothing.
// A forward target not yet reached in the pass is assumed to move by `stretch` as well,
// unless an alignment lies in between (it may absorb the stretch): then the old address is
// used, and a target that would seem to lie behind the branch is left for the next pass.
// Branch distances are measured from the end of the short opcode, as as does (its fixed part
// holds the opcode; the displacement is the variable part).

export const TAIL_NONE = 0;
export const TAIL_BRANCH = 1;
export const TAIL_ALIGN = 2;

export interface RelaxInput {
  /** Size of each frag's fixed part. */
  readonly fixSize: ArrayLike<number>;
  /** TAIL_NONE / TAIL_BRANCH / TAIL_ALIGN per frag. */
  readonly tail: ArrayLike<number>;
  /** Branch: opcode length of the short form; alignment: log2 of the boundary. */
  readonly arg: ArrayLike<number>;
  /** Branch: size of the short and long forms. */
  readonly shortSize: ArrayLike<number>;
  readonly longSize: ArrayLike<number>;
  /** Branch: frag of the target label, or -1 when it lies in another section (always long). */
  readonly targetFrag: ArrayLike<number>;
  /** Branch: offset of the target label within its frag. */
  readonly targetOffset: ArrayLike<number>;
}

export interface RelaxResult {
  /** Final section offset of each frag. */
  readonly address: Int32Array;
  /** Final size of each frag's tail (padding or branch). */
  readonly tailSize: Int32Array;
  /** 1 where a branch took its long form. */
  readonly long: Uint8Array;
  /** Section size. */
  readonly size: number;
}

const padding = (address: number, log2: number) => ((-address >>> 0) & ((1 << log2) - 1)) >>> 0;

export function relax(input: RelaxInput): RelaxResult {
  const { fixSize, tail, arg, shortSize, longSize, targetFrag, targetOffset } = input;
  const n = fixSize.length;
  const address = new Int32Array(n);
  const tailSize = new Int32Array(n);
  const long = new Uint8Array(n);
  // Region: number of alignments before the frag (gas's fr->region).
  const region = new Int32Array(n);

  let at = 0;
  let reg = 0;
  for (let f = 0; f < n; f++) {
    region[f] = reg;
    address[f] = at;
    at += fixSize[f];
    if (tail[f] === TAIL_ALIGN) {
      tailSize[f] = padding(at, arg[f]);
      reg++;
    } else if (tail[f] === TAIL_BRANCH) {
      if (targetFrag[f] < 0) long[f] = 1;
      tailSize[f] = long[f] ? longSize[f] : shortSize[f];
    }
    at += tailSize[f];
  }

  let stretched = true;
  while (stretched) {
    stretched = false;
    let stretch = 0;
    for (let f = 0; f < n; f++) {
      const was = address[f];
      const a = (address[f] = was + stretch);
      let growth = 0;
      if (tail[f] === TAIL_ALIGN) {
        const pad = padding(a + fixSize[f], arg[f]);
        growth = pad - tailSize[f];
        tailSize[f] = pad;
      } else if (tail[f] === TAIL_BRANCH && !long[f]) {
        const t = targetFrag[f];
        let target = address[t] + targetOffset[f];
        const from = a + fixSize[f] + arg[f];
        let decide = true;
        // Frags after this one have not moved yet in this pass (gas: relax_marker differs).
        if (stretch !== 0 && t > f) {
          if (stretch < 0 || region[t] === region[f]) target += stretch;
          else if (target < from) decide = false;
        }
        const aim = target - from;
        if (decide && (aim < -127 || aim > 128)) {
          long[f] = 1;
          growth = longSize[f] - shortSize[f];
          tailSize[f] = longSize[f];
        }
      }
      if (growth !== 0) {
        stretch += growth;
        stretched = true;
      }
    }
  }
  const last = n - 1;
  return { address, tailSize, long, size: n === 0 ? 0 : address[last] + fixSize[last] + tailSize[last] };
}
