/** ValidatePodUpdate through `kubectl patch`: one row per rule, with the API server's exact message. */
import { describe, expect, it } from 'vitest';
import { defaultedPod } from './defaults.ts';
import { generatedNode } from './nodes.ts';
import { patchNode, patchPod } from './patchObject.ts';
import type { DefaultedPod } from './types.ts';

const FIELDS =
  '`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

const web: DefaultedPod = defaultedPod({
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    activeDeadlineSeconds: 600,
    tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }],
    initContainers: [{ name: 'init', image: 'busybox' }],
    containers: [{ name: 'app', image: 'nginx:1.25' }],
  },
});

const refused: [string, unknown, string][] = [
  [
    'restartPolicy is immutable: the catch-all with the changed field',
    { spec: { restartPolicy: 'Never' } },
    `Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than ${FIELDS}\n  core.PodSpec{\n- \tRestartPolicy: "Always",\n+ \tRestartPolicy: "Never",\n  }\n`,
  ],
  [
    'a container command is not updatable',
    { spec: { containers: [{ name: 'app', command: ['sh'] }] } },
    `Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than ${FIELDS}\n  core.PodSpec{\n+ \tContainers[0].Command: ["sh"],\n  }\n`,
  ],
  [
    'adding a container',
    { spec: { containers: [{ name: 'more', image: 'busybox' }] } },
    'Pod "web" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers',
  ],
  [
    'an empty image',
    { spec: { containers: [{ name: 'app', image: '' }] } },
    'Pod "web" is invalid: spec.containers[0].image: Required value',
  ],
  [
    'activeDeadlineSeconds raised',
    { spec: { activeDeadlineSeconds: 900 } },
    'Pod "web" is invalid: spec.activeDeadlineSeconds: Invalid value: 900: must be less than or equal to previous value',
  ],
  [
    'activeDeadlineSeconds removed',
    { spec: { activeDeadlineSeconds: null } },
    'Pod "web" is invalid: spec.activeDeadlineSeconds: Invalid value: "null": must not update from a positive integer to nil value',
  ],
  [
    'tolerations replaced (no merge key) without the old one',
    { spec: { tolerations: [{ key: 'other', operator: 'Exists' }] } },
    'Pod "web" is invalid: spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
  ],
  [
    'a bad label value',
    { metadata: { labels: { app: 'no spaces' } } },
    "Pod \"web\" is invalid: metadata.labels.app: Invalid value: \"no spaces\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  ],
  [
    'a merge error (no merge key)',
    { spec: { containers: [{ image: 'nginx' }] } },
    'map: map[image:nginx] does not contain declared merge key: name',
  ],
];

describe('patchPod refusals', () => {
  it.each(refused)('%s', (_n, patch, message) => {
    expect(patchPod(web, patch)).toEqual({ ok: false, message });
  });
});

describe('patchPod accepted', () => {
  it('a container image', () => {
    const r = patchPod(web, { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } });
    expect(r.ok && r.object.spec.containers[0]?.image).toBe('nginx:1.27');
    // Re-defaulted: imagePullPolicy stays what it was (the defaulting only fills absent fields).
    expect(r.ok && r.object.spec.containers[0]?.imagePullPolicy).toBe('IfNotPresent');
    expect(r.ok && r.changed).toBe(true);
  });
  it('an init container image, labels, a lower deadline, an added toleration, a new tolerationSeconds', () => {
    const r = patchPod(web, {
      metadata: { labels: { app: null, tier: 'x' } },
      spec: {
        initContainers: [{ name: 'init', image: 'busybox:1.36' }],
        activeDeadlineSeconds: 60,
        tolerations: [
          { key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 },
          { key: 'new', operator: 'Exists' },
        ],
      },
    });
    expect(r.ok).toBe(true);
    expect(r.ok && r.object.metadata.labels).toEqual({ tier: 'x' });
    expect(r.ok && r.object.spec.activeDeadlineSeconds).toBe(60);
  });
  it('an empty patch changes nothing', () => {
    expect(patchPod(web, {})).toEqual({ ok: true, object: web, changed: false });
  });
});

describe('patchNode', () => {
  const node = generatedNode('node-2');
  it('taints are replaced whole, labels merge', () => {
    const r = patchNode(node, {
      metadata: { labels: { disktype: 'ssd' } },
      spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] },
    });
    expect(r.ok && r.object.spec?.taints).toEqual([
      { key: 'dedicated', value: 'db', effect: 'NoSchedule' },
    ]);
    expect(r.ok && r.object.metadata.labels.disktype).toBe('ssd');
  });
  it('a bad taint effect', () => {
    expect(patchNode(node, { spec: { taints: [{ key: 'a', effect: 'Sometimes' }] } })).toEqual({
      ok: false,
      message:
        'Node "node-2" is invalid: spec.taints[0].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    });
  });
});
