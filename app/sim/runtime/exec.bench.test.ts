import { describe, expect, it } from 'vitest';
import { createHarness, podOf } from './testing.ts';

/** Exec probes are on the engine's hot path: a simple exec must stay cheap (parsed scripts cached). */
describe('exec probe cost', () => {
  it('runs 10k `cat /tmp/healthy` and 10k `sh -c` probes quickly', () => {
    const h = createHarness(
      podOf({
        containers: [
          { name: 'c', image: 'busybox', command: ['sh', '-c', 'touch /tmp/healthy; sleep 1d'] },
        ],
      }),
    );
    const s = h.start('c');
    const t0 = performance.now();
    let ok = 0;
    for (let i = 0; i < 10_000; i++)
      if (h.exec(s.container, ['cat', '/tmp/healthy']).exitCode === 0) ok++;
    const t1 = performance.now();
    for (let i = 0; i < 10_000; i++)
      if (
        h.exec(s.container, ['sh', '-c', 'test -e /tmp/healthy && cat /tmp/healthy']).exitCode === 0
      )
        ok++;
    const t2 = performance.now();
    expect(ok).toBe(20_000);
    console.log(
      `10k argv exec: ${(t1 - t0).toFixed(1)} ms; 10k sh -c exec: ${(t2 - t1).toFixed(1)} ms`,
    );
    expect(t1 - t0).toBeLessThan(2_000);
  });
});
