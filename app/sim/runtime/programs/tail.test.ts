import { describe, expect, it } from 'vitest';
import { createHarness, podOf } from '../testing.ts';

/** A pod whose `app` appends a line per second to /opt/logs.txt and whose `tailer` runs `script`. */
function pod(
  script: string,
  image = 'alpine:3.20',
  app = 'sleep 2; while true; do echo "logging" >> /opt/logs.txt; sleep 1; done',
) {
  const mount = [{ name: 'data', mountPath: '/opt' }];
  return createHarness(
    podOf({
      containers: [
        { name: 'app', image, command: ['sh', '-c', app], volumeMounts: mount },
        { name: 'tailer', image, command: ['sh', '-c', script], volumeMounts: mount },
      ],
      volumes: [{ name: 'data', emptyDir: {} }],
    }),
  );
}

describe('tail -F / -f', () => {
  it('tail -F waits for a missing file, then follows it and never exits (busybox)', () => {
    const h = pod('tail -F /opt/logs.txt');
    const t = h.start('tailer');
    h.start('app');
    h.scheduler.advance(1);
    expect(t.logs).toEqual(["tail: can't open '/opt/logs.txt': No such file or directory"]);
    h.scheduler.advance(5_000);
    expect(t.logs).toEqual([
      "tail: can't open '/opt/logs.txt': No such file or directory",
      'tail: /opt/logs.txt has appeared; following end of new file',
      // Written at 2, 3, 4 and 5 s; each poll (every second) prints what was appended.
      'logging',
      'logging',
      'logging',
      'logging',
    ]);
    h.scheduler.advance(600_000);
    expect(t.exits).toEqual([]);
    expect(t.container.running).toBe(true);
    expect(t.logs.filter((l) => l === 'logging').length).toBeGreaterThan(590);
  });

  it('follows truncation and replacement by name; -f keeps the file it opened', () => {
    const h = pod(
      'tail -F /opt/f & tail -f /opt/f',
      'busybox',
      'echo a > /opt/f; sleep 2; echo b >> /opt/f; sleep 2; echo c > /opt/f; sleep 2; rm /opt/f; echo d > /opt/f; sleep 1d',
    );
    h.start('app');
    const t = h.start('tailer');
    h.scheduler.advance(10_000);
    const named = t.logs.filter((l) => !/^[abcd]$/.test(l));
    expect(named).toEqual(['tail: /opt/f has been replaced; following end of new file']);
    // Both print a once and b; after truncation both print c; only -F sees the new file's d.
    expect([...t.logs.filter((l) => /^[abcd]$/.test(l))].sort()).toEqual(
      ['a', 'a', 'b', 'b', 'c', 'c', 'd'].sort(),
    );
  });

  it('tail -f on a missing file fails at once: busybox and GNU wording, exit 1', () => {
    for (const [image, err] of [
      ['busybox', "tail: can't open '/opt/nope': No such file or directory\ntail: no files\n"],
      [
        'debian:12',
        "tail: cannot open '/opt/nope' for reading: No such file or directory\ntail: no files remaining\n",
      ],
    ] as const) {
      const h = pod('sleep 1d', image, 'sleep 1d');
      const s = h.start('tailer');
      expect(h.exec(s.container, ['tail', '-f', '/opt/nope'])).toEqual({
        exitCode: 1,
        output: err,
      });
    }
  });

  it('polls once per second: a sleeping follower costs one timer per second', () => {
    const h = pod('tail -F /opt/logs.txt', 'busybox', 'sleep 1d');
    const t = h.start('tailer');
    const before = performance.now();
    h.scheduler.advance(3_600_000);
    expect(performance.now() - before).toBeLessThan(1_000);
    expect(t.container.running).toBe(true);
  });

  it('does not follow a pipe', () => {
    const h = pod('sleep 1d', 'busybox', 'sleep 1d');
    const s = h.start('tailer');
    expect(h.exec(s.container, ['sh', '-c', 'printf "1\\n2\\n" | tail -f -n 1'])).toEqual({
      exitCode: 0,
      output: '2\n',
    });
  });

  it('tail -f /dev/null keeps a container alive; /dev/null reads empty and swallows writes', () => {
    const h = pod('tail -f /dev/null', 'busybox', 'sleep 1d');
    const t = h.start('tailer');
    h.scheduler.advance(3_600_000);
    expect(t.container.running).toBe(true);
    expect(t.logs).toEqual([]);
    expect(
      h.exec(t.container, [
        'sh',
        '-c',
        'echo x | tee /dev/null; echo y >> /dev/null; wc -c /dev/null',
      ]),
    ).toEqual({ exitCode: 0, output: 'x\n0 /dev/null\n' });
  });
});
