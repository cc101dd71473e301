/**
 * A DaemonSet document as the API server validates it (validation.go ValidateDaemonSetSpec,
 * ValidateRollingUpdateDaemonSet), its defaults (SetDefaults_DaemonSet), and `kubectl patch
 * daemonset` refusals (ValidateDaemonSetUpdate), one row per rule, with the API server's message.
 */
import { describe, expect, it } from 'vitest';
import { defaultDaemonSet } from './daemonSets.ts';
import type { JsonObject } from './json.ts';
import { parseScenario } from './parseScenario.ts';
import { patchWorkload } from './patchObject.ts';

const doc = (spec: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
${spec}  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers: [{ name: app, image: nginx }]
`;

const diags = (text: string) =>
  parseScenario(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);

describe('ValidateDaemonSetSpec', () => {
  it.each([
    ['a valid set', '', []],
    [
      'updateStrategy.type',
      '  updateStrategy: { type: Foo }\n',
      [
        '5:27 error spec.updateStrategy.type: Unsupported value: "Foo": supported values: "RollingUpdate", "OnDelete"',
      ],
    ],
    [
      'maxSurge with the default maxUnavailable 1',
      '  updateStrategy: { rollingUpdate: { maxSurge: 1 } }\n',
      [
        '5:48 error spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero',
      ],
    ],
    [
      'both 0',
      '  updateStrategy: { rollingUpdate: { maxUnavailable: 0 } }\n',
      [
        '5:38 error spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
      ],
    ],
    [
      'a percentage over 100 %',
      '  updateStrategy: { rollingUpdate: { maxUnavailable: 0, maxSurge: "150%" } }\n',
      [
        '5:67 error spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: "150%": must not be greater than 100%',
      ],
    ],
    [
      'maxSurge with maxUnavailable 0',
      '  updateStrategy: { rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } }\n',
      [],
    ],
    [
      'negative minReadySeconds',
      '  minReadySeconds: -1\n',
      ['5:20 error spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0'],
    ],
  ])('%s', (_n, spec, want) => {
    expect(diags(doc(spec))).toEqual(want);
  });

  it('restartPolicy must be Always', () => {
    const text = doc('').replace('containers:', 'restartPolicy: OnFailure\n      containers:');
    expect(diags(text)).toEqual([
      '9:22 error spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ]);
  });

  it('activeDeadlineSeconds is forbidden', () => {
    const text = doc('').replace('containers:', 'activeDeadlineSeconds: 30\n      containers:');
    expect(diags(text)).toEqual([
      '9:7 error spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported',
    ]);
  });

  it('an empty selector', () => {
    const text = doc('').replace(
      '  selector: { matchLabels: { app: agent } }\n',
      '  selector: {}\n',
    );
    // The value part is shared with Deployments (validateSelector); the rule's text is the point here.
    expect(diags(text)).toEqual([
      expect.stringMatching(
        /^5:3 error spec\.selector: .*: empty selector is invalid for daemonset$/,
      ),
    ]);
  });
});

describe('SetDefaults_DaemonSet', () => {
  it('fills what the API server fills', () => {
    const ds = JSON.parse(
      '{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"a"},"spec":{"template":{"spec":{"containers":[]}}}}',
    ) as JsonObject;
    defaultDaemonSet(ds);
    expect(ds.spec).toMatchObject({
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
    });
  });
});

describe('patch daemonset', () => {
  const stored = (): JsonObject => {
    const ds = JSON.parse(
      JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'agent', namespace: 'default' },
        spec: {
          selector: { matchLabels: { app: 'agent' } },
          template: {
            metadata: { labels: { app: 'agent' } },
            spec: { containers: [{ name: 'app', image: 'nginx' }] },
          },
        },
      }),
    ) as JsonObject;
    defaultDaemonSet(ds);
    return ds;
  };

  it('a new image is accepted and changes the object', () => {
    const patch = { spec: { template: { spec: { containers: [{ name: 'app', image: 'x' }] } } } };
    expect(patchWorkload('DaemonSet', stored(), patch)).toMatchObject({ ok: true, changed: true });
  });

  // Found by fuzz B (seed 9413): the API server decodes a patched object before validating it.
  it('a value of the wrong type is refused as the decoder refuses it', () => {
    const patch = { spec: { template: { spec: { containers: [{ name: 'app', image: [] }] } } } };
    expect(patchWorkload('DaemonSet', stored(), patch)).toEqual({
      ok: false,
      message:
        'DaemonSet.apps "agent" is invalid: spec.template.spec.containers[0].image: Invalid value: [...]: must be a string',
    });
  });

  it('the selector is immutable', () => {
    const patch = {
      spec: {
        selector: { matchLabels: { app: 'agent', v: '2' } },
        template: { metadata: { labels: { app: 'agent', v: '2' } } },
      },
    };
    expect(patchWorkload('DaemonSet', stored(), patch)).toEqual({
      ok: false,
      message:
        'DaemonSet.apps "agent" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"agent","v":"2"}}: field is immutable',
    });
  });
});

describe('scale and rollout of a DaemonSet', () => {
  const scenario = (action: string) => `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: t }
spec:
  actions:
  - { at: 30s, ${action} }
---
${doc('')}`;

  it("rollout restart is accepted; undo is a Deployment's only", () => {
    expect(diags(scenario('rollout: { kind: DaemonSet, name: agent, do: restart }'))).toEqual([]);
    expect(diags(scenario('rollout: { kind: DaemonSet, name: agent, do: undo }'))).toEqual([
      '6:33 error spec.actions[0].rollout.kind: Unsupported value: "DaemonSet": supported values: "Deployment"',
    ]);
  });

  it('scale is accepted by kubectl and refused by the API server at run time', () => {
    expect(diags(scenario('scale: { kind: DaemonSet, name: agent, replicas: 2 }'))).toEqual([]);
  });
});
