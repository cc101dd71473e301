import { describe, expect, it } from 'vitest';
import { createHarness, podOf } from './testing.ts';

describe('smoke', () => {
  it('runs the liveness-exec script', () => {
    const h = createHarness(
      podOf({
        containers: [
          {
            name: 'c',
            image: 'busybox',
            args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600'],
          },
        ],
      }),
    );
    const s = h.start('c');
    expect(h.exec(s.container, ['cat', '/tmp/healthy']).exitCode).toBe(0);
    h.scheduler.runUntil(29_000);
    expect(h.exec(s.container, ['cat', '/tmp/healthy']).exitCode).toBe(0);
    h.scheduler.runUntil(31_000);
    const r = h.exec(s.container, ['cat', '/tmp/healthy']);
    expect(r).toEqual({
      exitCode: 1,
      output: "cat: can't open '/tmp/healthy': No such file or directory\n",
    });
    s.container.signal('SIGTERM');
    h.scheduler.runUntil(40_000);
    expect(s.exits).toEqual([]);
    s.container.signal('SIGKILL');
    h.scheduler.runUntil(41_000);
    expect(s.exits).toEqual([{ code: 137, reason: 'Error', t: 40_000 }]);
    expect(h.diagnostics).toEqual([]);
  });
});
