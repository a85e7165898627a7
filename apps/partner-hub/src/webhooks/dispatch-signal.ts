import { Injectable } from '@nestjs/common';

/** Wakes the dispatcher when deliveries were created (after their transaction had time to commit). */
@Injectable()
export class DispatchSignal {
  private listeners = new Set<() => void>();

  onWake(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  wake(): void {
    for (const l of this.listeners) l();
  }

  /** After the current transaction: the inbox commits right after the handler returns. */
  wakeSoon(): void {
    setTimeout(() => this.wake(), 15).unref();
  }
}
