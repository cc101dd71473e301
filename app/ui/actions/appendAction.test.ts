import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { appendAction } from './appendAction.ts';

const POD = `# the pod
apiVersion: v1
kind: Pod
metadata:
  name: web   # keep me
spec:
  containers:
  - name: app
    image: nginx
`;

function actions(text: string): unknown {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [];
  const sc = list.find((d) => d.get('kind') === 'Scenario');
  return (sc?.toJS() as { spec: { actions: unknown } }).spec.actions;
}

describe('appendAction', () => {
  it('creates the Scenario document when missing and keeps the rest byte for byte', () => {
    const out = appendAction(POD, 45, { exec: { pod: 'web', container: 'app', command: 'date' } });
    expect(out.startsWith(POD)).toBe(true);
    expect(out).toContain('---\napiVersion: podlab.dev/v1\nkind: Scenario');
    expect(actions(out)).toEqual([
      { at: '45s', exec: { pod: 'web', container: 'app', command: 'date' } },
    ]);
  });

  it('adds to spec.actions in time order and keeps comments of the Scenario document', () => {
    const text = `${POD}---
apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: x }
spec:
  until: 5m   # run 5 minutes
  actions:
  - at: 10s
    exec: { pod: web, command: "echo a" }
  - at: 2m
    delete: { kind: Pod, name: web }
`;
    const out = appendAction(text, 75, {
      kill: { pod: 'web', container: 'app', signal: 'SIGKILL' },
    });
    expect(out.startsWith(POD)).toBe(true);
    expect(out).toContain('# run 5 minutes');
    const a = actions(out) as { at: string }[];
    expect(a.map((x) => x.at)).toEqual(['10s', '1m15s', '2m']);
  });

  it('adds spec.actions when the Scenario has none, without touching a later document', () => {
    const text = `apiVersion: podlab.dev/v1
kind: Scenario
spec:
  until: 2m
---
${POD}`;
    const out = appendAction(text, 3.25, {
      delete: { kind: 'Pod', name: 'web', gracePeriodSeconds: 5 },
    });
    expect(out.endsWith(`---\n${POD}`)).toBe(true);
    expect(actions(out)).toEqual([
      { at: '3.3s', delete: { kind: 'Pod', name: 'web', gracePeriodSeconds: 5 } },
    ]);
  });

  it('handles text without a trailing newline and an empty editor', () => {
    expect(appendAction('a: 1', 1, { apply: { kind: 'Service', name: 's' } })).toMatch(
      /^a: 1\n---\n/,
    );
    expect(actions(appendAction('', 0, { apply: { kind: 'Service', name: 's' } }))).toHaveLength(1);
  });

  it('keeps a comment header before the Scenario document exactly once', () => {
    const text = `# title: demo\n# watch: it\napiVersion: podlab.dev/v1\nkind: Scenario\nspec:\n  until: 9m\n---\n${POD}`;
    const out = appendAction(text, 20, { exec: { pod: 'web', command: 'date' } });
    expect(out.match(/# title: demo/g)).toHaveLength(1);
    expect(
      out.startsWith(
        '# title: demo\n# watch: it\napiVersion: podlab.dev/v1\nkind: Scenario\nspec:\n  until: 9m\n',
      ),
    ).toBe(true);
    expect(out.endsWith(`---\n${POD}`)).toBe(true);
    expect(actions(out)).toEqual([{ at: '20s', exec: { pod: 'web', command: 'date' } }]);
  });

  it('writes a debug action and a sandbox kill as the scenario reads them', () => {
    const out = appendAction(
      appendAction(POD, 20, { debug: { pod: 'web', image: 'busybox:1.36', target: 'app' } }),
      30,
      { kill: { pod: 'web', sandbox: true } },
    );
    expect(actions(out)).toEqual([
      { at: '20s', debug: { pod: 'web', image: 'busybox:1.36', target: 'app' } },
      { at: '30s', kill: { pod: 'web', sandbox: true } },
    ]);
  });
});
