/** The patch action and `kill: { sandbox: true }` read at their lines (DESIGN §3). */
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parseScenario.ts';

const text = (actions: string) => `apiVersion: podlab.dev/v1
kind: Scenario
metadata: {name: demo}
spec:
  actions:
${actions}---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: app, image: nginx}]
`;

const read = (actions: string) => {
  const r = parseScenario(text(actions));
  return {
    actions: r.scenario.actions,
    diags: r.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`),
  };
};

describe('patch action', () => {
  it('is read with its body', () => {
    const r = read(`  - at: 5s
    patch: {kind: Pod, name: p, patch: {metadata: {labels: {a: b}}}}
`);
    expect(r.diags).toEqual([]);
    expect(r.actions).toEqual([
      {
        at: 5,
        doc: 0,
        path: 'spec.actions[0]',
        patch: { kind: 'Pod', name: 'p', patch: { metadata: { labels: { a: 'b' } } } },
      },
    ]);
  });

  it.each([
    [
      'an unknown pod: a warning, the action stays',
      '    patch: {kind: Pod, name: ghost, patch: {}}\n',
      ['7:30 warning Pod "ghost" is not defined in this scenario: this action will do nothing'],
      1,
    ],
    [
      'a kind the engine cannot patch: a warning, the action is dropped',
      '    patch: {kind: Service, name: svc, patch: {}}\n',
      [
        '7:19 warning patching a Service is not simulated yet (Pod, Node, Deployment, ReplicaSet, Job, StatefulSet, DaemonSet are): this action will do nothing',
      ],
      0,
    ],
    [
      'a Job: kept (the run applies it); suspend is named as not simulated',
      '    patch: {kind: Job, name: j, patch: {spec: {suspend: true}}}\n',
      [
        '7:30 warning Job "j" is not defined in this scenario: this action will do nothing',
        '7:57 warning Podlab does not simulate a suspended Job yet: it runs as if not suspended',
      ],
      1,
    ],
    [
      'no patch body: the schema says so, the action is dropped',
      '    patch: {kind: Pod, name: p}\n',
      ['7:5 error spec.actions[0].patch.patch: Required value'],
      0,
    ],
  ])('%s', (_n, body, diags, kept) => {
    const r = read(`  - at: 5s\n${body}`);
    expect(r.diags).toEqual(diags);
    expect(r.actions).toHaveLength(kept);
  });
});

describe('kill sandbox: true', () => {
  it('names no container', () => {
    const r = read('  - {at: 5s, kill: {pod: p, sandbox: true}}\n');
    expect(r.diags).toEqual([]);
    expect(r.actions).toEqual([
      { at: 5, doc: 0, path: 'spec.actions[0]', kill: { pod: 'p', container: '', sandbox: true } },
    ]);
  });
  it('a container and sandbox, or neither, is an error at the action', () => {
    const r = read(`  - {at: 5s, kill: {pod: p, container: app, sandbox: true}}
  - {at: 6s, kill: {pod: p}}
`);
    expect(r.diags).toEqual([
      '6:29 error spec.actions[0].kill.container: Forbidden: may not be set with sandbox: true',
      '7:14 error spec.actions[1].kill.container: Required value: a container to kill, or sandbox: true',
    ]);
    expect(r.actions).toEqual([]);
  });
});
