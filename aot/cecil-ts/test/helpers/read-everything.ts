// Touches every part of an assembly that cecil-ts can decode: every table row through the
// object model, every signature, custom attribute (with arguments), constant, FieldRVA
// value, method body (instructions, locals, handlers) and, on request, every resolution.
// It reads structure, not names: building display strings is not decoding. Used by the
// mutation test and the benchmark. Returns counts of what it decoded.

import { ResolutionError, Table, type AssemblyDefinition, type CustomAttribute, type TypeReference } from '../../src/index.ts';

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
      tolerate(() => [a.constructorArguments, a.fields, a.properties]);
    }
  };
  const type = (t: TypeReference | undefined) => void t?.metadataType;
  void [asm.name.publicKeyToken, m.mvid, m.kind, m.runtimeVersion, m.entryPoint, m.assemblyReferences, m.moduleReferences, m.exportedTypes];
  attributes(asm.customAttributes);
  attributes(m.customAttributes);
  for (const t of m.getTypes()) {
    counts.types++;
    type(t.baseType);
    void [t.isValueType, t.packingSize, t.classSize];
    for (const i of t.interfaces) {
      type(i.interfaceType);
      attributes(i.customAttributes);
    }
    for (const g of t.genericParameters) g.constraints.forEach(type);
    attributes(t.customAttributes);
    for (const p of t.properties) {
      type(p.propertyType);
      attributes(p.customAttributes);
    }
    for (const e of t.events) {
      type(e.eventType);
      attributes(e.customAttributes);
    }
    for (const f of t.fields) {
      void [f.constant, f.offset];
      if (f.rva !== 0) tolerate(() => f.initialValue);
      attributes(f.customAttributes);
    }
    for (const me of t.methods) {
      counts.methods++;
      void [me.overrides, me.semanticsAttributes, me.pInvokeInfo];
      for (const g of me.genericParameters) g.constraints.forEach(type);
      attributes(me.customAttributes);
      for (const p of me.parameters) {
        if (p.hasConstant) void p.constant;
        attributes(p.customAttributes);
      }
      const body = me.body;
      if (body !== undefined) counts.instructions += body.instructions.length + body.variables.length + body.exceptionHandlers.length;
    }
  }
  // Every row of every table that names an object.
  for (const table of [Table.TypeRef, Table.TypeSpec, Table.MemberRef, Table.MethodSpec, Table.CustomAttribute, Table.ModuleRef, Table.AssemblyRef]) {
    for (let r = 1; r <= m.image.rowCount(table); r++) {
      const o = m.lookupToken((table << 24) | r) as { resolve?: () => unknown };
      if (table === Table.CustomAttribute) attributes([o as unknown as CustomAttribute]);
      if (resolve && o?.resolve !== undefined) tolerate(() => o.resolve!());
    }
  }
  return counts;
}
