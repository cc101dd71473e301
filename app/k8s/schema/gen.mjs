// Generates app/k8s/schema/k8s.schema.json from kubernetes-types (core/v1) with ts-json-schema-generator,
// then post-processes it: int32 fields become "integer", Quantity accepts numbers, status and managedFields
// are free-form (kubectl -o yaml output loads), PodSpec requires containers, one kind per document via
// if/then on `kind`, plus the playground's own `Scenario` kind and `List`.
// Run with `npm run gen:schema`; `schema.test.ts` fails when the committed file is stale.
import { createGenerator } from 'ts-json-schema-generator';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** app/k8s/features.ts KUBERNETES_VERSIONS (kept in step by schema.test.ts). */
export const KUBERNETES_VERSIONS = ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'];
export const schemaFile = resolve(here, 'k8s.schema.json');

const DURATION = {
  type: ['string', 'number'],
  pattern: '^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$|^[0-9]+(\\.[0-9]+)?$',
  description: 'A duration: `90s`, `5m`, `1h30m`, `500ms`, or a number of seconds.',
};

const OBJECT_KEY = (extra = {}) => ({
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'name'],
  properties: {
    kind: {
      type: 'string',
      enum: [
        'Pod',
        'Service',
        'ConfigMap',
        'Secret',
        'Node',
        'PodDisruptionBudget',
        'ReplicaSet',
        'Deployment',
        'Job',
        'StatefulSet',
        'DaemonSet',
      ],
    },
    name: { type: 'string' },
    namespace: { type: 'string' },
    ...extra,
  },
});

/** Hand-written: the playground's own document kind (DESIGN.md §3). */
const scenarioDefinitions = {
  Scenario: {
    type: 'object',
    additionalProperties: false,
    description:
      'Podlab scenario: how long to simulate, kubelet profile overrides, and timed actions.',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', const: 'podlab.dev/v1' },
      kind: { type: 'string', const: 'Scenario' },
      metadata: { $ref: '#/definitions/ObjectMeta' },
      spec: {
        type: 'object',
        additionalProperties: false,
        properties: {
          until: { ...DURATION, description: 'How much simulated time to run (default 10m).' },
          kubernetesVersion: {
            type: ['string', 'number'],
            examples: KUBERNETES_VERSIONS,
            description: `Which Kubernetes release to follow: its feature gates, API validation and kubelet behaviour (${KUBERNETES_VERSIONS[0]} … ${KUBERNETES_VERSIONS.at(-1)}; default ${KUBERNETES_VERSIONS.at(-1)}).`,
          },
          profile: {
            type: 'object',
            description:
              'KubeletProfile overrides; duration strings are converted to seconds. `featureGates: { Name: true }` flips a gate as --feature-gates would.',
          },
          staticPods: {
            type: 'array',
            description:
              "Pod documents that are manifest files in a node's staticPodPath at t = 0: that node's kubelet runs them (named POD-NODE), seen through mirror pods; the scheduler never sees them.",
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['node', 'pod'],
              properties: {
                node: { type: 'string' },
                pod: { type: 'string', description: 'A Pod document of this scenario.' },
                namespace: { type: 'string' },
              },
            },
          },
          traffic: {
            type: 'array',
            description:
              'Clients inside the cluster calling a Service: `rate` new connections per second from `from` to `to`, each sent through kube-proxy (which applies endpoint changes 1 s late) to one endpoint; per-second ok/failed counts.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['service', 'rate'],
              properties: {
                service: { type: 'string', description: 'A Service of this scenario.' },
                namespace: { type: 'string' },
                rate: {
                  type: 'number',
                  description: 'Requests per second (a new connection each), at most 1000.',
                },
                from: { ...DURATION, description: 'When the first request is sent (default 0).' },
                to: {
                  ...DURATION,
                  description: 'When the client stops (default: the end of the run).',
                },
                port: {
                  type: ['integer', 'string'],
                  description: "A Service port number or name (default: the Service's first port).",
                },
              },
            },
          },
          nodes: {
            type: 'integer',
            minimum: 1,
            maximum: 100,
            description:
              'Shorthand for N nodes node-1..node-N (4 CPU, 8Gi, 110 pods each); Node documents override them.',
          },
          actions: { type: 'array', items: { $ref: '#/definitions/ScenarioAction' } },
        },
      },
    },
  },
  ScenarioAction: {
    type: 'object',
    additionalProperties: false,
    description:
      'One thing a person does at time `at`: exactly one of apply, delete, exec, kill, setCondition, node, patch, debug, staticPod, scale, rollout.',
    required: ['at'],
    properties: {
      at: { ...DURATION, description: 'When the action happens (simulated time).' },
      apply: { ...OBJECT_KEY(), description: 'Create an object of this scenario only now.' },
      delete: {
        ...OBJECT_KEY({
          gracePeriodSeconds: { type: 'integer' },
          force: { type: 'boolean' },
        }),
        description: 'Delete an object (like kubectl delete).',
      },
      exec: {
        type: 'object',
        additionalProperties: false,
        required: ['pod', 'command'],
        description: 'Run a command in a container (like kubectl exec).',
        properties: {
          pod: { type: 'string' },
          container: { type: 'string' },
          namespace: { type: 'string' },
          command: {
            type: ['string', 'array'],
            items: { type: 'string' },
            description: 'A string runs as `sh -c`; a list is the argv.',
          },
        },
      },
      staticPod: {
        type: 'object',
        additionalProperties: false,
        required: ['node', 'pod'],
        description:
          "Place (present: true) or remove (present: false) a Pod document's manifest file in the node's staticPodPath: the kubelet starts or stops the static pod.",
        properties: {
          node: { type: 'string' },
          pod: { type: 'string', description: 'A Pod document of this scenario.' },
          namespace: { type: 'string' },
          present: { type: 'boolean' },
        },
      },
      debug: {
        type: 'object',
        additionalProperties: false,
        required: ['pod', 'image'],
        description:
          "kubectl debug -it POD --image=IMAGE [--target=CONTAINER] [-c NAME] [-- COMMAND]: adds an ephemeral container to the running pod. Started once, never restarted; with `target` it shares that container's processes.",
        properties: {
          pod: { type: 'string' },
          namespace: { type: 'string' },
          image: { type: 'string' },
          target: {
            type: 'string',
            description: 'A container of the pod whose PID namespace the debug container joins.',
          },
          name: {
            type: 'string',
            description: 'The ephemeral container name (default: debugger-xxxxx).',
          },
          command: {
            type: ['string', 'array'],
            items: { type: 'string' },
            description:
              'A string runs as `sh -c`; a list is the argv. Without it the image runs its default command on an open terminal (an interactive shell waits).',
          },
        },
      },
      kill: {
        type: 'object',
        additionalProperties: false,
        required: ['pod'],
        description:
          "Kill a container's process with a signal (default SIGKILL) or make it exit; `sandbox: true` kills the pod's pause process instead.",
        properties: {
          pod: { type: 'string' },
          container: { type: 'string' },
          sandbox: {
            type: 'boolean',
            description:
              'Kill the pause container (the pod sandbox): the kubelet kills every container and re-creates the sandbox.',
          },
          namespace: { type: 'string' },
          signal: { type: 'string' },
          exitCode: { type: 'integer' },
        },
      },
      setCondition: {
        type: 'object',
        additionalProperties: false,
        required: ['pod', 'type', 'status'],
        description: 'Set a pod condition, e.g. a readiness gate (what a controller would do).',
        properties: {
          pod: { type: 'string' },
          namespace: { type: 'string' },
          type: { type: 'string' },
          status: { type: 'string', enum: ['True', 'False', 'Unknown'] },
          reason: { type: 'string' },
          message: { type: 'string' },
        },
      },
      patch: {
        ...OBJECT_KEY({
          patch: {
            type: 'object',
            description: 'The strategic merge patch body, as `kubectl patch -p` takes it.',
          },
        }),
        required: ['kind', 'name', 'patch'],
        description:
          'Change an object with a strategic merge patch (like kubectl patch); a refused patch changes nothing.',
      },
      scale: {
        ...OBJECT_KEY({ replicas: { type: 'integer', minimum: 0 } }),
        required: ['kind', 'name', 'replicas'],
        description:
          'Set the replicas of a Deployment, ReplicaSet or StatefulSet (like kubectl scale).',
      },
      rollout: {
        ...OBJECT_KEY({
          do: { type: 'string', enum: ['undo', 'restart'] },
          toRevision: { type: 'integer', minimum: 0 },
        }),
        required: ['kind', 'name', 'do'],
        description:
          'kubectl rollout undo of a Deployment (back to the previous revision, or toRevision) or restart of a Deployment or StatefulSet (a new template annotation: a new rollout).',
      },
      node: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'state'],
        description:
          'Power the node off (Lost: the kubelet stops; Unknown after the 50 s grace, taint eviction 300 s after the NoExecute taint, none when every node is down), back on and uncordoned (Ready), cordon it (Cordoned: spec.unschedulable and the unschedulable taint), drain it (Drained: cordon, then every pod through the Eviction API, retried every 5 s while a PodDisruptionBudget refuses), or reboot it (Rebooted: every container and sandbox is gone, the kubelet re-creates them).',
        properties: {
          name: { type: 'string' },
          state: { type: 'string', enum: ['Lost', 'Ready', 'Rebooted', 'Cordoned', 'Drained'] },
        },
      },
    },
  },
  List: {
    type: 'object',
    additionalProperties: false,
    description: 'A list of objects, as `kubectl get -o yaml` prints several.',
    required: ['items'],
    properties: {
      apiVersion: { type: 'string', const: 'v1' },
      kind: { type: 'string', const: 'List' },
      metadata: { type: 'object' },
      items: { type: 'array', items: { $ref: '#/definitions/Document' } },
    },
  },
};

const DISPATCH_KINDS = [
  'Pod',
  'Service',
  'ConfigMap',
  'Secret',
  'Namespace',
  'Node',
  'PodDisruptionBudget',
  'ReplicaSet',
  'Deployment',
  'Job',
  'StatefulSet',
  'DaemonSet',
  'List',
  'Scenario',
];

/** Editor snippets (yaml-language-server `defaultSnippets`) offered when the YAML is empty. */
const SNIPPETS = [
  {
    label: 'Pod',
    description: 'A Pod with one container',
    body: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: '${1:my-pod}', labels: { app: '${2:web}' } },
      spec: { containers: [{ name: '${3:app}', image: '${4:nginx}' }] },
    },
  },
  {
    label: 'Service',
    description: 'A ClusterIP Service',
    body: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: '${1:my-service}' },
      spec: { selector: { app: '${2:web}' }, ports: [{ port: 80, targetPort: '${3:80}' }] },
    },
  },
  {
    label: 'Scenario',
    description: 'Podlab scenario: duration and timed actions',
    body: {
      apiVersion: 'podlab.dev/v1',
      kind: 'Scenario',
      metadata: { name: '${1:my-scenario}' },
      spec: {
        until: '${2:5m}',
        actions: [{ at: '${3:30s}', delete: { kind: 'Pod', name: '${4:my-pod}' } }],
      },
    },
  },
];

/** if kind == K then K else (next ...): one kind's schema per document, clearer errors than anyOf. */
function dispatch(kinds) {
  const [kind, ...rest] = kinds;
  if (!kind) return {};
  return {
    if: { required: ['kind'], properties: { kind: { const: kind } } },
    then: { $ref: `#/definitions/${kind}` },
    else: dispatch(rest),
  };
}

function mapTypes(node) {
  if (Array.isArray(node)) return node.forEach(mapTypes);
  if (!node || typeof node !== 'object') return;
  // kubernetes-types writes every int32/int64 as `number`; core/v1 has no float fields.
  if (node.type === 'number') node.type = 'integer';
  if (Array.isArray(node.type)) node.type = node.type.map((t) => (t === 'number' ? 'integer' : t));
  for (const [k, v] of Object.entries(node)) if (k !== 'const' && k !== 'enum') mapTypes(v);
}

export function generateSchema() {
  const generator = createGenerator({
    path: resolve(here, 'entry.ts'),
    tsconfig: resolve(here, '../../../tsconfig.json'),
    type: 'K8sDoc',
    skipTypeCheck: true,
    expose: 'all',
    topRef: true,
    jsDoc: 'extended',
  });
  const generated = generator.createSchema('K8sDoc');
  const defs = generated.definitions;
  delete defs.K8sDoc;
  mapTypes(defs);

  // Quantity is "int-or-string" on the wire (`cpu: 1`, `memory: 128Mi`).
  defs.Quantity.type = ['string', 'number'];
  // Read-only parts of `kubectl get -o yaml` output: accepted, never validated.
  const free = (d) => ({ type: 'object', description: d.description });
  defs.FieldsV1 = free(defs.FieldsV1);
  defs.Pod.properties.status = free(defs.Pod.properties.status);
  defs.Service.properties.status = free(defs.Service.properties.status);
  defs.Namespace.properties.status = free(defs.Namespace.properties.status);
  defs.Node.properties.status = free(defs.Node.properties.status);
  defs.PodDisruptionBudget.properties.status = free(defs.PodDisruptionBudget.properties.status);
  delete defs.PodDisruptionBudgetStatus;
  defs.ReplicaSet.properties.status = free(defs.ReplicaSet.properties.status);
  defs.Deployment.properties.status = free(defs.Deployment.properties.status);
  defs.Job.properties.status = free(defs.Job.properties.status);
  defs.StatefulSet.properties.status = free(defs.StatefulSet.properties.status);
  defs.DaemonSet.properties.status = free(defs.DaemonSet.properties.status);
  delete defs.PodStatus;
  delete defs.ServiceStatus;
  delete defs.NamespaceStatus;
  delete defs.NodeStatus;
  delete defs.ReplicaSetStatus;
  delete defs.DeploymentStatus;
  delete defs.JobStatus;
  delete defs.StatefulSetStatus;
  delete defs.DaemonSetStatus;
  // Optional on the server (ValidateStatefulSetSpec never checks it; the Go type says +optional
  // since 1.29), though kubernetes-types 1.30 still marks it required.
  defs.StatefulSetSpec.required = (defs.StatefulSetSpec.required ?? []).filter(
    (f) => f !== 'serviceName',
  );
  // Required by the API's own validation, not marked in the types.
  defs.PodSpec.required = [...new Set([...(defs.PodSpec.required ?? []), 'containers'])];

  Object.assign(defs, scenarioDefinitions);
  defs.Document = {
    description:
      'One YAML document: a Pod, Service, ConfigMap, Secret, Namespace, Node, PodDisruptionBudget, ReplicaSet, Deployment, Job, StatefulSet, DaemonSet, List or podlab Scenario.',
    // Completion hints only (`examples` does not constrain): other kinds are warned about, not rejected.
    properties: {
      apiVersion: { type: 'string', examples: ['v1', 'apps/v1', 'batch/v1', 'podlab.dev/v1'] },
      kind: { type: 'string', examples: DISPATCH_KINDS },
    },
    defaultSnippets: SNIPPETS,
    ...dispatch(DISPATCH_KINDS),
  };
  pruneUnreferenced(defs);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://podlab.dev/schemas/k8s.schema.json',
    $ref: '#/definitions/Document',
    definitions: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => a.localeCompare(b))),
  };
}

function pruneUnreferenced(defs) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name) || !defs[name]) return;
    seen.add(name);
    JSON.stringify(defs[name], (k, v) => {
      if (k === '$ref' && typeof v === 'string') visit(v.replace('#/definitions/', ''));
      return v;
    });
  };
  visit('Document');
  for (const name of Object.keys(defs)) if (!seen.has(name)) delete defs[name];
}

export function schemaText() {
  return JSON.stringify(generateSchema(), null, 1) + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = schemaText();
  if (process.argv.includes('--stdout')) {
    process.stdout.write(text);
  } else {
    writeFileSync(schemaFile, text);
    console.log(`wrote ${schemaFile} (${text.length} bytes)`);
  }
}
