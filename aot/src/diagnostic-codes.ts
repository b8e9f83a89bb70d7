// The diagnostic catalogue: every user-facing error code, what it means and the
// default advice. Codes are stable; add new ones at the end of their group.
//   SA1xxx  input files and tools      SA2xxx  assemblies and metadata
//   SA3xxx  unsupported IL / C#        SA4xxx  kernel conventions (ADC, entry point)
//   SA5xxx  image and boot

export const DIAGNOSTIC_CODES = {
  SA1001: { title: 'input file not found', hint: 'check the path; inputs are .cs sources or .dll/.exe assemblies' },
  SA1002: { title: 'unsupported input file type', hint: 'pass .cs sources or .dll/.exe assemblies' },
  SA1003: { title: 'C# compilation failed', hint: 'fix the errors mcs reports above' },
  SA1004: { title: 'required host tool missing', hint: 'run `npm start` or `npm test` once as root to install the tools, or install the Debian package named above' },
  SA1005: { title: 'cannot write output', hint: 'check that the output directory exists and is writable' },
  SA1006: { title: 'invalid command-line option', hint: 'see `sharpaot <command> --help`' },

  SA2001: { title: 'malformed assembly', hint: 'the file is not a valid .NET assembly; rebuild it with mcs or csc' },
  SA2002: { title: 'referenced assembly not found', hint: 'put the referenced assembly next to the input or pass it as an input' },
  SA2003: { title: 'unresolved member reference', hint: 'the referenced assembly does not define this member; rebuild against the same assemblies' },

  SA3001: { title: 'unsupported IL instruction', hint: 'this construct is not supported by sharpaot yet; see "What C# works" in the README for the supported subset' },
  SA3002: { title: 'unsupported type', hint: 'see "What C# works" in the README for the supported subset' },
  SA3003: { title: 'invalid IL', hint: 'the method body does not pass IL verification rules; rebuild it with a C# compiler' },
  SA3004: { title: 'method has no body', hint: 'extern methods need an [ADCStub] mapping, an intrinsic, or a body' },
  SA3005: { title: 'unsupported method signature', hint: 'see "What C# works" in the README for the supported subset' },

  SA4001: { title: 'no entry point', hint: 'mark a static method [KernelMain], or give the program a static Main' },
  SA4002: { title: 'ADC layer missing', hint: 'add an [assembly: ADCLayer(...)] for the target architecture with a class implementing the stub' },
  SA4003: { title: 'ADC stub has no implementation', hint: 'implement the method with the same name and signature in the ADC layer namespace' },
  SA4004: { title: 'invalid entry point signature', hint: 'the entry point must be static, take no arguments or string[], and return void or int' },
  SA4005: { title: 'unknown target architecture', hint: 'use --arch x86' },

  SA5001: { title: 'image too large', hint: 'the kernel image must fit below 4 GiB and its header within the first 8 KiB' },
  SA5002: { title: 'QEMU failed to start', hint: 'check the QEMU arguments after --' },
} as const satisfies Record<string, { title: string; hint: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
