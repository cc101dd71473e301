/**
 * The CPU model of a shell process tree (limits.ts): a token bucket of work units that refills
 * with simulated time. Work beyond the burst makes the shell wait for its CPU, so simulated time
 * passes while it computes. Also the count of commands run at one simulated instant (STEP_LIMIT).
 * Shared by a shell and its subshells and background jobs.
 */
import { CPU_BURST_UNITS, CPU_UNITS_PER_MS } from '../limits.ts';

export class CpuMeter {
  private credit = CPU_BURST_UNITS;
  throttled = false;
  /** Commands run at simulated time `stepsAt` (a busy loop past STEP_LIMIT). */
  steps = 0;
  stepsAt = -1;
  busyReported = false;
  constructor(private at: number) {}

  charge(units: number): void {
    this.credit -= units;
  }

  /** Simulated ms the process must wait for its CPU at `now` (0: it runs on). */
  due(now: number): number {
    if (now > this.at) {
      this.credit = Math.min(CPU_BURST_UNITS, this.credit + (now - this.at) * CPU_UNITS_PER_MS);
      this.at = now;
    }
    return this.credit >= 0 ? 0 : Math.ceil(-this.credit / CPU_UNITS_PER_MS);
  }
}
