// Assembly names (ECMA-335 II.22.2 Assembly, II.22.5 AssemblyRef): name, version, culture
// and public key token, printed as "Name, Version=1.2.3.4, Culture=neutral, PublicKeyToken=...".

import { createHash } from 'node:crypto';

/** AssemblyFlags.PublicKey: the blob holds the full public key, not its token. */
const PUBLIC_KEY_FLAG = 0x0001;

export interface Version {
  readonly major: number;
  readonly minor: number;
  readonly build: number;
  readonly revision: number;
}

export class AssemblyNameReference {
  readonly kind = 'assemblyNameReference' as const;
  readonly publicKeyToken: Uint8Array;

  constructor(
    readonly name: string,
    readonly version: Version,
    readonly culture: string,
    /** AssemblyFlags. */
    readonly attributes: number,
    /** The PublicKeyOrToken blob as stored. */
    readonly publicKey: Uint8Array,
    readonly hashValue: Uint8Array = new Uint8Array(0),
  ) {
    this.publicKeyToken = (attributes & PUBLIC_KEY_FLAG) !== 0 && publicKey.length > 0 ? publicKeyTokenOf(publicKey) : publicKey;
  }

  get versionString(): string {
    const v = this.version;
    return `${v.major}.${v.minor}.${v.build}.${v.revision}`;
  }

  get fullName(): string {
    const token = this.publicKeyToken.length === 0 ? 'null' : Array.from(this.publicKeyToken, b => b.toString(16).padStart(2, '0')).join('');
    return `${this.name}, Version=${this.versionString}, Culture=${this.culture === '' ? 'neutral' : this.culture}, PublicKeyToken=${token}`;
  }

  toString(): string {
    return this.fullName;
  }
}

export class AssemblyNameDefinition extends AssemblyNameReference {
  constructor(
    name: string,
    version: Version,
    culture: string,
    attributes: number,
    publicKey: Uint8Array,
    readonly hashAlgorithm: number,
  ) {
    super(name, version, culture, attributes | (publicKey.length > 0 ? PUBLIC_KEY_FLAG : 0), publicKey);
  }
}

/** ECMA-335 II.6.2.1.3: the token is the last 8 bytes of the SHA-1 of the key, reversed. */
function publicKeyTokenOf(key: Uint8Array): Uint8Array {
  const hash = createHash('sha1').update(key).digest();
  return Uint8Array.from(hash.subarray(hash.length - 8)).reverse();
}
