import { describe, expect, it } from 'vitest';
import { parseScenario } from '../parseScenario.ts';

const warnings = (text: string) =>
  parseScenario(text).diagnostics.map(
    (d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code} ${d.message}`,
  );

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  containers:
  - name: app
    image: nginx
    ports:
    - {name: http, containerPort: 80}
`;

describe('playground reference warnings', () => {
  it('a named probe or hook port missing from the container ports', () => {
    const text = `${POD}    readinessProbe:\n      httpGet: {port: metrics}\n    lifecycle:\n      preStop:\n        tcpSocket: {port: admin}\n    livenessProbe:\n      httpGet: {port: http}\n`;
    expect(warnings(text)).toEqual([
      `13:23-13:30 warning unknown-port-name port name "metrics" is not defined in this container's ports: every attempt of this probe errors and is discarded, so the container never becomes ready`,
      `16:27-16:32 warning unknown-port-name port name "admin" is not defined in this container's ports: the kubelet will fail this hook`,
    ]);
    // A warning does not keep the Pod out of the simulation.
    expect(parseScenario(text).objects).toHaveLength(1);
  });

  it('a Service selecting no Pod, and a targetPort name no selected Pod has', () => {
    const text = `${POD}---
apiVersion: v1
kind: Service
metadata: {name: a}
spec:
  selector: {app: api}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: b}
spec:
  selector: {app: web}
  ports:
  - {name: px, port: 80, targetPort: http}
  - {name: py, port: 81, targetPort: grpc}
---
apiVersion: v1
kind: Service
metadata: {name: manual}
spec:
  ports: [{port: 80}]
`;
    expect(warnings(text)).toEqual([
      '17:3-17:11 warning selector-matches-nothing selector app=api matches no Pod in this scenario: the Service will have no endpoints',
      '27:38-27:42 warning unknown-port-name targetPort "grpc" is not a port name of any selected Pod (web): those endpoints get no port',
    ]);
  });

  it('ConfigMaps and Secrets that the scenario does not define, unless optional', () => {
    const text = `${POD}    env:
    - name: A
      valueFrom: {configMapKeyRef: {name: cfg, key: a}}
    - name: B
      valueFrom: {secretKeyRef: {name: creds, key: b, optional: true}}
    envFrom:
    - secretRef: {name: tokens}
  volumes:
  - name: conf
    configMap: {name: cfg}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: other}
`;
    expect(warnings(text)).toEqual([
      '14:43-14:46 warning missing-reference ConfigMap "cfg" is not defined in this scenario: the kubelet cannot start the containers that need it',
      '18:25-18:31 warning missing-reference Secret "tokens" is not defined in this scenario: the kubelet cannot start the containers that need it',
      '21:23-21:26 warning missing-reference ConfigMap "cfg" is not defined in this scenario: the kubelet cannot start the containers that need it',
    ]);
  });
});
