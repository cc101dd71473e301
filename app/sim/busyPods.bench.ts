/**
 * Busy-pod budgets (DESIGN §6, issue 9): 100 and 1000 busy pods × 1 simulated hour beside the bare
 * binary-heap event loop doing the same timer work. The ratio is what the note reports; for heap
 * and records per pod-hour run `node --expose-gc --import tsx app/bench/measureBusyPods.ts`.
 */
import { bench, describe } from 'vitest';
import { simulate } from './index.ts';
import { bareLoop } from './testing/bareLoop.ts';
import { busyPods } from './testing/busyPods.ts';

for (const n of [100, 1000]) {
  const input = busyPods(n);
  const stats = { events: 0 };
  simulate(busyPods(n, 60), { stats });
  // One hour fires ~60× the callbacks of the first minute (the probe tickers dominate).
  const events = stats.events * 60;
  describe(`${n} busy pods × 1 h`, () => {
    bench('engine (real runtime)', () => void simulate(input), { iterations: 1, time: 0 });
    bench('bare binary-heap event loop, same timer work', () => void bareLoop(n * 3, events), {
      iterations: 3,
      time: 0,
    });
  });
}
