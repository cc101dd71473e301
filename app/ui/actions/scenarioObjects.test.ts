import { describe, expect, it } from 'vitest';
import { scenarioObjects } from './scenarioObjects.ts';

describe('scenarioObjects', () => {
  it('lists Services and readiness gates', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  readinessGates:
  - conditionType: example.com/feature-1
  containers: [{ name: app, image: nginx }]
---
apiVersion: v1
kind: Service
metadata: { name: web-svc }
`;
    expect(scenarioObjects(text)).toEqual({
      services: ['web-svc'],
      gates: { web: ['example.com/feature-1'] },
    });
  });

  it('keys them NAMESPACE/NAME outside default', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: { name: web, namespace: team-a }
spec:
  readinessGates: [{ conditionType: g }]
  containers: [{ name: app, image: nginx }]
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: team-a }
---
apiVersion: v1
kind: Service
metadata: { name: web }
`;
    expect(scenarioObjects(text)).toEqual({
      services: ['team-a/web', 'web'],
      gates: { 'team-a/web': ['g'] },
    });
  });
});
