/**
 * shareProcessNamespace through the whole engine (reference cluster.md §6, P6.1–P6.3), on the
 * bundled example: ps across containers with /pause as PID 1, a cross-container SIGHUP that nginx
 * survives, and `kill 1` ending the sandbox with every container in it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandTrace, simulateText } from './index.ts';
import { toPodsimJson } from './trace/podsimJson.ts';

const text = readFileSync(
  new URL('../scenario/examples/32-share-process-namespace.yaml', import.meta.url),
  'utf8',
);
const { result } = simulateText(text);
const trace = expandTrace(result.trace);
const execs = trace.flatMap((r) => (r.type === 'exec' ? [r] : []));
const events = trace.flatMap((r) => (r.type === 'event' ? [`${r.t} ${r.reason}`] : []));
const pod = toPodsimJson(result).pods.nginx;

describe('shareProcessNamespace: true', () => {
  it('ps in the shell container lists the pause process as PID 1 and nginx', () => {
    expect(execs[0]?.output).toBe(
      [
        'PID   USER     TIME  COMMAND',
        '    1 65535     0:00 /pause',
        '    2 root      0:00 nginx: master process nginx -g daemon off;',
        '    3 root      0:00 sleep 3600',
        '    4 root      0:00 ps',
        '',
      ].join('\n'),
    );
  });

  it('kill -HUP from the sidecar reloads nginx: no exit, no restart', () => {
    expect(execs[1]).toMatchObject({ t: 20, exitCode: 0, output: '' });
    expect(pod?.containers.nginx?.restartCount).toEqual([
      { t: 0, value: 0 },
      { t: 43, value: 1 },
    ]);
  });

  it('kill 1 ends the pause process: both containers die at once, the sandbox is re-created', () => {
    expect(execs[2]).toMatchObject({ t: 40, exitCode: 0 });
    for (const c of ['nginx', 'shell'] as const)
      expect(pod?.containers[c]?.state.find((s) => s.state === 'terminated')).toMatchObject({
        t: 41,
        exitCode: 137,
        reason: 'Error',
        finishedAt: 40,
      });
    expect(events.filter((e) => !e.endsWith('Pulled') && !e.endsWith('Created'))).toEqual([
      '0 Scheduled',
      '1 Started',
      '1 Started',
      '41 SandboxChanged',
      '42 Started',
      '42 Started',
    ]);
    // The new sandbox has a new PID namespace: pause is PID 1 again.
    expect(execs[3]?.output).toContain('    1 65535     0:00 /pause\n');
  });
});
