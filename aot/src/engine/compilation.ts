// The compilation driver: loads the assemblies, finds the entry point, and compiles
// everything reachable from it with a worklist — methods (IL → IR → passes → instruction
// selection → register allocation → machine code), the type information, vtables,
// static-field blocks and string literals they refer to, the type initializers, the
// entry stub and the long-arithmetic helpers — into one assembler, then links the image.
//
// Every method is compiled at most once; diagnostics of all methods are collected and
// reported together. Output order follows discovery order, which depends only on the
// inputs, so the same inputs give the same image.

import {
  DefaultAssemblyResolver,
  readAssembly,
  type AssemblyDefinition,
  type CallSite,
  type FieldReference,
  type MethodDefinition,
  type MethodReference,
  type TypeReference,
  GenericInstanceMethod,
} from 'cecil-ts';
import { CompileError, DiagnosticBag, fail } from '../diagnostics.ts';
import type { Func } from '../ir/ir.ts';
import { printFunc } from '../ir/printer.ts';
import { verifyFunc } from '../ir/verifier.ts';
import { buildMethod } from '../ir/builder/builder.ts';
import type { BuildContext, ResolvedField, RuntimeHelper, TypeInitializer } from '../ir/builder/context.ts';
import { runPipeline, type OptLevel, type PassName } from '../passes/pipeline.ts';
import { selectFunction, type IselRuntime, type TrapKind } from '../x86/isel.ts';
import { emitFunction } from '../x86/lower-mir.ts';
import { allocate } from '../regalloc/allocator.ts';
import { checkAllocation } from '../regalloc/checker.ts';
import { Assembler } from '../x86/assembler.ts';
import { Layouts } from '../runtime/layout.ts';
import { VTables } from '../runtime/vtables.ts';
import { TypeInfoEmitter, typeInfoSymbol } from '../runtime/type-info-emitter.ts';
import { InterfaceMaps, interfaceMethods } from '../runtime/interfaces.ts';
import { MethodTable, METHOD_TABLE_SYMBOL } from '../runtime/method-table.ts';
import { buildDelegateInvoke, type DelegateFields } from '../runtime/delegates.ts';
import { GenericVirtuals } from '../runtime/generic-virtuals.ts';
import { runtimeTypeName } from '../runtime/type-info-emitter.ts';
import { StringLiterals } from '../runtime/strings.ts';
import { emitStaticImage, preinitialize, type PreinitEnv, type StaticImage } from '../runtime/preinit.ts';
import { emitEntryStub, ENTRY_SYMBOL, IMAGE_END_SYMBOL } from '../runtime/entry-stub.ts';
import { HELPER_PREFIX, helperFunction } from '../runtime/long-helpers.ts';
import { InternalError } from '../util/assert.ts';
import { AdcMap, ATTR, hasAttribute } from './adc.ts';
import { irSignature, type IrSignature } from './abi.ts';
import { INTRINSIC_CLASSES, type IntrinsicSpec } from './intrinsics.ts';
import { MethodInst, Methods } from './methods.ts';
import { TypeBuildError, TypeSystem, type GenericContext, type NamedType, type RType } from './types.ts';

export interface CompileOptions {
  /** The program assembly first, then any others to load. */
  readonly assemblies: readonly string[];
  /** Directories searched for referenced assemblies (the korlib's folder among them). */
  readonly searchDirs: readonly string[];
  readonly arch: string;
  readonly optLevel: OptLevel;
  /** Verify the IR after every pass and every register allocation. */
  readonly verify?: boolean;
  /** --dump-ir: called with the IR text after each pass (or only `pass`) of matching methods. */
  readonly dumpIr?: { readonly pass?: PassName | 'build'; readonly filter?: string; readonly write: (text: string) => void };
}

export interface CompiledProgram {
  readonly asm: Assembler;
  readonly entry: string;
  /** Symbols of the compiled methods, in compilation order. */
  readonly methods: readonly string[];
}

/** korlib's runtime support methods the compiler calls (Sharpaot.Runtime). */
const RUNTIME = {
  init: ['Sharpaot.Runtime.Startup', 'Init'],
  exit: ['Sharpaot.Runtime.Startup', 'Exit'],
  alloc: ['Sharpaot.Runtime.Memory', 'Alloc'],
  throwObject: ['Sharpaot.Runtime.ExceptionSupport', 'Throw'],
  rethrowObject: ['Sharpaot.Runtime.ExceptionSupport', 'Rethrow'],
  throwNullReference: ['Sharpaot.Runtime.ExceptionSupport', 'ThrowNullReference'],
  throwIndexOutOfRange: ['Sharpaot.Runtime.ExceptionSupport', 'ThrowIndexOutOfRange'],
  throwDivideByZero: ['Sharpaot.Runtime.ExceptionSupport', 'ThrowDivideByZero'],
  throwOverflow: ['Sharpaot.Runtime.ExceptionSupport', 'ThrowOverflow'],
  throwArithmetic: ['Sharpaot.Runtime.ExceptionSupport', 'ThrowArithmetic'],
  newArray: ['Sharpaot.Runtime.Memory', 'NewArray'],
  newMdArray: ['Sharpaot.Runtime.Memory', 'NewMdArray'],
  isInstanceOf: ['Sharpaot.Runtime.TypeCheck', 'IsInstanceOf'],
  castClass: ['Sharpaot.Runtime.TypeCheck', 'CastClass'],
  unboxCheck: ['Sharpaot.Runtime.TypeCheck', 'UnboxCheck'],
  storeCheck: ['Sharpaot.Runtime.TypeCheck', 'StoreCheck'],
  findInterfaceMethod: ['Sharpaot.Runtime.TypeCheck', 'FindInterfaceMethod'],
  findGenericVirtual: ['Sharpaot.Runtime.TypeCheck', 'FindGenericVirtual'],
  abstractMethod: ['Sharpaot.Runtime.ExceptionSupport', 'ThrowAbstractMethod'],
  frem32: ['Sharpaot.Runtime.FloatSupport', 'Rem32'],
  frem64: ['Sharpaot.Runtime.FloatSupport', 'Rem64'],
} as const;

/** Helpers of instruction selection implemented in korlib rather than compiler-emitted IR. */
const FLOAT_HELPERS: Readonly<Record<string, keyof typeof RUNTIME>> = { frem32: 'frem32', frem64: 'frem64' };

const TRAP_HELPERS: Readonly<Record<TrapKind, keyof typeof RUNTIME>> = {
  NullReference: 'throwNullReference',
  IndexOutOfRange: 'throwIndexOutOfRange',
  DivideByZero: 'throwDivideByZero',
  Overflow: 'throwOverflow',
  Arithmetic: 'throwArithmetic',
};

export function compileProgram(opts: CompileOptions): CompiledProgram {
  return new Compilation(opts).run();
}

class Compilation implements BuildContext {
  readonly types: TypeSystem;
  readonly layouts: Layouts;
  readonly methods: Methods;
  readonly vtables: VTables;
  readonly wellKnown: BuildContext['wellKnown'];
  private readonly adc: AdcMap;
  private readonly main: AssemblyDefinition;
  private readonly corlib: AssemblyDefinition;
  private readonly loaded: AssemblyDefinition[];
  private readonly diagnostics = new DiagnosticBag();
  private readonly asm = new Assembler();
  private readonly strings = new StringLiterals();

  private readonly methodQueue: MethodInst[] = [];
  private readonly queued = new Set<string>();
  private readonly compiled: string[] = [];
  private readonly typeInfos = new Map<string, RType>();
  private readonly typeInfoQueue: RType[] = [];
  private readonly statics = new Map<string, NamedType>();
  /** Build-time results of type initializers (null: must run at run time). */
  private readonly preinit = new Map<NamedType, StaticImage | null>();
  /** Types with a type initializer and the symbol of their "initialised" flag byte. */
  private readonly initFlags = new Map<string, NamedType>();
  private readonly fieldData = new Map<string, ResolvedField>();
  private readonly fieldHandles = new Set<string>();
  private readonly builtIr = new Map<string, Func | null>();
  private readonly rebuiltIr = new Map<string, Func>();
  private readonly signatures = new Map<string, IrSignature>();
  private readonly interfaces: InterfaceMaps;
  private readonly methodTable = new MethodTable();
  private readonly genericVirtuals: GenericVirtuals;
  private readonly typeInfoEmitter: TypeInfoEmitter;
  private readonly helperQueue: string[] = [];
  private readonly helpersQueued = new Set<string>();
  private readonly runtimeMethods = new Map<keyof typeof RUNTIME, MethodInst>();

  constructor(private readonly opts: CompileOptions) {
    const resolver = new DefaultAssemblyResolver([...opts.searchDirs]);
    const load = (file: string): AssemblyDefinition => {
      const asm = readAssembly(file, { resolver, readSymbols: true });
      resolver.register(asm);
      return asm;
    };
    const inputs = opts.assemblies.map(load);
    this.main = inputs[0]!;
    this.corlib = this.findCorlib(resolver, inputs);
    this.loaded = [...inputs];
    if (!this.loaded.includes(this.corlib)) this.loaded.push(this.corlib);
    for (const a of inputs) {
      for (const ref of a.mainModule.assemblyReferences) {
        const r = resolver.resolve(ref);
        if (!this.loaded.includes(r)) this.loaded.push(r);
      }
    }
    const corlibTypes = new Map(this.corlib.mainModule.getTypes().map(t => [t.fullName, t]));
    this.types = new TypeSystem(name => corlibTypes.get(name));
    this.layouts = new Layouts(this.types, t => ({ typeArgs: t.args, methodArgs: [] }));
    this.methods = new Methods(this.types);
    this.vtables = new VTables(this.types, this.methods);
    this.interfaces = new InterfaceMaps(this.types, this.methods);
    this.genericVirtuals = new GenericVirtuals(this.types, this.methods, this.interfaces);
    this.adc = new AdcMap(this.loaded, opts.arch, this.types);
    const wk = (n: string) => this.types.wellKnown(n);
    this.wellKnown = {
      int32: wk('System.Int32'),
      int64: wk('System.Int64'),
      nativeInt: wk('System.IntPtr'),
      float32: wk('System.Single'),
      float64: wk('System.Double'),
      boolean: wk('System.Boolean'),
      object: wk('System.Object'),
      string: wk('System.String'),
    };
    this.typeInfoEmitter = new TypeInfoEmitter({
      asm: this.asm,
      types: this.types,
      layouts: this.layouts,
      vtables: this.vtables,
      interfaces: this.interfaces,
      stringType: this.wellKnown.string,
      arrayType: wk('System.Array'),
      methods: this.methods,
      arrayHelper: corlibTypes.get('System.SZArrayHelper`1'),
      corlibType: name => corlibTypes.get(name),
      typeInfo: t => this.typeInfo(t),
      requireMethod: mi => this.requireMethod(mi),
      stringLiteral: v => this.stringLiteral(v),
      abstractStub: () => this.requireMethod(this.runtimeMethod('abstractMethod')),
    });
  }

  private findCorlib(resolver: DefaultAssemblyResolver, inputs: AssemblyDefinition[]): AssemblyDefinition {
    const named = inputs.find(a => a.name.name === 'mscorlib');
    if (named !== undefined) return named;
    const ref = inputs[0]!.mainModule.assemblyReferences.find(r => r.name === 'mscorlib');
    if (ref === undefined) fail('SA2002', `${inputs[0]!.name.name} does not reference a corlib (mscorlib)`, { hint: 'compile it against sharpaot\'s korlib (sharpaot build does this for .cs inputs)' });
    const corlib = resolver.resolve(ref);
    if (!corlib.mainModule.getType('Sharpaot.Runtime.Startup')) {
      fail('SA2002', `the corlib ${corlib.mainModule.fileName} is not sharpaot's korlib (it has no Sharpaot.Runtime.Startup)`, {
        hint: 'compile the program against korlib: pass the .cs files to sharpaot build, or use mcs -nostdlib -r:<korlib>/mscorlib.dll',
      });
    }
    return corlib;
  }

  // ---- Driver -------------------------------------------------------------------------------

  run(): CompiledProgram {
    const entry = this.findEntryPoint();
    const runtime = (k: keyof typeof RUNTIME) => this.runtimeMethod(k);
    const init = this.requireMethod(runtime('init'));
    const exit = this.requireMethod(runtime('exit'));
    const main = this.requireMethod(entry);
    for (const t of this.includedTypes()) this.typeInfo(t);
    this.drain();
    // Interface maps and generic virtual methods are completed once the program's types
    // are known; what they add to compile may bring new types, so this repeats.
    for (;;) {
      const maps = this.typeInfoEmitter.completeInterfaceMaps(itf => this.typeInfos.has(typeInfoSymbol(itf)));
      const gvms = this.genericVirtuals.complete([...this.typeInfos.values()], mi => this.requireMethod(mi));
      if (!maps && !gvms) break;
      this.drain();
    }
    this.diagnostics.check();
    emitEntryStub(this.asm, {
      init,
      exit,
      main,
      mainTakesArgs: entry.sig.params.length === 1,
      mainReturnsInt: !entry.returnsVoid,
      methodTable: METHOD_TABLE_SYMBOL,
    });
    this.emitData();
    this.asm.section('.bss');
    this.asm.align(4096);
    this.asm.label(IMAGE_END_SYMBOL);
    return { asm: this.asm, entry: ENTRY_SYMBOL, methods: this.compiled };
  }

  /** Compiles queued methods and emits queued type infos until both queues are empty. */
  private drain(): void {
    for (;;) {
      const mi = this.methodQueue.shift();
      if (mi !== undefined) {
        this.compileMethod(mi);
        continue;
      }
      const t = this.typeInfoQueue.shift();
      if (t !== undefined) {
        this.typeInfoEmitter.emit(t);
        continue;
      }
      const h = this.helperQueue.shift();
      if (h !== undefined) {
        this.compileHelper(h);
        continue;
      }
      return;
    }
  }

  private findEntryPoint(): MethodInst {
    const module = this.main.mainModule;
    let def: MethodDefinition | undefined;
    for (const t of module.getTypes()) {
      for (const m of t.methods) if (hasAttribute(m.customAttributes, ATTR.kernelMain)) def ??= m;
    }
    def ??= module.entryPoint;
    // Sources are compiled as libraries (kernels need no Main); find Main as mono would.
    if (def === undefined) {
      const mains = module.getTypes().flatMap(t => t.methods.filter(m => m.name === 'Main' && m.isStatic));
      if (mains.length > 1) fail('SA4001', `${this.main.name.name} has ${mains.length} static Main methods`, { hint: 'mark the one to run [KernelMain]' });
      def = mains[0];
    }
    if (def === undefined) fail('SA4001', `${this.main.name.name} has no [KernelMain] method and no Main entry point`);
    const owner = def.declaringType!.resolve();
    const mi = this.methods.get(def, this.types.named(owner, []));
    const ret = mi.sig.ret;
    const okRet = mi.returnsVoid || (ret.kind === 'named' && ret.prim === 'i32');
    const okParams = mi.sig.params.length === 0 || (mi.sig.params.length === 1 && mi.sig.params[0]!.kind === 'array');
    if (!def.isStatic || !okRet || !okParams || owner.hasGenericParameters) {
      fail('SA4004', `entry point ${mi.symbol} must be static, take no arguments or string[], and return void or int`, { method: mi.symbol });
    }
    return mi;
  }

  /** Types marked [Include] are compiled whether or not the program reaches them. */
  private *includedTypes(): Generator<NamedType> {
    for (const a of this.loaded) {
      for (const t of a.mainModule.getTypes()) {
        if (!t.hasGenericParameters && hasAttribute(t.customAttributes, ATTR.include)) yield this.types.named(t, []);
      }
    }
  }

  private runtimeMethod(key: keyof typeof RUNTIME): MethodInst {
    let mi = this.runtimeMethods.get(key);
    if (mi === undefined) this.runtimeMethods.set(key, (mi = this.findRuntimeMethod(key)));
    return mi;
  }

  private findRuntimeMethod(key: keyof typeof RUNTIME): MethodInst {
    const [typeName, name] = RUNTIME[key];
    const def = this.corlib.mainModule.getType(typeName);
    const m = def?.methods.find(x => x.name === name);
    if (def === undefined || m === undefined) {
      fail('SA2002', `the corlib does not define ${typeName}.${name}, which the compiler needs`, { hint: 'rebuild korlib from kernel/korlib (it is not sharpaot\'s korlib or is out of date)' });
    }
    return this.methods.get(m, this.types.named(def, []));
  }

  // ---- Per-method compilation ------------------------------------------------------------------

  private compileMethod(mi: MethodInst): void {
    let fn: Func;
    try {
      fn = mi.def.isRuntime ? this.runtimeMethodBody(mi) : this.irFor(mi, true)!;
    } catch (e) {
      if (e instanceof CompileError) {
        for (const d of e.diagnostics) this.diagnostics.add(d);
        return;
      }
      throw e;
    }
    const dump = this.opts.dumpIr;
    const dumping = dump !== undefined && (dump.filter === undefined || mi.symbol.includes(dump.filter));
    if (dumping && (dump.pass === undefined || dump.pass === 'build')) dump.write(`; ${mi.symbol} after build\n${printFunc(fn)}`);
    if (this.opts.verify) verifyFunc(fn, { ssa: false, after: 'build' });
    runPipeline(fn, {
      level: this.opts.optLevel,
      verify: this.opts.verify ?? false,
      inlineLookup: sym => this.inlineCandidate(sym),
      ...(dumping ? { dump: (pass: PassName, f: Func) => (dump.pass === undefined || dump.pass === pass) && dump.write(`; ${mi.symbol} after ${pass}\n${printFunc(f)}`) } : {}),
    });
    this.codegen(fn, displayName(mi));
    this.compiled.push(mi.symbol);
  }

  private codegen(fn: Func, name: string): void {
    const rt: IselRuntime = {
      throwHelper: kind => this.trapHelper(kind),
      throwObject: this.requireMethod(this.runtimeMethod('throwObject')),
      rethrowObject: this.requireMethod(this.runtimeMethod('rethrowObject')),
      helper: name => this.longHelper(name),
    };
    const sel = selectFunction(fn, rt);
    const alloc = allocate(sel.mfunc);
    if (this.opts.verify) checkAllocation(sel.mfunc, alloc);
    const emitted = emitFunction(this.asm, sel, alloc, { throwHelper: kind => this.trapHelper(kind) });
    this.methodTable.add({
      symbol: fn.name,
      displayName: name,
      endLabel: emitted.endLabel,
      regions: fn.regions,
      entryLabel: r => (r.entry === undefined ? undefined : emitted.blockLabels.get(r.entry.id)),
      runs: emitted.regionRuns,
    });
  }

  private trapHelper(kind: TrapKind): string {
    return this.requireMethod(this.runtimeMethod(TRAP_HELPERS[kind]));
  }

  /** Symbol of a helper instruction selection calls: compiler-emitted IR, or korlib for floats. */
  private longHelper(name: string): string {
    const korlib = FLOAT_HELPERS[name];
    if (korlib !== undefined) return this.requireMethod(this.runtimeMethod(korlib));
    const symbol = HELPER_PREFIX + name;
    this.requireHelper(symbol);
    return symbol;
  }

  private requireHelper(symbol: string): void {
    if (this.helpersQueued.has(symbol)) return;
    this.helpersQueued.add(symbol);
    this.helperQueue.push(symbol);
  }

  private compileHelper(symbol: string): void {
    const { fn, requires } = helperFunction(symbol, name => {
      if (name === 'ThrowDivideByZero') return this.trapHelper('DivideByZero');
      if (name === 'ThrowOverflow') return this.trapHelper('Overflow');
      throw new InternalError(`helper ${symbol} names unknown runtime method $${name}`);
    });
    for (const r of requires) this.requireHelper(r);
    if (this.opts.verify) verifyFunc(fn, { ssa: false, after: 'parse' });
    runPipeline(fn, { level: 2, verify: this.opts.verify ?? false });
    this.codegen(fn, symbol);
    this.compiled.push(symbol);
  }

  /** IR of a method the runtime provides (no IL): Invoke of delegate types. */
  private runtimeMethodBody(mi: MethodInst): Func {
    if (this.isDelegate(mi.owner) && mi.def.name === 'Invoke') {
      return buildDelegateInvoke(mi.symbol, this.signatureOf(mi).sig, this.delegateFields());
    }
    fail('SA3001', `${mi.symbol} is provided by the runtime, and sharpaot does not implement it`, {
      method: mi.symbol,
      hint: 'asynchronous delegate invocation (BeginInvoke/EndInvoke) is not supported; call Invoke',
    });
  }

  isDelegate(t: NamedType): boolean {
    const base = t.def.baseType;
    return base !== undefined && base.fullName === 'System.MulticastDelegate';
  }

  delegateFields(): DelegateFields {
    const d = this.types.wellKnown('System.Delegate');
    const offset = (name: string) => {
      const f = d.def.fields.find(x => x.name === name);
      if (f === undefined) fail('SA2002', `korlib's System.Delegate has no field ${name}`, { hint: 'rebuild korlib from kernel/korlib' });
      return this.layouts.field(d, f).offset;
    };
    return { target: offset('_target'), methodPtr: offset('_methodPtr'), invocationList: offset('_invocationList') };
  }

  codeAddress(mi: MethodInst): string {
    const sym = this.requireMethod(mi);
    return mi.owner.isValueType && !mi.def.isStatic ? this.typeInfoEmitter.unboxingEntry(sym) : sym;
  }

  /** The method's IR as built from IL (cached, so inlining can copy it). */
  private irFor(mi: MethodInst, consume: boolean): Func | undefined {
    let fn = this.builtIr.get(mi.symbol);
    if (fn === undefined) {
      fn = buildMethod(this, mi);
      this.builtIr.set(mi.symbol, consume ? null : fn);
      return fn;
    }
    if (fn === null) return undefined;
    if (consume) this.builtIr.set(mi.symbol, null);
    return fn;
  }

  /** IR of a callee for the inliner: direct, non-virtual methods with IL bodies. */
  private inlineCandidate(sym: string): Func | undefined {
    const mi = this.methods.bySym(sym);
    if (mi === undefined || !mi.def.hasBody || mi.def.body?.exceptionHandlers.length) return undefined;
    try {
      const built = this.builtIr.get(sym);
      if (built === null) return this.rebuild(mi);
      return this.irFor(mi, false);
    } catch (e) {
      if (e instanceof CompileError) return undefined;
      throw e;
    }
  }

  /** IR of a method already compiled (its own IR was consumed), built again once for inlining. */
  private rebuild(mi: MethodInst): Func {
    let fn = this.rebuiltIr.get(mi.symbol);
    if (fn === undefined) this.rebuiltIr.set(mi.symbol, (fn = buildMethod(this, mi)));
    return fn;
  }

  // ---- BuildContext ------------------------------------------------------------------------------

  resolveType(ref: TypeReference, ctx: GenericContext): RType {
    return this.types.fromRef(ref, ctx);
  }

  resolveMethod(ref: MethodReference, ctx: GenericContext): MethodInst {
    const ownerType = this.types.fromRef(ref.declaringType!, ctx);
    if (ownerType.kind !== 'named') throw new TypeBuildError(`methods of ${ownerType.key} (${ref.name}) are not supported`);
    let def: MethodDefinition;
    let methodArgs: RType[] = [];
    if (ref instanceof GenericInstanceMethod) {
      def = ref.elementMethod.resolve();
      methodArgs = ref.genericArguments.map(a => this.types.fromRef(a, ctx));
    } else {
      def = ref.resolve();
    }
    return this.methods.get(def, ownerType, methodArgs);
  }

  methodOf(def: MethodDefinition, owner: NamedType): MethodInst {
    return this.methods.get(def, owner);
  }

  resolveField(ref: FieldReference, ctx: GenericContext): ResolvedField {
    const owner = this.types.fromRef(ref.declaringType!, ctx);
    if (owner.kind !== 'named') throw new TypeBuildError(`fields of ${owner.key} are not supported`);
    const def = ref.resolve();
    return { def, owner, type: this.types.fromRef(def.fieldType, { typeArgs: owner.args, methodArgs: [] }) };
  }

  signatureOf(mi: MethodInst): IrSignature {
    let s = this.signatures.get(mi.symbol);
    if (s === undefined) {
      s = irSignature(mi.sig, this.layouts);
      this.signatures.set(mi.symbol, s);
    }
    return s;
  }

  callSiteSignature(site: CallSite, ctx: GenericContext): { params: RType[]; ret: RType; hasThis: boolean } {
    return {
      params: site.parameters.map(p => this.types.fromRef(p.parameterType, ctx)),
      ret: this.types.fromRef(site.returnType, ctx),
      hasThis: site.hasThis,
    };
  }

  adcTarget(mi: MethodInst, where: { method: string; ilOffset: number }): MethodInst {
    if (!this.adc.isStub(mi.def)) return mi;
    const impl = this.adc.implementation(mi.def, mi.owner, where);
    return this.methods.get(impl.def, impl.owner, mi.methodArgs);
  }

  intrinsic(mi: MethodInst): IntrinsicSpec | undefined {
    return INTRINSIC_CLASSES[mi.owner.def.fullName]?.[mi.def.name];
  }

  requireMethod(mi: MethodInst): string {
    if (!this.queued.has(mi.symbol)) {
      this.queued.add(mi.symbol);
      this.methodQueue.push(mi);
    }
    return mi.symbol;
  }

  staticsSymbol(owner: NamedType): string {
    const sym = `${owner.key}::<statics>`;
    if (!this.statics.has(sym)) this.statics.set(sym, owner);
    return sym;
  }

  typeInitializer(t: NamedType): TypeInitializer | undefined {
    const cctor = staticConstructor(t);
    if (cctor === undefined || this.preinitialized(t) !== undefined) return undefined;
    const flag = `${t.key}::<initialized>`;
    this.initFlags.set(flag, t);
    return { cctor: this.requireMethod(this.methods.get(cctor, t)), flag, precise: !t.def.isBeforeFieldInit };
  }

  /** The statics of `t` as its initializer leaves them, when that can run at build time. */
  private preinitialized(t: NamedType): StaticImage | undefined {
    const cctor = staticConstructor(t);
    let image = this.preinit.get(t);
    if (image === undefined && cctor !== undefined) {
      const env: PreinitEnv = {
        resolveField: ref => this.resolveField(ref, { typeArgs: t.args, methodArgs: [] }),
        imageOf: u => this.preinitialized(u),
        layoutOf: u => this.layouts.staticLayout(u),
        layout: this.layouts.staticLayout(t),
        sizeOf: slot => this.layouts.of(slot.type).size,
      };
      this.preinit.set(t, null); // while it runs: a cycle back to t is not a constant
      image = preinitialize(t, cctor, env) ?? null;
      // Request the literals now: emitData must not request anything.
      for (const s of image?.strings ?? []) this.stringLiteral(s.value);
      this.preinit.set(t, image);
    }
    return image ?? undefined;
  }

  fieldDataSymbol(field: ResolvedField): string {
    const sym = `${field.owner.key}::${field.def.name}$data`;
    this.fieldData.set(sym, field);
    return sym;
  }

  fieldHandle(field: ResolvedField): string {
    const data = this.fieldDataSymbol(field);
    const sym = `${data}$handle`;
    this.fieldHandles.add(sym);
    return sym;
  }

  stringLiteral(value: string): string {
    this.typeInfo(this.wellKnown.string);
    return this.strings.symbol(value);
  }

  vtableSlot(mi: MethodInst): number {
    const slot = this.vtables.slotOf(mi);
    if (slot < 0) throw new InternalError(`${mi.symbol} has no vtable slot in ${mi.owner.key}`);
    return slot;
  }

  interfaceSlot(mi: MethodInst): number {
    const i = interfaceMethods(mi.owner).indexOf(mi.def);
    if (i < 0) throw new InternalError(`${mi.symbol} is not a method of interface ${mi.owner.key}`);
    return i;
  }

  genericVirtualTable(mi: MethodInst): string {
    return this.genericVirtuals.table(mi);
  }

  valueTypeImplementation(t: NamedType, mi: MethodInst): MethodInst | undefined {
    const impl = mi.owner.isInterface ? this.interfaces.implementation(t, mi) : this.vtables.slots(t)[this.vtables.slotOf(mi)];
    return impl !== undefined && impl.owner === t ? impl : undefined;
  }

  typeInfo(t: RType): string {
    const sym = typeInfoSymbol(t);
    if (!this.typeInfos.has(sym)) {
      this.typeInfos.set(sym, t);
      this.typeInfoQueue.push(t);
    }
    return sym;
  }

  runtimeHelper(name: RuntimeHelper): string {
    return this.requireMethod(this.runtimeMethod(name));
  }

  // ---- Data -------------------------------------------------------------------------------------

  /** Emits the data every compiled method refers to (nothing here requests more). */
  private emitData(): void {
    const asm = this.asm;
    this.methodTable.emit(asm, name => this.strings.symbol(name));
    this.genericVirtuals.emit(asm, t => typeInfoSymbol(t));
    this.typeInfoEmitter.emitInterfaceMaps();
    this.strings.emit(asm, `${this.wellKnown.string.key}$type`);
    for (const [sym, owner] of this.statics) {
      const layout = this.layouts.staticLayout(owner);
      const image = this.preinit.get(owner);
      asm.section(image ? '.data' : '.bss');
      asm.align(Math.max(4, layout.align));
      asm.label(sym, { type: 'object', global: true });
      if (image) emitStaticImage(asm, image, Math.max(4, layout.size), value => this.strings.symbol(value));
      else asm.space(Math.max(4, layout.size));
      asm.endSymbol(sym);
    }
    for (const flag of this.initFlags.keys()) {
      asm.section('.bss');
      asm.label(flag, { type: 'object' });
      asm.space(1);
      asm.endSymbol(flag);
    }
    for (const [sym, field] of this.fieldData) {
      asm.section('.rdata');
      asm.align(8);
      asm.label(sym, { type: 'object' });
      asm.bytes(field.def.initialValue);
      asm.endSymbol(sym);
      if (this.fieldHandles.has(`${sym}$handle`)) {
        asm.align(4);
        asm.label(`${sym}$handle`, { type: 'object' });
        asm.addr32(sym);
        asm.u32(field.def.initialValue.length);
        asm.endSymbol(`${sym}$handle`);
      }
    }
  }
}

/** A method as stack traces show it, as Mono does: `Namespace.Type.Method (ParamType,...)`. */
function displayName(mi: MethodInst): string {
  return `${runtimeTypeName(mi.owner)}.${mi.def.name}${mi.methodArgs.length ? `[${mi.methodArgs.map(runtimeTypeName).join(',')}]` : ''} (${mi.sig.params.map(runtimeTypeName).join(',')})`;
}

function staticConstructor(t: NamedType): MethodDefinition | undefined {
  return t.def.methods.find(m => m.name === '.cctor' && m.isStatic);
}
