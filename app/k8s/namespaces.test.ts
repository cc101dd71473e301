/** Namespace documents and NamespaceLifecycle's refusal of objects in a missing namespace. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parseScenario.ts';

const ns = (name: string, extra = '') =>
  `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}}\n${extra}---\n`;
const pod = (namespace: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: ${namespace}\nspec:\n  containers: [{name: app, image: nginx}]\n`;

function run(text: string) {
  const r = parseScenario(text);
  return {
    diags: r.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`),
    objects: r.objects.map((o) => `${o.kind}/${o.namespace}/${o.name}`),
  };
}

const NOT_FOUND = (n: string) =>
  `namespaces "${n}" not found: the API server refuses objects in a namespace that does not exist (add a Namespace document named ${n})`;

describe('objects in a namespace', () => {
  it.each([
    ['default', pod('default'), [], ['Pod/default/web']],
    ['kube-system (built in)', pod('kube-system'), [], ['Pod/kube-system/web']],
    ['kube-public (built in)', pod('kube-public'), [], ['Pod/kube-public/web']],
    ['kube-node-lease (built in)', pod('kube-node-lease'), [], ['Pod/kube-node-lease/web']],
    ['team-a with its Namespace document', ns('team-a') + pod('team-a'), [], ['Pod/team-a/web']],
    [
      'team-a with the Namespace document after it',
      `${pod('team-a')}---\n${ns('team-a')}`,
      [],
      ['Pod/team-a/web'],
    ],
    [
      'constructor (a prototype key)',
      ns('constructor') + pod('constructor'),
      [],
      ['Pod/constructor/web'],
    ],
    [
      'team-a without one: refused at metadata.namespace',
      pod('team-a'),
      [`5:14 error ${NOT_FOUND('team-a')}`],
      [],
    ],
    [
      'tostring without one (no prototype lookup)',
      pod('tostring'),
      [`5:14 error ${NOT_FOUND('tostring')}`],
      [],
    ],
  ])('%s', (_name, text, diags, objects) => {
    expect(run(text)).toEqual({ diags, objects });
  });

  it('an invalid namespace name has only its own error', () => {
    const { diags, objects } = run(pod('__proto__'));
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatch(
      /^5:14 error metadata\.namespace: Invalid value: "__proto__": a lowercase RFC 1123 label/,
    );
    expect(objects).toEqual([]);
  });
});

describe('Namespace documents', () => {
  it.each([
    [
      'a name that is not a DNS label',
      ns('Team_A'),
      /^3:18 error metadata\.name: Invalid value: "Team_A": a lowercase RFC 1123 label/,
    ],
    [
      'no name',
      'apiVersion: v1\nkind: Namespace\nmetadata: {}\n',
      /^3:\d+ error metadata\.name: Required value/,
    ],
    [
      'a version that has no Namespace',
      'apiVersion: apps/v1\nkind: Namespace\nmetadata: {name: a}\n',
      /^1:13 error no matches for kind "Namespace" in version "apps\/v1"$/,
    ],
    [
      'the same name twice',
      ns('a') + ns('a'),
      /^7:18 error namespaces "a" already exists \(document 1 defines it\)$/,
    ],
    ['an unknown field', ns('a', 'data: {}\n'), /^4:1 error unknown field "data"$/],
  ])('%s', (_name, text, message) => {
    const { diags } = run(text);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatch(message);
  });

  it('a refused Namespace document does not create its namespace', () => {
    const text = `apiVersion: apps/v1\nkind: Namespace\nmetadata: {name: team-a}\n---\n${pod('team-a')}`;
    const { diags, objects } = run(text);
    expect(diags).toEqual([
      '1:13 error no matches for kind "Namespace" in version "apps/v1"',
      `9:14 error ${NOT_FOUND('team-a')}`,
    ]);
    expect(objects).toEqual([]);
  });

  it('default may be declared, as kubectl apply accepts it', () => {
    expect(run(ns('default') + pod('default'))).toEqual({
      diags: [],
      objects: ['Pod/default/web'],
    });
  });
});
