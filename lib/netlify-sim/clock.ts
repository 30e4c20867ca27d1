/**
 * Simulated time. It runs at `speed` × real time (0 freezes it, for deterministic tests) and
 * can be moved forward by hand. Agent progress is derived from it, never from timers.
 */
export class SimClock {
  private readonly realStart = Date.now();
  private readonly simStart: number;
  private offsetMs = 0;

  constructor(
    private speed = 1,
    start = Date.now(),
  ) {
    this.simStart = start;
  }

  now(): number {
    return this.simStart + (Date.now() - this.realStart) * this.speed + this.offsetMs;
  }

  advance(ms: number): number {
    this.offsetMs += ms;
    return this.now();
  }

  get factor(): number {
    return this.speed;
  }
}

export const iso = (ms: number) => new Date(ms).toISOString();
