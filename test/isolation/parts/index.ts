import { MODULES } from '../../../server/src/modules/index.ts';
import type { IsolationPart } from './types.ts';

/** Every module's part of the isolation matrix (its manifest's `isolationPart`), planted in the modules' order. */
export const PARTS: IsolationPart[] = await Promise.all(MODULES.flatMap((m) => m.isolationPart ?? []).map((load) => load()));
