/**
 * A Scenario of Deployment `web` (nginx:1.26, containerPort 80 named http) behind Service `web`:
 * the shape of the rollout and traffic tests and budgets. Each option is YAML spliced in as given.
 */
export interface WebDeployment {
  until?: string;
  nodes?: number;
  replicas?: number;
  /** `spec.traffic` entries, indented as list items under `traffic:`. */
  traffic?: string;
  /** `spec.actions` entries; default: the image patched to nginx:1.27 at `patchAt`. */
  actions?: string;
  patchAt?: string;
  /** More lines of the nginx container (lifecycle, probes), indented 10 spaces. */
  container?: string;
  /** Lines before the Service's selector, indented 2 spaces (e.g. `clusterIP: None`). */
  service?: string;
  selector?: string;
}

export function webDeployment(o: WebDeployment = {}): string {
  const actions =
    o.actions ??
    `    - at: ${o.patchAt ?? '100s'}
      patch: { kind: Deployment, name: web, patch: { spec: { template: { spec: { containers: [ { name: nginx, image: "nginx:1.27" } ] } } } } }`;
  return `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: web }
spec:
  until: ${o.until ?? '2m'}
  nodes: ${o.nodes ?? 3}
${o.traffic ? `  traffic:\n${o.traffic}\n` : ''}  actions:
${actions}
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: ${o.replicas ?? 3}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: nginx
          image: nginx:1.26
          ports: [ { containerPort: 80, name: http } ]
${o.container ?? ''}---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  ${o.service ?? ''}selector: { app: ${o.selector ?? 'web'} }
  ports: [ { port: 80, targetPort: 80, name: web } ]
`;
}
