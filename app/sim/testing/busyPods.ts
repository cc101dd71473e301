/**
 * The busy-pod scenario of DESIGN §6 (issue 9): N pods, each an nginx container with httpGet
 * liveness and readiness probes every 1–3 s plus a busybox container that crash-loops, all selected
 * by one Service. Deterministic: pod i's periods come from i, not from a random source.
 */
import { defaultedPod, defaultedService } from '../../k8s/index.ts';
import type { ScenarioSpec, SourceObject } from '../../k8s/types.ts';

function busyPod(i: number): SourceObject {
  const name = `busy-${i}`;
  const readiness = 1 + (i % 3);
  const liveness = 1 + ((i + 1) % 3);
  return {
    kind: 'Pod',
    name,
    namespace: 'default',
    doc: i,
    object: defaultedPod({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', labels: { app: 'busy' } },
      spec: {
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.27',
            imagePullPolicy: 'IfNotPresent',
            ports: [{ containerPort: 80 }],
            readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: readiness },
            livenessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: liveness },
          },
          {
            name: 'crasher',
            image: 'busybox:1.36',
            imagePullPolicy: 'IfNotPresent',
            command: ['sh', '-c', 'echo starting; sleep 5; exit 1'],
          },
        ],
      },
    }),
  };
}

/** N busy pods on ⌈N/100⌉ nodes and the Service selecting them, ready for `simulate`. */
export function busyPods(
  n: number,
  untilS = 3600,
): { objects: SourceObject[]; scenario: ScenarioSpec } {
  const objects: SourceObject[] = [];
  for (let i = 0; i < n; i++) objects.push(busyPod(i));
  objects.push({
    kind: 'Service',
    name: 'busy',
    namespace: 'default',
    doc: n,
    object: defaultedService({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'busy', namespace: 'default' },
      spec: { selector: { app: 'busy' }, ports: [{ port: 80 }] },
    }),
  });
  return {
    objects,
    // A node holds at most 110 pods (kubelet maxPods): 100 busy pods per node, as a cluster
    // running this many would have them.
    scenario: {
      name: 'busy-pods',
      until: untilS,
      nodes: Math.max(1, Math.ceil(n / 100)),
      profile: {},
      actions: [],
      deferred: [],
    },
  };
}
