import { describe, expect, it } from 'vitest';
import { container, pod, run, service } from '../testing/scenario.ts';

describe('G1 baseline: nginx, no probes, in a Service', () => {
  const q = run(
    [
      service('web', { app: 'web' }),
      pod(
        'nginx',
        {
          containers: [container('nginx', { image: 'nginx:1.27', ports: [{ containerPort: 80 }] })],
        },
        { app: 'web' },
      ),
    ],
    { until: 30 },
  );

  it('goes ContainerCreating → Running at PLEG time', () => {
    expect(q.states('nginx', 'nginx')).toEqual([
      [0, 'waiting:ContainerCreating', 0, false],
      [2, 'running', 0, true],
    ]);
    expect(q.phases('nginx')).toEqual([
      [0, 'Pending'],
      [2, 'Running'],
    ]);
  });

  it('writes the conditions at the right times', () => {
    expect(q.condition('nginx', 'PodScheduled')).toEqual([[0, 'True']]);
    expect(q.condition('nginx', 'PodReadyToStartContainers')).toEqual([
      [0, 'False'],
      [1, 'True'],
    ]);
    expect(q.condition('nginx', 'Initialized')).toEqual([[0, 'True']]);
    expect(q.condition('nginx', 'ContainersReady')).toEqual([
      [0, 'False', 'ContainersNotReady'],
      [2, 'True'],
    ]);
    expect(q.condition('nginx', 'Ready')).toEqual([
      [0, 'False', 'ContainersNotReady'],
      [2, 'True'],
    ]);
  });

  it('emits Scheduled, Pulled (already present), Created, Started and endpoints (F,F,F) → (T,T,F)', () => {
    expect(q.events('nginx').map((e) => [e.t, e.reason, e.message])).toEqual([
      [0, 'Scheduled', 'Successfully assigned default/nginx to node-1'],
      [1, 'Pulled', 'Container image "nginx:1.27" already present on machine'],
      [1, 'Created', 'Created container: nginx'],
      [1, 'Started', 'Started container nginx'],
    ]);
    expect(q.endpoints('web')).toEqual([
      [0, ''],
      [1, 'nginx(F,F,F)'],
      [2, 'nginx(T,T,F)'],
    ]);
    expect(q.of('pod.ip')[0]).toMatchObject({ t: 1, ip: '10.244.1.2' });
  });
});
