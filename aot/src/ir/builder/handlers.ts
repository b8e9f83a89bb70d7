// The opcode → handler table of the IL → IR builder, assembled from the handler files.

import type { Instruction } from 'cecil-ts';
import type { Builder } from './builder.ts';
import { DATA_HANDLERS } from './il-data.ts';
import { ARITH_HANDLERS } from './il-arith.ts';
import { CALL_HANDLERS } from './il-calls.ts';
import { OBJECT_HANDLERS } from './il-objects.ts';

export type Handler = (b: Builder, ins: Instruction) => void;

export const HANDLERS: Readonly<Record<string, Handler>> = { ...DATA_HANDLERS, ...ARITH_HANDLERS, ...CALL_HANDLERS, ...OBJECT_HANDLERS };
