#!/usr/bin/env node
// Entry shim: the compiler is written in TypeScript and runs through tsx's loader,
// so there is no separate build step between editing the source and running it.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
