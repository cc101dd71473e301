/**
 * `node --expose-gc --import tsx app/bench/measureBusyPods.ts [pods...]`: the busy-pod
 * budgets of DESIGN §6 (issue 9), each engine run beside the bare event-loop baseline doing the
 * same timer work in the same process. Prints wall and CPU ms (user CPU of this process: less
 * sensitive to a loaded machine), the CPU ratio, trace records per pod-hour and the peak heap
 * (sampled between event slices).
 */
import { simulate } from '../sim/index.ts';
import { bareLoop } from '../sim/testing/bareLoop.ts';
import { busyPods } from '../sim/testing/busyPods.ts';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const args = process.argv.slice(2);
const hours = Number(process.env.HOURS ?? 1);
const sizes = args.length > 0 ? args.map(Number) : [100];
// Warm the JIT on both loops first, so the first size is not charged for it.
simulate(busyPods(10, 600));
bareLoop(30, 100_000);

for (const n of sizes) {
  const input = busyPods(n, 3600 * hours);
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  let peak = heap0;
  const stats = { events: 0 };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = simulate(input, {
    stats,
    shouldStop: () => {
      const h = process.memoryUsage().heapUsed;
      if (h > peak) peak = h;
      return undefined;
    },
    sliceEvents: 50_000,
  });
  const ms = performance.now() - t0;
  const cpuMs = process.cpuUsage(cpu0).user / 1000;
  const h = process.memoryUsage().heapUsed;
  if (h > peak) peak = h;
  const events = result.trace.length;
  gc();
  const b0 = process.cpuUsage();
  bareLoop(n * 3, stats.events);
  const bms = process.cpuUsage(b0).user / 1000;
  const kinds = new Map<string, number>();
  for (const r of result.trace) kinds.set(r.type, (kinds.get(r.type) ?? 0) + 1);
  const top = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 4);
  console.log(
    `${n} pods × ${hours} h: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU (${stats.events} events), ` +
      `baseline ${bms.toFixed(1)} ms CPU (${(cpuMs / bms).toFixed(1)}×), ` +
      `${(events / n / hours).toFixed(0)} records/pod-hour, peak heap +${((peak - heap0) / 2 ** 20).toFixed(0)} MB; ` +
      top.map(([k, c]) => `${k} ${((100 * c) / events).toFixed(0)}%`).join(', '),
  );
}
