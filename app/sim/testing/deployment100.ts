/** A 100-replica Deployment behind a Service, rolled out at 10 m, 1 simulated hour (issue 11 budget). */
export const DEPLOYMENT_100 = `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: web-100 }
spec:
  until: 1h
  nodes: 10
  actions:
    - at: 10m
      patch: { kind: Deployment, name: web, patch: { spec: { template: { spec: { containers: [ { name: nginx, image: "nginx:1.27" } ] } } } } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 100
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: nginx
          image: nginx:1.26
          ports: [ { containerPort: 80 } ]
          readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 10 }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [ { port: 80 } ]
`;
