/** Used until the scenario helper's examples exist: the liveness-exec pod of the Kubernetes docs. */
export const DEFAULT_YAML = `# Liveness probe with exec, from the Kubernetes docs (Configure Liveness, Readiness and Startup Probes).
# The container deletes /tmp/healthy after 30 s; the probe then fails and the kubelet restarts it.
apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
  labels:
    app: liveness
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
---
apiVersion: v1
kind: Service
metadata:
  name: liveness-svc
spec:
  selector:
    app: liveness
  ports:
  - port: 80
    targetPort: 8080
`;
