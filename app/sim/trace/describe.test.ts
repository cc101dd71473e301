import { describe, expect, it } from 'vitest';
import { describePod } from './describe.ts';
import { getPodRows } from './podRows.ts';
import { livenessExecTrace } from './fixtures.ts';
import { createTraceIndex } from './traceIndex.ts';
import { running, TraceBuilder, waiting } from './traceBuilder.ts';

describe('describePod (kubectl describe.go layout)', () => {
  const idx = createTraceIndex(livenessExecTrace(700));

  it('prints the G4 pod at 100 s like kubectl', () => {
    const out = describePod(idx, 'liveness-exec', 100);
    expect(out.split('\n').slice(0, 13).join('\n')).toBe(
      [
        'Name:             liveness-exec',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             node-1/192.168.49.2',
        'Start Time:       Thu, 01 Jan 2026 00:00:01 +0000',
        'Labels:           test=liveness',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.0.5',
        'IPs:',
        '  IP:  10.244.0.5',
        'Containers:',
      ].join('\n'),
    );
    expect(out).toContain(
      [
        '    State:          Running',
        '      Started:      Thu, 01 Jan 2026 00:01:17 +0000',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    137',
        '      Started:      Thu, 01 Jan 2026 00:00:02 +0000',
        '      Finished:     Thu, 01 Jan 2026 00:01:17 +0000',
        '    Ready:          True',
        '    Restart Count:  1',
        '    Liveness:       exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3',
      ].join('\n'),
    );
    expect(out).toContain(
      [
        '    Environment:    <none>',
        '    Mounts:',
        '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-',
      ].join('\n'),
    );
    // The admission-added token volume joins the QoS/Tolerations block, as on a real cluster.
    expect(out.replace(/kube-api-access-\w{5}/g, 'kube-api-access-xxxxx')).toContain(
      [
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:',
        '  kube-api-access-xxxxx:',
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    Optional:                false',
        '    DownwardAPI:             true',
        'QoS Class:                   BestEffort',
        'Node-Selectors:              <none>',
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
      ].join('\n'),
    );
    // Events align on their own (kubectl flushes the tabwriter first) and aggregate (R4.5).
    expect(out.slice(out.indexOf('Events:'))).toBe(
      [
        'Events:',
        '  Type     Reason     Age                From               Message',
        '  ----     ------     ----               ----               -------',
        '  Normal   Scheduled  100s               default-scheduler  Successfully assigned default/liveness-exec to node-1',
        "  Warning  Unhealthy  53s (x3 over 63s)  kubelet            Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
        '  Normal   Killing    53s                kubelet            Container liveness failed liveness probe, will be restarted',
        '  Normal   Pulled     23s (x2 over 99s)  kubelet            Container image "registry.k8s.io/busybox" already present on machine',
        '  Normal   Created    23s (x2 over 99s)  kubelet            Created container: liveness',
        '  Normal   Started    23s (x2 over 99s)  kubelet            Started container liveness',
        '',
      ].join('\n'),
    );
  });

  it('shows Waiting with its reason during CrashLoopBackOff', () => {
    const out = describePod(idx, 'liveness-exec', 460);
    expect(out).toContain('    State:          Waiting\n      Reason:       CrashLoopBackOff\n');
    expect(out).toContain('    Ready:          False\n    Restart Count:  5\n');
  });

  it('shows Terminating like kubectl (translateTimestampSince of deletionTimestamp)', () => {
    const b = new TraceBuilder().pod('web', {
      containers: [
        { name: 'nginx', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }] },
      ],
    });
    b.started('web', ['nginx']);
    b.container(2, 'web', 'nginx', { state: running(2), ready: true, started: true });
    b.deleting(10, 'web', 30);
    const i = createTraceIndex(b.build());
    const during = describePod(i, 'web', 16);
    expect(during).toContain('Status:                    Terminating (lasts <invalid>)\n');
    expect(during).toContain('Termination Grace Period:  30s\n');
    expect(during).toContain('    Port:           80/TCP\n    Host Port:      0/TCP\n');
    expect(describePod(i, 'web', 42)).toContain('Terminating (lasts 2s)');
  });

  it('lists init containers, Events: <none> in the main block, and NotFound', () => {
    const b = new TraceBuilder().pod('p', {
      initContainers: [{ name: 'init', image: 'busybox', command: ['sh', '-c', 'sleep 1'] }],
      containers: [
        {
          name: 'app',
          image: 'nginx',
          resources: { limits: { cpu: '100m', memory: '64Mi' } },
          env: [{ name: 'MODE', value: 'demo' }],
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
        },
      ],
      volumes: [{ name: 'data', emptyDir: {} }],
    });
    b.container(0, 'p', 'init', { state: waiting('PodInitializing') }, 'init');
    const out = describePod(createTraceIndex(b.build()), 'p', 0);
    expect(out).toContain(
      'Init Containers:\n  init:\n    Container ID:  \n    Image:         busybox\n',
    );
    expect(out).toContain('    Command:\n      sh\n      -c\n      sleep 1\n');
    expect(out).toContain(
      '    Limits:\n      cpu:     100m\n      memory:  64Mi\n    Requests:\n      cpu:     100m\n      memory:  64Mi\n',
    );
    expect(out).toContain(
      '    Environment:\n      MODE:  demo\n    Mounts:\n      /data from data (rw)\n',
    );
    expect(out).toMatch(
      / {2}data:\n {4}Type:\s+EmptyDir \(a temporary directory that shares a pod's lifetime\)\n {4}Medium:\s+\n {4}SizeLimit:\s+<unset>\n/,
    );
    expect(out).toMatch(/\nQoS Class:\s+Burstable\n/);
    expect(out).toMatch(/\nEvents:\s+<none>\n$/);
    expect(out).toContain('Node:             <none>\n');
    expect(describePod(createTraceIndex(b.build()), 'nope', 0)).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
  });
});

describe('readiness gates', () => {
  it('count True gate conditions in -o wide and list them in describe', () => {
    const b = new TraceBuilder().pod('g', {
      containers: [{ name: 'c', image: 'nginx' }],
      readinessGates: [{ conditionType: 'example.com/feature-1' }],
    });
    b.started('g', ['c']);
    b.container(2, 'g', 'c', { state: running(2), ready: true, started: true });
    b.condition(5, 'g', 'example.com/feature-1', 'True');
    const idx = createTraceIndex(b.build());
    expect(getPodRows(idx, 3)[0]?.readinessGates).toBe('0/1');
    expect(getPodRows(idx, 5)[0]?.readinessGates).toBe('1/1');
    expect(describePod(idx, 'g', 3)).toContain(
      'Readiness Gates:\n  Type                    Status\n  example.com/feature-1   <none> \n',
    );
    // A condition the kubelet does not own keeps its place before the kubelet's (R5.1).
    expect(describePod(idx, 'g', 5)).toContain(
      'Conditions:\n  Type                        Status\n  example.com/feature-1       True \n  PodReadyToStartContainers   True \n',
    );
  });
});
