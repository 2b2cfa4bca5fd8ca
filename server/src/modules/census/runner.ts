import type { FieldCipher } from '../../kernel/crypto.ts';
import type { Database } from '../../kernel/db.ts';
import type { Scope } from '../../kernel/scope.ts';
import { applyChunk, fail } from './service.ts';

/**
 * Carries imports on in the background of the instance that received them,
 * one chunk (one scoped transaction) at a time, as the user who started them.
 * Progress lives in the job row, not here: this only knows what this process
 * is running, so the app can stop between chunks when it closes.
 */
export class ImportRunner {
  private readonly running = new Map<number, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly db: Database,
    private readonly cipher: FieldCipher,
    private readonly log: (err: unknown) => void,
  ) {}

  start(scope: Scope, importId: number): void {
    if (this.running.has(importId) || this.stopping) return;
    const run = (async () => {
      try {
        while (!this.stopping && (await this.db.scoped(scope, (q) => applyChunk(q, this.cipher, importId)))) {
          // Let requests (the progress polls) in between chunks.
          await new Promise((resolve) => setImmediate(resolve));
        }
      } catch (err) {
        this.log(err);
        await this.db
          .scoped(scope, (q) => fail(q, importId, '服务器处理出错而中断；已导入的行不受影响，请重新导入同一文件'))
          .catch(this.log);
      } finally {
        this.running.delete(importId);
      }
    })();
    this.running.set(importId, run);
  }

  isRunning(importId: number): boolean {
    return this.running.has(importId);
  }

  /** Stops after the chunk in progress; what was committed stays, the rest stays pending. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running.values());
  }
}
