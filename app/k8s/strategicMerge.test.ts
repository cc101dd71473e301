/** Table test in the spirit of strategicpatch/patch_test.go `TestStrategicMergePatch`: one row per rule. */
import { describe, expect, it } from 'vitest';
import { goValue, PATCH_SCHEMAS, strategicMerge } from './strategicMerge.ts';

const pod = PATCH_SCHEMAS.Pod;
const original = {
  metadata: { name: 'web', labels: { app: 'web', tier: 'front' }, finalizers: ['a'] },
  spec: {
    containers: [
      {
        name: 'app',
        image: 'nginx:1.25',
        ports: [{ containerPort: 80 }],
        env: [{ name: 'A', value: '1' }],
      },
      { name: 'log', image: 'busybox' },
    ],
    tolerations: [{ key: 'k', operator: 'Exists' }],
    restartPolicy: 'Always',
  },
};

const rows: [string, unknown, unknown][] = [
  [
    'maps merge recursively',
    { metadata: { labels: { version: 'v2' } } },
    {
      ...original,
      metadata: { ...original.metadata, labels: { app: 'web', tier: 'front', version: 'v2' } },
    },
  ],
  [
    'null deletes a key',
    { metadata: { labels: { tier: null } } },
    { ...original, metadata: { ...original.metadata, labels: { app: 'web' } } },
  ],
  [
    'containers merge by name: only the image changes',
    { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
    {
      ...original,
      spec: {
        ...original.spec,
        containers: [
          { ...original.spec.containers[0], image: 'nginx:1.27' },
          original.spec.containers[1],
        ],
      },
    },
  ],
  [
    'a container with a new name is appended',
    { spec: { containers: [{ name: 'extra', image: 'busybox' }] } },
    {
      ...original,
      spec: {
        ...original.spec,
        containers: [...original.spec.containers, { name: 'extra', image: 'busybox' }],
      },
    },
  ],
  [
    'env merges by name, ports by containerPort (nested lists)',
    {
      spec: {
        containers: [
          {
            name: 'app',
            env: [{ name: 'B', value: '2' }],
            ports: [{ containerPort: 80, name: 'http' }],
          },
        ],
      },
    },
    {
      ...original,
      spec: {
        ...original.spec,
        containers: [
          {
            ...original.spec.containers[0],
            ports: [{ containerPort: 80, name: 'http' }],
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
          },
          original.spec.containers[1],
        ],
      },
    },
  ],
  [
    'tolerations have no merge key: replaced whole',
    { spec: { tolerations: [{ key: 'x', operator: 'Exists' }] } },
    { ...original, spec: { ...original.spec, tolerations: [{ key: 'x', operator: 'Exists' }] } },
  ],
  [
    '$patch: delete removes a list element by its key',
    { spec: { containers: [{ name: 'log', $patch: 'delete' }] } },
    { ...original, spec: { ...original.spec, containers: [original.spec.containers[0]] } },
  ],
  [
    '$patch: replace as a list element replaces the list',
    { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'busybox' }] } },
    { ...original, spec: { ...original.spec, containers: [{ name: 'only', image: 'busybox' }] } },
  ],
  [
    '$patch: replace in a map replaces the map',
    { metadata: { labels: { $patch: 'replace', only: 'x' } } },
    { ...original, metadata: { ...original.metadata, labels: { only: 'x' } } },
  ],
  [
    '$patch: delete in a map removes the field',
    { metadata: { labels: { $patch: 'delete' } } },
    { ...original, metadata: { name: 'web', finalizers: ['a'] } },
  ],
  [
    'a primitive list with the merge strategy is a union (finalizers)',
    { metadata: { finalizers: ['a', 'b'] } },
    { ...original, metadata: { ...original.metadata, finalizers: ['a', 'b'] } },
  ],
  [
    '$deleteFromPrimitiveList removes values',
    { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } },
    { ...original, metadata: { ...original.metadata, finalizers: [] } },
  ],
  [
    '$setElementOrder is stripped',
    { spec: { '$setElementOrder/containers': [{ name: 'log' }, { name: 'app' }] } },
    original,
  ],
];

describe('strategicMerge (Pod)', () => {
  it.each(rows)('%s', (_name, patch, want) => {
    const r = strategicMerge(original, patch, pod);
    expect(r).toEqual({ ok: true, value: want });
  });

  it('does not change its inputs', () => {
    const before = JSON.stringify(original);
    strategicMerge(original, { spec: { containers: [{ name: 'app', image: 'x' }] } }, pod);
    expect(JSON.stringify(original)).toBe(before);
  });

  it('an element without the merge key is an error with apimachinery’s text', () => {
    expect(strategicMerge(original, { spec: { containers: [{ image: 'nginx' }] } }, pod)).toEqual({
      ok: false,
      error: 'map: map[image:nginx] does not contain declared merge key: name',
    });
  });

  it('Node taints are replaced whole; without a schema every list is replaced', () => {
    const node = { spec: { taints: [{ key: 'a', effect: 'NoSchedule' }] } };
    const patch = { spec: { taints: [{ key: 'b', effect: 'NoExecute' }] } };
    expect(strategicMerge(node, patch, PATCH_SCHEMAS.Node)).toEqual({ ok: true, value: patch });
    expect(strategicMerge(original, { spec: { containers: [] } })).toEqual({
      ok: true,
      value: { ...original, spec: { ...original.spec, containers: [] } },
    });
  });

  it('Deployment templates merge containers by name', () => {
    const d = {
      spec: {
        replicas: 2,
        template: { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b' }] } },
      },
    };
    const r = strategicMerge(
      d,
      { spec: { template: { spec: { containers: [{ name: 'a', image: 'y' }] } } } },
      PATCH_SCHEMAS.Deployment,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        spec: {
          replicas: 2,
          template: { spec: { containers: [{ name: 'a', image: 'y' }, { name: 'b' }] } },
        },
      },
    });
  });

  it('goValue prints maps as Go does', () => {
    expect(goValue({ b: 1, a: ['x', true] })).toBe('map[a:[x true] b:1]');
  });
});
