import { bench, describe } from 'vitest';
import { parseScenario } from './parseScenario.ts';
import { validator } from './schema/validateSchema.ts';
import { clearParseCache } from './source.ts';

const pod = (i: number) => `---
apiVersion: v1
kind: Pod
metadata:
  name: web-${i}
  labels: {app: web, tier: front}
spec:
  initContainers:
  - name: wait-db
    image: busybox:1.28
    command: ['sh', '-c', 'until nslookup db; do sleep 2; done']
  containers:
  - name: app
    image: nginx:1.25
    ports:
    - {name: http, containerPort: 80}
    readinessProbe:
      httpGet: {path: /index.html, port: http}
      initialDelaySeconds: 1
      periodSeconds: 3
    livenessProbe:
      exec:
        command: [cat, /tmp/healthy]
      periodSeconds: 5
    lifecycle:
      preStop:
        exec: {command: [sh, -c, 'sleep 5']}
`;

/** About 200 lines: a Scenario, 6 pods with init containers and probes, a Service. */
const SCENARIO_200 = `apiVersion: podlab.dev/v1
kind: Scenario
metadata: {name: bench}
spec:
  until: 10m
  actions:
  - at: 20s
    apply: {kind: Service, name: db}
  - at: 90s
    exec: {pod: web-0, container: app, command: "rm /tmp/healthy"}
${[0, 1, 2, 3, 4, 5].map(pod).join('')}---
apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]
`;

describe('parseScenario', () => {
  validator();
  const lines = SCENARIO_200.split('\n').length;
  bench(`${lines}-line scenario, cold (no cached documents)`, () => {
    clearParseCache();
    parseScenario(SCENARIO_200);
  });
  let n = 0;
  bench(`${lines}-line scenario, keystroke (one document changed)`, () => {
    parseScenario(SCENARIO_200.replace('name: web-3', `name: web-3-${n++}`));
  });
  bench('one seed pod (28 lines), cold', () => {
    clearParseCache();
    parseScenario(pod(0));
  });
});
