// Magic numbers for 32-bit division by a constant (Hacker's Delight, 2nd ed., section
// 10-4 figure 10-1 `magic` for signed and section 10-8 figure 10-2 `magicu` for
// unsigned divisors), transcribed with bigint arithmetic masked to 32 bits where the
// book relies on unsigned int wrap-around. simplify.ts emits the matching sequences.

const MASK = 0xffff_ffffn;
const u32 = (x: bigint) => x & MASK;

export interface SignedMagic {
  /** Multiplier, as a signed 32-bit value. */
  readonly m: number;
  /** Shift applied to the high product. */
  readonly s: number;
}

/** For a signed divisor d with 2 <= |d| < 2^31 (not a power of two). */
export function signedMagic(d: number): SignedMagic {
  const two31 = 0x8000_0000n;
  const ad = BigInt(Math.abs(d));
  const t = two31 + (BigInt(d >>> 0) >> 31n);
  const anc = u32(t - 1n - (t % ad));
  let p = 31;
  let q1 = two31 / anc;
  let r1 = u32(two31 - q1 * anc);
  let q2 = two31 / ad;
  let r2 = u32(two31 - q2 * ad);
  let delta: bigint;
  do {
    p++;
    q1 = u32(2n * q1);
    r1 = u32(2n * r1);
    if (r1 >= anc) {
      q1 = u32(q1 + 1n);
      r1 = u32(r1 - anc);
    }
    q2 = u32(2n * q2);
    r2 = u32(2n * r2);
    if (r2 >= ad) {
      q2 = u32(q2 + 1n);
      r2 = u32(r2 - ad);
    }
    delta = u32(ad - r2);
  } while (q1 < delta || (q1 === delta && r1 === 0n));
  let m = Number(BigInt.asIntN(32, q2 + 1n));
  if (d < 0) m = -m | 0;
  return { m, s: p - 32 };
}

export interface UnsignedMagic {
  /** Multiplier, as 32-bit pattern (signed form). */
  readonly m: number;
  readonly s: number;
  /** The multiplier needs 33 bits: use the add-and-shift sequence. */
  readonly add: boolean;
}

/** For an unsigned divisor 2 <= d < 2^31 (not a power of two). */
export function unsignedMagic(d: number): UnsignedMagic {
  const dd = BigInt(d >>> 0);
  let add = false;
  const nc = u32(MASK - (u32(-dd) % dd));
  let p = 31;
  let q1 = 0x8000_0000n / nc;
  let r1 = u32(0x8000_0000n - q1 * nc);
  let q2 = 0x7fff_ffffn / dd;
  let r2 = u32(0x7fff_ffffn - q2 * dd);
  let delta: bigint;
  do {
    p++;
    if (r1 >= u32(nc - r1)) {
      q1 = u32(2n * q1 + 1n);
      r1 = u32(2n * r1 - nc);
    } else {
      q1 = u32(2n * q1);
      r1 = u32(2n * r1);
    }
    if (u32(r2 + 1n) >= u32(dd - r2)) {
      if (q2 >= 0x7fff_ffffn) add = true;
      q2 = u32(2n * q2 + 1n);
      r2 = u32(2n * r2 + 1n - dd);
    } else {
      if (q2 >= 0x8000_0000n) add = true;
      q2 = u32(2n * q2);
      r2 = u32(2n * r2 + 1n);
    }
    delta = u32(dd - 1n - r2);
  } while (p < 64 && (q1 < delta || (q1 === delta && r1 === 0n)));
  return { m: Number(BigInt.asIntN(32, q2 + 1n)), s: p - 32, add };
}
