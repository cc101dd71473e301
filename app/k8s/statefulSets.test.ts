/**
 * A StatefulSet document as the API server validates it (validation.go ValidateStatefulSetSpec),
 * its defaults (SetDefaults_StatefulSet), and `kubectl patch statefulset` refusals
 * (ValidateStatefulSetUpdate), one row per rule, with the API server's exact message.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from './json.ts';
import { parseScenario } from './parseScenario.ts';
import { patchWorkload } from './patchObject.ts';
import { defaultStatefulSet } from './statefulSets.ts';

const doc = (spec: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web }
spec:
${spec}  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: app, image: nginx }]
`;

const diags = (text: string) =>
  parseScenario(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);

describe('ValidateStatefulSetSpec', () => {
  it.each([
    ['a valid set', '', []],
    [
      'podManagementPolicy',
      '  podManagementPolicy: Random\n',
      [
        `5:24 error spec.podManagementPolicy: Invalid value: "Random": must be 'OrderedReady' or 'Parallel'`,
      ],
    ],
    [
      'updateStrategy.type',
      '  updateStrategy: { type: Foo }\n',
      [
        `5:27 error spec.updateStrategy.type: Invalid value: "Foo": must be 'RollingUpdate' or 'OnDelete'`,
      ],
    ],
    [
      'a negative partition',
      '  updateStrategy: { rollingUpdate: { partition: -1 } }\n',
      [
        '5:49 error spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0',
      ],
    ],
    [
      'rollingUpdate with OnDelete',
      '  updateStrategy: { type: OnDelete, rollingUpdate: { partition: 1 } }\n',
      [
        `5:37 error spec.updateStrategy.rollingUpdate: Invalid value: {"partition":1}: only allowed for updateStrategy 'RollingUpdate'`,
      ],
    ],
    [
      'a negative ordinals.start',
      '  ordinals: { start: -2 }\n',
      ['5:22 error spec.ordinals.start: Invalid value: -2: must be greater than or equal to 0'],
    ],
    [
      'maxUnavailable: named, not silently dropped',
      '  updateStrategy: { rollingUpdate: { maxUnavailable: 2 } }\n',
      [
        '5:54 warning maxUnavailable needs the MaxUnavailableStatefulSet feature gate (alpha, off): a rolling update replaces one pod at a time',
      ],
    ],
  ])('%s', (_n, spec, want) => {
    expect(diags(doc(spec))).toEqual(want);
  });

  it('restartPolicy must be Always', () => {
    const text = doc('').replace('containers:', 'restartPolicy: Never\n      containers:');
    expect(diags(text)).toEqual([
      '9:22 error spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });
});

describe('SetDefaults_StatefulSet', () => {
  it('fills what the API server fills', () => {
    const set: JsonObject = JSON.parse(
      '{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"web"},"spec":{"template":{"spec":{"containers":[]}}}}',
    ) as JsonObject;
    defaultStatefulSet(set);
    expect(set.spec).toMatchObject({
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    });
  });
});

describe('patch statefulset: refused as the API server refuses it', () => {
  const stored = (): JsonObject => {
    const set = JSON.parse(
      JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'web', namespace: 'default' },
        spec: {
          serviceName: 'web',
          replicas: 3,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'app', image: 'nginx' }] },
          },
        },
      }),
    ) as JsonObject;
    defaultStatefulSet(set);
    return set;
  };
  const forbidden =
    "StatefulSet.apps \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

  it.each([
    ['serviceName', { spec: { serviceName: 'other' } }],
    ['podManagementPolicy', { spec: { podManagementPolicy: 'Parallel' } }],
  ])('%s is immutable', (_n, patch) => {
    expect(patchWorkload('StatefulSet', stored(), patch)).toEqual({
      ok: false,
      message: forbidden,
    });
  });

  it('a selector change is also checked against the template (ValidateStatefulSet first)', () => {
    const patch = { spec: { selector: { matchLabels: { app: 'web', v: '2' } } } };
    expect(patchWorkload('StatefulSet', stored(), patch)).toEqual({
      ok: false,
      message:
        forbidden.replace(
          'spec: Forbidden',
          '[spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`, spec: Forbidden',
        ) + ']',
    });
  });

  it.each([
    ['replicas', { spec: { replicas: 5 } }],
    [
      'the template',
      { spec: { template: { spec: { containers: [{ name: 'app', image: 'x' }] } } } },
    ],
    ['the partition', { spec: { updateStrategy: { rollingUpdate: { partition: 2 } } } }],
    ['revisionHistoryLimit', { spec: { revisionHistoryLimit: 3 } }],
    ['minReadySeconds', { spec: { minReadySeconds: 5 } }],
  ])('%s may change', (_n, patch) => {
    expect(patchWorkload('StatefulSet', stored(), patch)).toMatchObject({
      ok: true,
      changed: true,
    });
  });
});

describe('an action may name a StatefulSet pod before it exists', () => {
  it('web-1 is known (stable names), web-x is not', () => {
    const scenario = (pod: string) => `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: t }
spec:
  actions:
  - { at: 30s, delete: { kind: Pod, name: ${pod} } }
  - { at: 31s, kill: { pod: ${pod}, container: app } }
---
${doc('')}`;
    expect(diags(scenario('web-1'))).toEqual([]);
    expect(diags(scenario('web-x'))).toEqual([
      '6:43 warning Pod "web-x" is not defined in this scenario: this action will do nothing',
      '7:29 warning Pod "web-x" is not defined in this scenario: this action will do nothing',
    ]);
  });
});

describe('rollout of a StatefulSet', () => {
  const scenario = (body: string) => `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: t }
spec:
  actions:
  - { at: 30s, rollout: ${body} }
---
${doc('')}`;

  it.each([
    ['restart: accepted', '{ kind: StatefulSet, name: web, do: restart }', []],
    [
      'undo: Deployments only (no StatefulSet history is kept)',
      '{ kind: StatefulSet, name: web, do: undo }',
      [
        '6:33 error spec.actions[0].rollout.kind: Unsupported value: "StatefulSet": supported values: "Deployment"',
      ],
    ],
    [
      'no `do`: one message, where it is missing',
      '{ kind: StatefulSet, name: web }',
      ['6:16 error spec.actions[0].rollout.do: Required value'],
    ],
  ])('%s', (_n, body, want) => {
    expect(diags(scenario(body))).toEqual(want);
  });
});
