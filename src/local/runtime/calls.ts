// Counts every service call by 'Service.method' and injects faults, like a flaky or dying production execution.

/** The execution "died" (time limit, crash): thrown at the chosen call and on every later call until revive(). */
export class KilledExecution extends Error {
  constructor(public readonly at: string) {
    super(`Execution killed at ${at}`);
    this.name = 'KilledExecution';
  }
}

interface Fault {
  method: string;
  remaining: number;
  message: string | null;
}

export class CallTracker {
  calls: Record<string, number> = {};
  private faults: Fault[] = [];
  private killed: string | null = null;

  /** Records one call; throws an injected failure or the kill when it is due. */
  hit(name: string): void {
    if (this.killed) throw new KilledExecution(this.killed);
    this.calls[name] = (this.calls[name] || 0) + 1;
    for (let i = 0; i < this.faults.length; i++) {
      const f = this.faults[i];
      if (f.method !== name) continue;
      f.remaining -= 1;
      if (f.remaining > 0) continue;
      this.faults.splice(i, 1);
      if (f.message === null) {
        this.killed = name;
        throw new KilledExecution(name);
      }
      throw new Error(f.message);
    }
  }

  reset(): void {
    this.calls = {};
  }
  total(filter?: (name: string) => boolean): number {
    let n = 0;
    for (const k of Object.keys(this.calls)) if (!filter || filter(k)) n += this.calls[k];
    return n;
  }
  /** The nth call of `method` from now throws `new Error(message)`. */
  failOn(method: string, nth: number, message: string): void {
    this.faults.push({ method, remaining: nth, message });
  }
  /** The nth call of `method` from now kills the execution. */
  killOn(method: string, nth: number): void {
    this.faults.push({ method, remaining: nth, message: null });
  }
  revive(): void {
    this.killed = null;
  }
  get isKilled(): boolean {
    return this.killed !== null;
  }
}
