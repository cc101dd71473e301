import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { toKubectlScript } from './kubectlScript.ts';
import { shellQuote } from './shellQuote.ts';
import { loadExamples } from './examplesNode.ts';

const SCENARIO = `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: demo }
spec:
  until: 2m
  actions:
    - at: 20s
      apply: { kind: Service, name: late }
    - at: 30.5s
      exec: { pod: web, container: nginx, command: "echo it's ok > /tmp/x" }
    - at: 40s
      exec: { pod: web, command: [ls, -l, /tmp] }
    - at: 50s
      setCondition: { pod: web, type: example.com/gate, status: "True" }
    - at: 60s
      kill: { pod: web, container: nginx, signal: SIGTERM }
    - at: 90s
      delete: { kind: Pod, name: web, gracePeriodSeconds: 5 }
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: { app: web } # keep this comment
spec:
  containers:
    - name: nginx
      image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: late
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`;

describe('toKubectlScript', () => {
  const script = toKubectlScript(SCENARIO);

  it('turns node actions into comments (Podlab powers the node off and on)', () => {
    const text = SCENARIO.replace(
      '    - at: 90s\n',
      '    - at: 70s\n      node: { name: node-1, state: Lost }\n    - at: 80s\n      node: { name: node-1, state: Ready }\n    - at: 90s\n',
    );
    const out = toKubectlScript(text);
    expect(out).toContain('# ssh node-1 sudo systemctl stop kubelet');
    expect(out.indexOf('# ssh node-1 sudo systemctl start kubelet')).toBeGreaterThan(
      out.indexOf('wait_until 80'),
    );
  });
  it.each([
    ['Cordoned', ['kubectl cordon node-1']],
    ['Drained', ['kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data --force']],
    ['Ready', ['# ssh node-1 sudo systemctl start kubelet', 'kubectl uncordon node-1']],
  ])('node state %s becomes kubectl', (state, want) => {
    const text = SCENARIO.replace(
      '    - at: 90s\n',
      `    - at: 70s\n      node: { name: node-1, state: ${state} }\n    - at: 90s\n`,
    );
    const out = toKubectlScript(text).split('\n');
    for (const w of want) expect(out).toContain(w);
  });
  const lines = script.split('\n');

  it('watches pods in the background and applies the t = 0 objects as written', () => {
    expect(lines[0]).toBe('#!/bin/sh');
    expect(script).toContain('kubectl get pods -w &\nWATCH=$!');
    const first = script.indexOf("kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod");
    expect(first).toBeGreaterThan(0);
    expect(script).toContain('labels: { app: web } # keep this comment');
    // The Scenario document itself is never sent to the cluster.
    expect(script).not.toContain('podlab.dev/v1');
  });

  it('replays actions in order, at their times', () => {
    const order = [
      'wait_until 20',
      "kubectl apply -f - <<'EOF'",
      'wait_until 31',
      `kubectl exec web -c nginx -- sh -c 'echo it'\\''s ok > /tmp/x'`,
      'wait_until 40',
      'kubectl exec web -- ls -l /tmp',
      `kubectl patch pod web --subresource=status --type=strategic -p '{"status":{"conditions":[{"type":"example.com/gate","status":"True"}]}}'`,
      'kubectl exec web -c nginx -- kill -TERM 1 || true',
      'wait_until 90',
      'kubectl delete pod web --grace-period=5 --wait=false',
      'wait_until 120',
    ];
    let at = 0;
    for (const line of order) {
      const i = lines.indexOf(line, at);
      expect(i, line).toBeGreaterThanOrEqual(at);
      at = i;
    }
    // The late Service is applied at 20 s, not at t = 0.
    expect(script.indexOf('name: late')).toBeGreaterThan(script.indexOf('wait_until 20'));
    expect(script.trimEnd().split('\n').pop()).toBe(
      '# clean up: kubectl delete pod/web service/late',
    );
  });

  it('a forced delete gets --grace-period=0', () => {
    const forced = SCENARIO.replace(
      'delete: { kind: Pod, name: web, gracePeriodSeconds: 5 }',
      'delete: { kind: Pod, name: web, force: true }',
    );
    expect(toKubectlScript(forced)).toContain(
      'kubectl delete pod web --grace-period=0 --force --wait=false',
    );
  });

  it('is valid POSIX sh', () => {
    expect(() => execFileSync('sh', ['-n'], { input: script })).not.toThrow();
  });

  it('picks a heredoc delimiter that does not clash with the body', () => {
    const yaml = `apiVersion: v1
kind: ConfigMap
metadata: { name: c }
data:
  script: |
    cat <<EOF
    hi
    EOF
`;
    const s = toKubectlScript(yaml);
    expect(s).toContain("kubectl apply -f - <<'EOF_'");
    expect(s).toMatch(/\nEOF_\n/);
  });

  it('writes a script for every bundled example', () => {
    for (const e of loadExamples()) {
      const s = toKubectlScript(e.yaml);
      expect(s.startsWith('#!/bin/sh\n'), e.slug).toBe(true);
      // A static pod is a file on a node: that example applies nothing through the API.
      if (e.slug === 'static-pod') expect(s, e.slug).toContain('/etc/kubernetes/manifests/');
      else expect(s, e.slug).toContain('kubectl apply -f -');
      // POSIX sh accepts it (syntax check only: nothing runs).
      expect(() => execFileSync('sh', ['-n'], { input: s }), e.slug).not.toThrow();
    }
  });
});

describe('shellQuote', () => {
  it('quotes only when needed', () => {
    expect(shellQuote('/tmp/x')).toBe('/tmp/x');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('$HOME')).toBe("'$HOME'");
  });
});

describe('toKubectlScript with namespaces (issue 13 item 6)', () => {
  const example = loadExamples().find((e) => e.slug === 'same-name-two-namespaces');
  const script = toKubectlScript(example?.yaml ?? '');

  it('creates the namespaces before the objects in them, in one apply', () => {
    const apply = script.slice(script.indexOf('# t = 0s'));
    const first = apply.indexOf('kind: Namespace');
    expect(first).toBeGreaterThan(0);
    expect(apply.indexOf('name: team-b')).toBeLessThan(apply.indexOf('kind: Pod'));
  });

  it('watches every namespace and names the namespace in actions and clean-up', () => {
    expect(script).toContain('kubectl get pods -A -w &');
    expect(script).toContain('kubectl exec web -n team-a -c app -- kill -KILL 1 || true');
    expect(script).toContain('# clean up: kubectl delete namespace team-a team-b');
    expect(script).not.toMatch(/kubectl delete pod\/web/);
  });

  it('a default-namespace scenario keeps its watch and clean-up lines', () => {
    const plain = toKubectlScript(SCENARIO);
    expect(plain).toContain('kubectl get pods -w &');
    expect(plain).toContain('# clean up: kubectl delete pod/web service/late\n');
  });
});

describe('the debug action', () => {
  it('the exported script adds it with kubectl debug, quoted, without waiting on a session', () => {
    const script = toKubectlScript(
      readFileSync(new URL('./examples/33-kubectl-debug.yaml', import.meta.url), 'utf8'),
    );
    expect(script).toContain(
      'kubectl debug web -it --attach=false --image=busybox:1.36 --target=app -c debugger\n',
    );
    expect(script).toContain(
      "kubectl debug web -it --attach=false --image=busybox:1.36 -c check -- sh -c 'wget -qO- localhost'\n",
    );
  });
});
