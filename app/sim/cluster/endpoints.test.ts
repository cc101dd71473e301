import { describe, expect, it } from 'vitest';
import { defaultedService } from '../../k8s/index.ts';
import type { DefaultedService, Service } from '../../k8s/types.ts';
import { getEndpoints, trafficTargets, type PodView } from './endpoints.ts';

const svc = (extra: Partial<NonNullable<Service['spec']>> = {}): DefaultedService =>
  defaultedService({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 's', namespace: 'default' },
    spec: { selector: { app: 'web' }, ...extra },
  });
const pod = (name: string, o: Partial<PodView> = {}): PodView => ({
  name,
  namespace: 'default',
  labels: { app: 'web' },
  ip: `10.0.0.${name.length}`,
  phase: 'Running',
  readyCondition: true,
  terminating: false,
  ...o,
});

describe('getEndpoints (R9.2, R9.3)', () => {
  it('selects by labels, excludes terminal and IP-less pods, sorts by name', () => {
    const eps = getEndpoints(svc(), [
      pod('b'),
      pod('a', { readyCondition: false }),
      pod('c', { phase: 'Succeeded' }),
      pod('d', { ip: undefined }),
      pod('e', { labels: { app: 'db' } }),
    ]);
    expect(eps.map((e) => [e.pod, e.ready, e.serving, e.terminating])).toEqual([
      ['a', false, false, false],
      ['b', true, true, false],
    ]);
  });

  it('terminating pods stay as (F,T,T); publishNotReadyAddresses makes every endpoint ready', () => {
    const t = getEndpoints(svc(), [pod('a', { terminating: true })]);
    expect(t[0]).toMatchObject({ ready: false, serving: true, terminating: true });
    expect(trafficTargets(t).map((e) => e.pod)).toEqual(['a']);
    const p = getEndpoints(svc({ publishNotReadyAddresses: true }), [
      pod('a', { readyCondition: false }),
    ]);
    expect(p[0]!.ready).toBe(true);
  });

  it('a Service without a selector has no managed endpoints', () => {
    expect(
      getEndpoints({ ...svc(), spec: { type: 'ClusterIP', sessionAffinity: 'None' } }, [pod('a')]),
    ).toEqual([]);
    expect(trafficTargets(getEndpoints(svc(), [pod('a', { readyCondition: false })]))).toEqual([]);
  });
});
