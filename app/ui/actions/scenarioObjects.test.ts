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
});
