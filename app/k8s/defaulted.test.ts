/** The Defaulted types' promises hold at run time: every field they mark present is set. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parseScenario.ts';
import type { DefaultedPod, DefaultedService } from './types.ts';

const TEXT = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: app
    image: nginx
    ports: [{ containerPort: 80 }]
    livenessProbe: { httpGet: { port: 80 } }
    readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 0 }
    lifecycle: { preStop: { httpGet: { port: 80 } } }
---
apiVersion: v1
kind: Service
metadata: { name: svc }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
`;

describe('Defaulted types (SetDefaults_* in pkg/apis/core/v1/defaults.go)', () => {
  const parsed = parseScenario(TEXT);
  const pod = parsed.objects.find((o) => o.kind === 'Pod')?.object as DefaultedPod;
  const svc = parsed.objects.find((o) => o.kind === 'Service')?.object as DefaultedService;
  const c = pod.spec.containers[0];

  it.each<[string, unknown, unknown]>([
    ['metadata.namespace', pod.metadata.namespace, 'default'],
    ['spec.restartPolicy', pod.spec.restartPolicy, 'Always'],
    ['spec.terminationGracePeriodSeconds', pod.spec.terminationGracePeriodSeconds, 30],
    ['spec.dnsPolicy', pod.spec.dnsPolicy, 'ClusterFirst'],
    ['spec.schedulerName', pod.spec.schedulerName, 'default-scheduler'],
    ['spec.securityContext', pod.spec.securityContext, {}],
    ['spec.enableServiceLinks', pod.spec.enableServiceLinks, true],
    ['container.imagePullPolicy', c?.imagePullPolicy, 'Always'],
    ['container.terminationMessagePath', c?.terminationMessagePath, '/dev/termination-log'],
    ['container.terminationMessagePolicy', c?.terminationMessagePolicy, 'File'],
    ['container.ports[0].protocol', c?.ports?.[0]?.protocol, 'TCP'],
    ['livenessProbe.timeoutSeconds', c?.livenessProbe?.timeoutSeconds, 1],
    ['livenessProbe.periodSeconds', c?.livenessProbe?.periodSeconds, 10],
    ['livenessProbe.successThreshold', c?.livenessProbe?.successThreshold, 1],
    ['livenessProbe.failureThreshold', c?.livenessProbe?.failureThreshold, 3],
    ['livenessProbe.initialDelaySeconds', c?.livenessProbe?.initialDelaySeconds, 0],
    ['livenessProbe.httpGet.path', c?.livenessProbe?.httpGet?.path, '/'],
    ['livenessProbe.httpGet.scheme', c?.livenessProbe?.httpGet?.scheme, 'HTTP'],
    ['readinessProbe.periodSeconds (0 is unset)', c?.readinessProbe?.periodSeconds, 10],
    ['preStop.httpGet.path', c?.lifecycle?.preStop?.httpGet?.path, '/'],
    ['service spec.type', svc.spec.type, 'ClusterIP'],
    ['service spec.sessionAffinity', svc.spec.sessionAffinity, 'None'],
    ['service ports[0].protocol', svc.spec.ports?.[0]?.protocol, 'TCP'],
    ['service ports[0].targetPort', svc.spec.ports?.[0]?.targetPort, 80],
  ])('%s', (_, got, want) => {
    expect(got).toEqual(want);
  });
});
