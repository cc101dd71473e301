/**
 * The patch action and the sandbox kill through the whole engine (reference cluster.md U7.3–U7.5,
 * P6.3): what the watch shows, to the second, and the messages to the byte.
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../index.ts';
import { toPodsimJson } from '../trace/podsimJson.ts';

const scenario = (actions: string, pod: string, extra = '') => `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: patch }
spec:
  until: 90s
  actions:
${actions}
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
---
${pod}${extra}`;

const WEB = `apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec:
  terminationGracePeriodSeconds: 2
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 3600']
`;

function run(text: string) {
  const { result } = simulateText(text);
  const j = toPodsimJson(result);
  const web = j.pods.web;
  return {
    j,
    rows: web?.rows.map((r) => `${r.t} ${r.ready} ${r.status} ${r.restarts}`),
    events: j.events.filter((e) => e.t >= 20).map((e) => `${e.t} ${e.reason} ${e.message}`),
    warnings: result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`),
    ready: j.endpoints.web?.map((e) => `${e.t} [${e.ready.join(',')}]`),
  };
}

describe('patch: a container image', () => {
  const r = run(
    scenario(
      `  - { at: 20s, patch: { kind: Pod, name: web, patch: { spec: { containers: [ { name: app, image: 'busybox:1.37' } ] } } } }`,
      WEB,
    ),
  );
  it('kills it with the kubelet’s event, SIGKILL after the grace, a new container with the new image', () => {
    expect(r.events).toEqual([
      '20 Killing Container app definition changed, will be restarted',
      '22 Pulled Container image "busybox:1.37" already present on machine',
      '22 Created Created container: app',
      '22 Started Started container app',
    ]);
    expect(r.rows).toEqual([
      '0 0/1 Pending 0',
      '0 0/1 ContainerCreating 0',
      '2 1/1 Running 0',
      '23 1/1 Running 1',
    ]);
  });
  it('the status image follows the new container; the action is ok', () => {
    const image = r.j.pods.web?.containers.app;
    expect(image?.restartCount).toEqual([
      { t: 0, value: 0 },
      { t: 23, value: 1 },
    ]);
    expect(r.j.actions).toEqual([
      { t: 20, action: 'patch Pod/web', ok: true, message: 'pod/web patched' },
    ]);
    expect(r.warnings).toEqual([]);
  });
});

const FORBIDDEN =
  'Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

describe('patch: refused', () => {
  const r = run(
    scenario(
      `  - at: 20s
    patch:
      kind: Pod
      name: web
      patch: { spec: { terminationGracePeriodSeconds: 5 } }`,
      WEB,
    ),
  );
  it('changes nothing: a warning at the action, the API server’s message in actions', () => {
    const message = `${FORBIDDEN}\n  core.PodSpec{\n- \tTerminationGracePeriodSeconds: 2,\n+ \tTerminationGracePeriodSeconds: 5,\n  }\n`;
    expect(r.warnings).toEqual([`7:5 warning ${message}`]);
    expect(r.j.actions).toEqual([{ t: 20, action: 'patch Pod/web', ok: false, message }]);
    expect(r.events).toEqual([]);
    expect(r.rows).toEqual(['0 0/1 Pending 0', '0 0/1 ContainerCreating 0', '2 1/1 Running 0']);
  });
});

describe('patch: labels, deadline', () => {
  it('a label change takes the pod out of the Service at once, and back', () => {
    const r = run(
      scenario(
        `  - { at: 20s, patch: { kind: Pod, name: web, patch: { metadata: { labels: { app: other } } } } }
  - { at: 40s, patch: { kind: Pod, name: web, patch: { metadata: { labels: { app: web } } } } }`,
        WEB,
      ),
    );
    expect(r.ready).toEqual(['0 []', '2 [web]', '20 []', '40 [web]']);
  });
  it('activeDeadlineSeconds set below the pod’s age: Failed DeadlineExceeded at the patch', () => {
    const r = run(
      scenario(
        `  - { at: 30s, patch: { kind: Pod, name: web, patch: { spec: { activeDeadlineSeconds: 10 } } } }`,
        WEB,
      ),
    );
    expect(r.events[0]).toBe(
      '30 DeadlineExceeded Pod was active on the node longer than the specified deadline',
    );
    expect(r.j.pods.web?.phase.at(-1)).toEqual({ t: 30, value: 'Failed' });
  });
  it('activeDeadlineSeconds lowered from 80 to 50: the pod fails at 50', () => {
    const pod = WEB.replace(
      '  terminationGracePeriodSeconds: 2',
      '  terminationGracePeriodSeconds: 2\n  activeDeadlineSeconds: 80',
    );
    const r = run(
      scenario(
        `  - { at: 30s, patch: { kind: Pod, name: web, patch: { spec: { activeDeadlineSeconds: 50 } } } }
  - { at: 40s, patch: { kind: Pod, name: web, patch: { spec: { activeDeadlineSeconds: 60 } } } }`,
        pod,
      ),
    );
    expect(r.events).toEqual([
      '50 DeadlineExceeded Pod was active on the node longer than the specified deadline',
      '50 Killing Stopping container app',
    ]);
    expect(r.j.actions?.[1]).toEqual({
      t: 40,
      action: 'patch Pod/web',
      ok: false,
      message:
        'Pod "web" is invalid: spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value',
    });
  });
});

describe('patch: a Node', () => {
  it('a label added to a node lets a pending pod with that nodeSelector schedule', () => {
    const pod = WEB.replace('spec:\n', 'spec:\n  nodeSelector: { disktype: ssd }\n');
    const r = run(
      scenario(
        `  - { at: 20s, patch: { kind: Node, name: node-1, patch: { metadata: { labels: { disktype: ssd } } } } }`,
        pod,
      ),
    );
    expect(r.j.actions).toEqual([
      { t: 20, action: 'patch Node/node-1', ok: true, message: 'node/node-1 patched' },
    ]);
    expect(r.events.filter((e) => e.includes('Scheduled'))).toEqual([
      '20 Scheduled Successfully assigned default/web to node-1',
    ]);
  });
  it('an unknown node is not found', () => {
    const r = run(
      scenario(
        `  - { at: 20s, patch: { kind: Node, name: node-9, patch: { metadata: { labels: { a: b } } } } }`,
        WEB,
      ),
    );
    expect(r.j.actions).toEqual([
      { t: 20, action: 'patch Node/node-9', ok: false, message: 'nodes "node-9" not found' },
    ]);
  });
});

const INIT = `apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec:
  terminationGracePeriodSeconds: 2
  initContainers:
  - name: init
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 2']
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 3600']
`;

describe('kill sandbox: true (the pause process)', () => {
  const r = run(scenario(`  - { at: 30s, kill: { pod: web, sandbox: true } }`, INIT));
  it('SandboxChanged, every container killed, a new sandbox, init again', () => {
    expect(r.events).toEqual([
      '31 SandboxChanged Pod sandbox changed, it will be killed and re-created.',
      '31 Killing Stopping container app',
      '34 Pulled Container image "busybox:1.36" already present on machine',
      '34 Created Created container: init',
      '34 Started Started container init',
      '37 Pulled Container image "busybox:1.36" already present on machine',
      '37 Created Created container: app',
      '37 Started Started container app',
    ]);
  });
  it('restart counts: the regular container goes on, the purged init container starts at 0', () => {
    const c = r.j.pods.web?.containers;
    expect(c?.app?.restartCount).toEqual([
      { t: 0, value: 0 },
      { t: 38, value: 1 },
    ]);
    expect(c?.init?.restartCount).toEqual([{ t: 0, value: 0 }]);
    expect(r.j.pods.web?.conditions.PodReadyToStartContainers).toEqual([
      { t: 0, status: 'False' },
      { t: 1, status: 'True' },
      { t: 31, status: 'False' },
      { t: 34, status: 'True' },
    ]);
  });
  it('a new pod IP from the new sandbox', () => {
    const { result } = simulateText(
      scenario(`  - { at: 30s, kill: { pod: web, sandbox: true } }`, INIT),
    );
    const ips = result.trace.flatMap((x) => (x.type === 'pod.ip' ? [`${x.t} ${x.ip}`] : []));
    expect(ips).toEqual(['1 10.244.1.2', '34 10.244.1.3']);
  });
  it('restartPolicy Never: the pod is killed, no new sandbox', () => {
    const never = run(
      scenario(
        `  - { at: 30s, kill: { pod: web, sandbox: true } }`,
        INIT.replace(
          '  terminationGracePeriodSeconds: 2',
          '  restartPolicy: Never\n  terminationGracePeriodSeconds: 2',
        ),
      ),
    );
    expect(never.events).toEqual(['31 Killing Stopping container app']);
    expect(never.j.pods.web?.phase.at(-1)).toEqual({ t: 34, value: 'Failed' });
  });
});

describe('patch: labels reach the downward API volume, not the environment', () => {
  const pod = `apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web, tier: a } }
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 3600']
    env:
    - name: TIER
      valueFrom: { fieldRef: { fieldPath: "metadata.labels['tier']" } }
    volumeMounts:
    - { name: info, mountPath: /etc/podinfo }
  volumes:
  - name: info
    downwardAPI:
      items:
      - { path: labels, fieldRef: { fieldPath: metadata.labels } }
`;
  it('the file shows the new label; $TIER keeps the old value', () => {
    const { result } = simulateText(
      scenario(
        `  - { at: 20s, patch: { kind: Pod, name: web, patch: { metadata: { labels: { tier: b } } } } }
  - { at: 30s, exec: { pod: web, command: 'cat /etc/podinfo/labels; echo; echo $TIER' } }`,
        pod,
      ),
    );
    const out = result.trace.flatMap((r) => (r.type === 'exec' ? [r.output] : []));
    expect(out).toEqual(['app="web"\ntier="b"\na\n']);
  });
});

describe('patch: tolerations against the admitted pod', () => {
  const patch = (tolerations: string) =>
    run(
      scenario(
        `  - { at: 20s, patch: { kind: Pod, name: web, patch: { spec: { tolerations: [${tolerations}] } } } }`,
        WEB,
      ),
    ).j.actions?.[0];
  it('a list without the DefaultTolerationSeconds tolerations admission added is refused', () => {
    expect(patch('{ key: dedicated, operator: Exists }')).toEqual({
      t: 20,
      action: 'patch Pod/web',
      ok: false,
      message:
        'Pod "web" is invalid: spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    });
  });
  it('keeping them (a new tolerationSeconds is allowed) and adding one is accepted', () => {
    expect(
      patch(`{ key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 60 },
      { key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 300 },
      { key: dedicated, operator: Exists }`),
    ).toEqual({ t: 20, action: 'patch Pod/web', ok: true, message: 'pod/web patched' });
  });
});

describe('patch: init container images', () => {
  const pod = INIT.replace(
    '  containers:\n',
    "  - name: proxy\n    image: busybox:1.36\n    restartPolicy: Always\n    command: ['sh', '-c', 'sleep 3600']\n  containers:\n",
  );
  it('a sidecar is killed and restarted (“Init container proxy definition changed”)', () => {
    const r = run(
      scenario(
        `  - { at: 30s, patch: { kind: Pod, name: web, patch: { spec: { initContainers: [ { name: proxy, image: 'busybox:1.37' } ] } } } }`,
        pod,
      ),
    );
    expect(r.events.slice(0, 2)).toEqual([
      '30 Killing Init container proxy definition changed',
      '32 Pulled Container image "busybox:1.37" already present on machine',
    ]);
    expect(r.j.pods.web?.containers.proxy?.restartCount.at(-1)).toEqual({ t: 33, value: 1 });
  });
  it('a finished plain init container: accepted, nothing restarts', () => {
    const r = run(
      scenario(
        `  - { at: 30s, patch: { kind: Pod, name: web, patch: { spec: { initContainers: [ { name: init, image: 'busybox:1.37' } ] } } } }`,
        pod,
      ),
    );
    expect(r.events).toEqual([]);
    expect(r.j.actions?.[0]?.ok).toBe(true);
  });
});

describe('node Rebooted', () => {
  const r = run(scenario(`  - { at: 30s, node: { name: node-1, state: Rebooted } }`, INIT));
  it('the containers are gone (255, Unknown), then the sandbox is re-created and init runs again', () => {
    expect(r.events).toEqual([
      '31 SandboxChanged Pod sandbox changed, it will be killed and re-created.',
      '32 Pulled Container image "busybox:1.36" already present on machine',
      '32 Created Created container: init',
      '32 Started Started container init',
      '35 Pulled Container image "busybox:1.36" already present on machine',
      '35 Created Created container: app',
      '35 Started Started container app',
    ]);
    expect(r.j.pods.web?.containers.app?.state[2]).toEqual({
      t: 31,
      state: 'terminated',
      reason: 'Unknown',
      exitCode: 255,
      startedAt: 4,
      finishedAt: 30,
    });
    expect(r.rows?.slice(-2)).toEqual(['35 0/1 Unknown 0', '36 1/1 Running 1']);
  });
});
