/**
 * Issue 13 item 6's scenario: a pod named `web` in two namespaces, healthy in team-a and crashing in
 * team-b, and a Service `web` in team-a selecting `app: web` (which both pods carry).
 */
export const TWO_WEBS = `apiVersion: v1
kind: Namespace
metadata: {name: team-a}
---
apiVersion: v1
kind: Namespace
metadata: {name: team-b}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: team-a, labels: {app: web}}
spec:
  containers: [{name: app, image: nginx}]
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: team-b, labels: {app: web}}
spec:
  containers:
  - name: app
    image: busybox
    command: [sh, -c, "echo boom; exit 1"]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: team-a}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;
