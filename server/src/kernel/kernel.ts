import type { FieldCipher } from './crypto.ts';
import type { Database } from './db.ts';

/** What the kernel hands each module when it registers its routes. */
export interface Kernel {
  db: Database;
  cipher: FieldCipher;
}
