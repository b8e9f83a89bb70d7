// The method table: what the runtime knows about compiled code, for exception handling
// and stack traces. One global table, sorted by address, and per method an EH table:
//
//   __sharpaot_method_table:  u32 count, then per method (16 bytes):
//       +0 start address  +4 end address  +8 String* display name  +12 EH table* or 0
//   EH table:  u32 regionCount, then per region (24 bytes):
//       +0 kind (0 try, 1 catch, 2 filter, 3 finally, 4 fault)
//       +4 parent region index or -1      +8 protected try region index or -1
//       +12 TypeInfo* caught type or 0   +16 handler/filter entry address or 0
//       +20 filter region index or -1 (a catch with a filter)
//     then u32 runCount and runs (8 bytes): +0 start address, +4 region index or -1;
//     each run ends where the next starts, the last at the method's end address.
// korlib's Sharpaot.Runtime.ExceptionSupport reads these; keep both in step.

import type { Region } from '../ir/ir.ts';
import type { Assembler } from '../x86/assembler.ts';

export const METHOD_TABLE_SYMBOL = '__sharpaot_method_table';

const KIND: Readonly<Record<Region['kind'], number>> = { try: 0, catch: 1, filter: 2, finally: 3, fault: 4 };

export interface MethodRecord {
  readonly symbol: string;
  readonly displayName: string;
  readonly endLabel: string;
  readonly regions: readonly Region[];
  /** Handler entry label by region id. */
  readonly entryLabel: (r: Region) => string | undefined;
  readonly runs: readonly { readonly label: string; readonly region: number }[];
}

export class MethodTable {
  private readonly records: MethodRecord[] = [];

  add(r: MethodRecord): void {
    this.records.push(r);
  }

  /** Emits the EH tables and the method table; `nameSymbol` gives the string object of a name. */
  emit(asm: Assembler, nameSymbol: (name: string) => string): void {
    asm.section('.rdata');
    const ehLabels = new Map<MethodRecord, string>();
    for (const r of this.records) {
      if (r.regions.length === 0) continue;
      const label = `${r.symbol}$eh`;
      ehLabels.set(r, label);
      const index = new Map(r.regions.map((region, i) => [region.id, i]));
      const at = (x: Region | undefined) => (x === undefined ? -1 : index.get(x.id) ?? -1);
      asm.align(4);
      asm.label(label, { type: 'object' });
      asm.u32(r.regions.length);
      for (const region of r.regions) {
        asm.u32(KIND[region.kind]);
        asm.u32(at(region.parent) >>> 0);
        asm.u32(at(region.tryRegion) >>> 0);
        if (region.catchType !== undefined) asm.addr32(region.catchType);
        else asm.u32(0);
        const entry = r.entryLabel(region);
        if (entry !== undefined) asm.addr32(entry);
        else asm.u32(0);
        asm.u32(at(region.filter) >>> 0);
      }
      asm.u32(r.runs.length);
      for (const run of r.runs) {
        asm.addr32(run.label);
        asm.u32((run.region < 0 ? -1 : index.get(run.region) ?? -1) >>> 0);
      }
      asm.endSymbol(label);
    }
    asm.align(4);
    asm.label(METHOD_TABLE_SYMBOL, { type: 'object', global: true });
    asm.u32(this.records.length);
    for (const r of this.records) {
      asm.addr32(r.symbol);
      asm.addr32(r.endLabel);
      asm.addr32(nameSymbol(r.displayName));
      const eh = ehLabels.get(r);
      if (eh !== undefined) asm.addr32(eh);
      else asm.u32(0);
    }
    asm.endSymbol(METHOD_TABLE_SYMBOL);
  }
}
