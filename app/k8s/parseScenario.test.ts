import { describe, expect, it } from 'vitest';
import { createLocator, parseScenario } from './parseScenario.ts';

type Row = [number, number, number, number, string, string | undefined, number | undefined, string];
function rows(text: string): Row[] {
  return parseScenario(text).diagnostics.map((d) => [
    d.line,
    d.column,
    d.endLine,
    d.endColumn,
    d.severity,
    d.code,
    d.doc,
    d.message,
  ]);
}
const names = (text: string) =>
  parseScenario(text).objects.map((o) => `${o.kind}/${o.name}${o.path ? `@${o.path}` : ''}`);

const CM = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\n`;

describe('YAML syntax errors: the parser message at its place, other documents still load', () => {
  it.each([
    [
      'tab indentation',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n',
      [[4, 1, 4, 2, 'error', 'yaml-syntax', 0, 'Tabs are not allowed as indentation']],
    ],
    [
      'duplicate key',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  k: "1"\n  k: "2"\n',
      [[6, 3, 6, 4, 'error', 'yaml-syntax', 0, 'Map keys must be unique']],
    ],
    [
      'bad indentation',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n   labels: {}\n',
      [
        [
          4,
          9,
          4,
          10,
          'error',
          'yaml-syntax',
          0,
          'Nested mappings are not allowed in compact mappings',
        ],
        [4, 9, 5, 10, 'error', 'yaml-syntax', 0, 'Implicit keys need to be on a single line'],
      ],
    ],
    [
      'unclosed quote',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "abc\n',
      [[4, 12, 4, 13, 'error', 'yaml-syntax', 0, 'Missing closing "quote']],
    ],
  ] as const)('%s', (_name, bad, expected) => {
    const text = `${bad}---\n${CM('ok')}`;
    expect(rows(text)).toEqual(expected);
    expect(names(text)).toEqual(['ConfigMap/ok']);
  });
});

describe('documents and kinds', () => {
  it('skips empty documents and counts them in doc indexes', () => {
    const text = `---\n# nothing\n---\n\n---\n${CM('a')}---\n${CM('b')}`;
    const r = parseScenario(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.objects.map((o) => [o.name, o.doc])).toEqual([
      ['a', 2],
      ['b', 3],
    ]);
  });

  it('a fragment or a scalar is not an object: error at line 1 of that document', () => {
    const text = `${CM('a')}---\nlivenessProbe:\n  exec:\n    command: [ls]\n---\njust text\n`;
    expect(rows(text)).toEqual([
      [
        5,
        1,
        5,
        14,
        'error',
        'not-object',
        1,
        'not a Kubernetes object: apiVersion and kind are required',
      ],
      [
        9,
        1,
        9,
        10,
        'error',
        'not-object',
        2,
        'not a Kubernetes object: apiVersion and kind are required',
      ],
    ]);
  });

  it('other kinds are kept out with a warning at their kind', () => {
    const text = `apiVersion: apps/v1\nkind: CronJob\nmetadata: {name: d}\n---\napiVersion: v1\nkind: Pdo\n---\n${CM('a')}`;
    expect(rows(text)).toEqual([
      [2, 7, 2, 14, 'warning', 'not-simulated', 0, 'CronJob is not simulated yet'],
      [6, 7, 6, 10, 'warning', 'not-simulated', 1, 'Pdo is not simulated yet (did you mean Pod?)'],
    ]);
    expect(names(text)).toEqual(['ConfigMap/a']);
  });

  it('a simulated kind with a wrong apiVersion', () => {
    expect(
      rows(
        'apiVersion: apps/v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: b}]\n',
      ),
    ).toEqual([
      [1, 13, 1, 20, 'error', 'invalid-value', 0, 'no matches for kind "Pod" in version "apps/v1"'],
    ]);
  });

  it('List items are flattened and keep their ranges', () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: b}\n  spec:\n    containers:\n    - name: c\n      image: nginx\n      imagePullPolcy: Always\n- kind: Foo\n';
    expect(rows(text)).toEqual([
      [
        14,
        7,
        14,
        21,
        'error',
        'unknown-field',
        0,
        'unknown field "spec.containers[0].imagePullPolcy" (did you mean imagePullPolicy?)',
      ],
      [
        15,
        3,
        15,
        12,
        'error',
        'not-object',
        0,
        'not a Kubernetes object: apiVersion and kind are required',
      ],
    ]);
    const r = parseScenario(text);
    expect(names(text)).toEqual(['ConfigMap/a@items[0]']);
    expect(r.locate({ doc: 0, path: 'items[0].metadata.name' })).toEqual({
      line: 6,
      column: 20,
      endLine: 6,
      endColumn: 21,
    });
  });

  it('kubectl get -o yaml output loads; server fields are dropped', () => {
    // Its namespace must exist (NamespaceLifecycle), hence the Namespace document first.
    const text = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: "2024-05-01T10:00:00Z"
  name: web
  namespace: shop
  resourceVersion: "12345"
  uid: 2f0e6c1a-7a43-4c7e-9f55-0c5e0e8b6a1d
  managedFields:
  - apiVersion: v1
    fieldsType: FieldsV1
    fieldsV1:
      f:spec:
        f:containers:
          k:{"name":"web"}:
            .: {}
    manager: kubectl-client-side-apply
    operation: Update
    time: "2024-05-01T10:00:00Z"
spec:
  containers:
  - image: nginx:1.25
    imagePullPolicy: IfNotPresent
    name: web
    resources: {}
  nodeName: node-1
status:
  phase: Running
  podIP: 10.244.0.5
  conditions:
  - type: Ready
    status: "True"
  containerStatuses:
  - name: web
    ready: true
    restartCount: 0
    state:
      running:
        startedAt: "2024-05-01T10:00:05Z"
`;
    const r = parseScenario(text);
    expect(r.diagnostics).toEqual([]);
    const pod = r.objects[0];
    expect(pod?.namespace).toBe('shop');
    const obj = pod?.object as { status?: unknown; metadata: Record<string, unknown> };
    expect(obj.status).toBeUndefined();
    expect(Object.keys(obj.metadata).sort()).toEqual(['name', 'namespace']);
  });

  it('null fields are absent (Go decoding), not type errors', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\nspec:\n  containers:\n  - name: a\n    image: nginx\n    livenessProbe:\n';
    const r = parseScenario(text);
    expect(r.diagnostics).toEqual([]);
    const pod = r.objects[0];
    expect(pod?.kind).toBe('Pod');
    if (pod?.kind !== 'Pod') return;
    expect(Object.keys(pod.object.spec?.containers[0] ?? {})).not.toContain('livenessProbe');
    expect(pod.object.metadata?.labels).toBeUndefined();
  });

  it('wrong types are reported at the value and stop API validation of that object', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: nginx\n    ports:\n    - containerPort: "80"\n    livenessProbe:\n      periodSeconds: often\n';
    expect(rows(text)).toEqual([
      [
        9,
        22,
        9,
        26,
        'error',
        'invalid-type',
        0,
        'spec.containers[0].ports[0].containerPort: Invalid value: "80": must be an integer',
      ],
      [
        11,
        22,
        11,
        27,
        'error',
        'invalid-type',
        0,
        'spec.containers[0].livenessProbe.periodSeconds: Invalid value: "often": must be an integer',
      ],
    ]);
  });

  it('locate maps object paths to the value, the key, or the nearest existing ancestor', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: nginx\n    livenessProbe:\n      exec: {command: [ls]}\n';
    const r = parseScenario(text);
    const at = (path: string, key?: boolean) => r.locate({ doc: 0, path }, { key: key ?? false });
    expect(at('spec.containers[0].image')).toEqual({
      line: 7,
      column: 12,
      endLine: 7,
      endColumn: 17,
    });
    expect(at('spec.containers[0].image', true)).toEqual({
      line: 7,
      column: 5,
      endLine: 7,
      endColumn: 10,
    });
    // periodSeconds is defaulted, not written: its probe's key.
    expect(at('spec.containers[0].livenessProbe.periodSeconds')).toEqual({
      line: 8,
      column: 5,
      endLine: 8,
      endColumn: 18,
    });
    expect(at('spec.containers[0].livenessProbe.exec.command[0]')).toEqual({
      line: 9,
      column: 24,
      endLine: 9,
      endColumn: 26,
    });
    expect(r.locate({ doc: 5, path: 'spec' })).toBeUndefined();
  });
});

describe('YAML features kubectl accepts', () => {
  it('anchors, aliases and merge keys', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - &base
    name: a
    image: busybox
    command: [sleep, "3600"]
  - <<: *base
    name: b
`;
    const r = parseScenario(text);
    expect(r.diagnostics).toEqual([]);
    const pod = r.objects[0];
    if (pod?.kind !== 'Pod') throw new Error('expected a Pod');
    expect(pod.object.spec?.containers.map((c) => [c.name, c.image, c.command])).toEqual([
      ['a', 'busybox', ['sleep', '3600']],
      ['b', 'busybox', ['sleep', '3600']],
    ]);
  });
});

describe('names and locators', () => {
  it('generateName gets a deterministic suffix', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {generateName: cfg-}\n';
    const a = parseScenario(text).objects[0]?.name;
    expect(a).toMatch(/^cfg-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(parseScenario(text).objects[0]?.name).toBe(a);
  });

  it('createLocator resolves FieldRefs without validating', () => {
    const locate = createLocator('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n');
    expect(locate({ doc: 0, path: 'metadata.name' })).toEqual({
      line: 4,
      column: 9,
      endLine: 4,
      endColumn: 10,
    });
  });
});
