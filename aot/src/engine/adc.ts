// Architecture Dependent Code (ADC), after SharpOS: kernel code calls methods marked
// [ADCStub] in the ADC interface namespace (named by [assembly: ADCInterface("Ns")]);
// each architecture provides a layer ([assembly: ADCLayer("Ns.X86", "x86")]) with a type
// of the same relative name and a method of the same name and signature. The compiler
// rewrites every call to a stub into a call to the selected layer's method before the
// call is lowered, so the stub's own body (if any) is never compiled.

import type { AssemblyDefinition, CustomAttribute, MethodDefinition, TypeDefinition } from 'cecil-ts';
import { fail } from '../diagnostics.ts';
import type { NamedType, TypeSystem } from './types.ts';

export const ATTR = {
  adcStub: 'Sharpaot.Attributes.ADCStubAttribute',
  adcInterface: 'Sharpaot.Attributes.ADCInterfaceAttribute',
  adcLayer: 'Sharpaot.Attributes.ADCLayerAttribute',
  kernelMain: 'Sharpaot.Attributes.KernelMainAttribute',
  include: 'Sharpaot.Attributes.IncludeAttribute',
} as const;

export function hasAttribute(attrs: readonly CustomAttribute[], fullName: string): boolean {
  return attrs.some(a => a.attributeType.fullName === fullName);
}

interface Layer {
  readonly namespace: string;
  readonly arch: string;
}

export class AdcMap {
  private readonly interfaces: string[] = [];
  private readonly layers: Layer[] = [];
  private readonly types = new Map<string, TypeDefinition>();

  constructor(
    assemblies: readonly AssemblyDefinition[],
    private readonly arch: string,
    private readonly typeSystem: TypeSystem,
  ) {
    for (const asm of assemblies) {
      for (const a of asm.customAttributes) {
        const args = a.constructorArguments.map(x => x.value);
        if (a.attributeType.fullName === ATTR.adcInterface && typeof args[0] === 'string') this.interfaces.push(args[0]);
        if (a.attributeType.fullName === ATTR.adcLayer && typeof args[0] === 'string' && typeof args[1] === 'string') {
          this.layers.push({ namespace: args[0], arch: args[1].toLowerCase() });
        }
      }
      for (const t of asm.mainModule.getTypes()) this.types.set(t.fullName, t);
    }
  }

  /** Architectures that have a layer, for messages. */
  get layerArchs(): string[] {
    return [...new Set(this.layers.map(l => l.arch))];
  }

  isStub(def: MethodDefinition): boolean {
    return hasAttribute(def.customAttributes, ATTR.adcStub);
  }

  /** The layer method implementing an [ADCStub] method for the target architecture. */
  implementation(def: MethodDefinition, owner: NamedType, where: { method: string; ilOffset: number }): { def: MethodDefinition; owner: NamedType } {
    const stubType = owner.def;
    const ns = outermost(stubType).namespace;
    const iface = this.interfaces.filter(i => ns === i || ns.startsWith(i + '.')).sort((a, b) => b.length - a.length)[0];
    const stub = `${owner.key}::${def.name}`;
    if (iface === undefined) {
      fail('SA4002', `[ADCStub] method ${stub} is not in an ADC interface namespace`, {
        ...where,
        hint: `add [assembly: ADCInterface("${ns}")] and a layer [assembly: ADCLayer("${ns}.X86", "x86")]`,
      });
    }
    const layer = this.layers.find(l => l.arch === this.arch);
    if (layer === undefined) {
      const have = this.layerArchs;
      fail('SA4002', `no ADC layer for architecture '${this.arch}' (interface ${iface})${have.length ? `; layers exist for ${have.join(', ')}` : ''}`, {
        ...where,
        hint: `add [assembly: ADCLayer("${iface}.X86", "${this.arch}")] with types mirroring ${iface}`,
      });
    }
    const implName = layer.namespace + stubType.fullName.slice(iface.length);
    const implType = this.types.get(implName);
    const candidates = implType?.methods.filter(m => m.name === def.name && m.isStatic === def.isStatic && m.parameters.length === def.parameters.length) ?? [];
    const want = def.parameters.map(p => this.typeSystem.fromRef(p.parameterType, { typeArgs: owner.args, methodArgs: [] }).key);
    const impl = candidates.find(m => m.parameters.every((p, i) => this.typeSystem.fromRef(p.parameterType, { typeArgs: owner.args, methodArgs: [] }).key === want[i]));
    if (implType === undefined || impl === undefined) {
      fail('SA4003', `ADC stub ${stub}(${want.join(',')}) has no implementation ${implName}::${def.name} in layer '${layer.namespace}' for ${this.arch}`, where);
    }
    return { def: impl, owner: this.typeSystem.named(implType, owner.args) };
  }
}

function outermost(t: TypeDefinition): TypeDefinition {
  let o = t;
  while (o.declaringType !== undefined) o = o.declaringType.resolve();
  return o;
}
