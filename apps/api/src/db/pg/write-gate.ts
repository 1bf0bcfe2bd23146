/**
 * The in-process twin of the PostgreSQL write lock's two modes: any number (up to a cap) of shared
 * holders, or one exclusive holder. Strictly first come, first served: a shared request behind a
 * waiting exclusive one waits too, so a stream of shared holders never starves an exclusive one
 * (PostgreSQL's lock queue behaves the same way). Promises only, no timers.
 */
export class WriteGate {
  private shared = 0;
  private exclusive = false;
  private readonly waiting: { exclusive: boolean; enter: () => void }[] = [];

  /** @param maxShared how many shared holders at once (each holds a pooled connection). */
  constructor(private readonly maxShared: number) {
    if (!Number.isInteger(maxShared) || maxShared < 1) throw new Error(`WriteGate: maxShared must be a positive integer; got ${maxShared}`);
  }

  /** Waits for its turn, then returns the function that releases this hold (idempotent). */
  async acquire(exclusive: boolean): Promise<() => void> {
    if (this.waiting.length === 0 && this.fits(exclusive)) this.take(exclusive);
    else await new Promise<void>((enter) => this.waiting.push({ exclusive, enter }));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (exclusive) this.exclusive = false;
      else this.shared--;
      this.admit();
    };
  }

  /** Holders now, for tests: how many shared, and whether one exclusive. */
  get holders(): { shared: number; exclusive: boolean } {
    return { shared: this.shared, exclusive: this.exclusive };
  }

  private fits(exclusive: boolean): boolean {
    if (this.exclusive) return false;
    return exclusive ? this.shared === 0 : this.shared < this.maxShared;
  }

  private take(exclusive: boolean): void {
    if (exclusive) this.exclusive = true;
    else this.shared++;
  }

  /** Lets in waiters from the head of the queue for as long as each fits. */
  private admit(): void {
    for (let next = this.waiting[0]; next !== undefined && this.fits(next.exclusive); next = this.waiting[0]) {
      this.waiting.shift();
      this.take(next.exclusive);
      next.enter();
    }
  }
}
