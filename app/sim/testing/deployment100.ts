import { webDeployment } from './webDeployment.ts';

/**
 * A 100-replica Deployment behind a Service with a readiness probe and a client sending 30
 * requests/s, rolled out at 10 m, 1 simulated hour (issue 11 budget).
 */
export const DEPLOYMENT_100 = webDeployment({
  until: '1h',
  nodes: 10,
  replicas: 100,
  patchAt: '10m',
  traffic: '    - { service: web, rate: 30 }',
  container: '          readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 10 }\n',
});
