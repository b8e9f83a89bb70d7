// The two error kinds of cecil-ts. BadImageFormatError: the bytes are not a well-formed
// ECMA-335 image (truncated, bad index, out-of-range offset, cycle); it names what was
// expected and the byte offset in the file. ResolutionError: a reference that the
// resolver cannot find (assembly, type or member).

export class BadImageFormatError extends Error {
  /** Byte offset in the file where the problem was found; -1 if not tied to one place. */
  readonly offset: number;
  constructor(message: string, offset = -1) {
    super(offset >= 0 ? `${message} (at file offset 0x${offset.toString(16)})` : message);
    this.name = 'BadImageFormatError';
    this.offset = offset;
  }
}

export class ResolutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResolutionError';
  }
}

export function badImage(message: string, offset = -1): never {
  throw new BadImageFormatError(message, offset);
}
