// Touches every part of an assembly that cecil-ts can decode: every table row through the
// object model, every signature, custom attribute (with arguments), constant, FieldRVA
// value, method body (instructions, locals, handlers) and, separately, every resolution.
// Used by the mutation test and the benchmark. Returns counts of what it decoded.

import { ResolutionError, Table, type AssemblyDefinition, type CustomAttribute } from '../../src/index.ts';

export interface ReadCounts {
  types: number;
  methods: number;
  instructions: number;
  attributes: number;
  /** Resolutions that failed with ResolutionError (a reference the resolver cannot find). */
  unresolved: number;
}

export function readEverything(asm: AssemblyDefinition, resolve: boolean): ReadCounts {
  const m = asm.mainModule;
  const counts: ReadCounts = { types: 0, methods: 0, instructions: 0, attributes: 0, unresolved: 0 };
  /** Runs a step that may legitimately fail to find a referenced assembly or member. */
  const tolerate = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (!(e instanceof ResolutionError)) throw e;
      counts.unresolved++;
    }
  };
  const attributes = (list: readonly CustomAttribute[]) => {
    for (const a of list) {
      counts.attributes++;
      void a.attributeType.fullName;
      tolerate(() => [a.constructorArguments, a.fields, a.properties]);
    }
  };
  void [asm.fullName, m.mvid, m.kind, m.runtimeVersion, m.entryPoint?.fullName, m.assemblyReferences, m.moduleReferences, m.exportedTypes];
  attributes(asm.customAttributes);
  attributes(m.customAttributes);
  for (const t of m.getTypes()) {
    counts.types++;
    void [t.fullName, t.baseType?.fullName, t.isValueType, t.isEnum, t.packingSize, t.classSize, t.properties.map(p => p.fullName), t.events.map(e => e.fullName)];
    for (const i of t.interfaces) {
      void i.interfaceType.fullName;
      attributes(i.customAttributes);
    }
    for (const g of t.genericParameters) void g.constraints.map(c => c.fullName);
    attributes(t.customAttributes);
    for (const p of t.properties) attributes(p.customAttributes);
    for (const e of t.events) attributes(e.customAttributes);
    for (const f of t.fields) {
      void [f.fullName, f.constant, f.offset, f.rva];
      tolerate(() => f.initialValue);
      attributes(f.customAttributes);
    }
    for (const me of t.methods) {
      counts.methods++;
      void [me.fullName, me.overrides.map(o => o.fullName), me.semanticsAttributes, me.pInvokeInfo];
      for (const g of me.genericParameters) void g.constraints.map(c => c.fullName);
      attributes(me.customAttributes);
      for (const p of me.parameters) {
        void p.constant;
        attributes(p.customAttributes);
      }
      const body = me.body;
      if (body !== undefined) {
        counts.instructions += body.instructions.length;
        void [body.variables.map(v => v.variableType.fullName), body.exceptionHandlers.map(h => h.catchType?.fullName)];
        for (const i of body.instructions) {
          const op = i.operand as { fullName?: string } | null;
          if (op !== null && typeof op === 'object' && 'fullName' in op) void op.fullName;
        }
      }
    }
  }
  // Every row of every table that names an object.
  for (const table of [Table.TypeRef, Table.TypeSpec, Table.MemberRef, Table.MethodSpec, Table.CustomAttribute, Table.ModuleRef, Table.AssemblyRef]) {
    for (let r = 1; r <= m.image.rowCount(table); r++) {
      const o = m.lookupToken((table << 24) | r) as { fullName?: string; resolve?: () => unknown; constructorArguments?: unknown };
      void o?.fullName;
      if (table === Table.CustomAttribute) attributes([o as unknown as CustomAttribute]);
      if (resolve && o?.resolve !== undefined) tolerate(() => o.resolve!());
    }
  }
  return counts;
}
