/**
 * YAML text → defaulted, validated API objects + the Scenario spec + diagnostics with positions.
 * Pipeline per object: strict schema check (unknown fields, types) → defaulting → API validation
 * (only when the types are right) → cross-object warnings. An object with any error is left out of
 * `objects`, as the API server would reject it.
 */
import { isMap } from 'yaml';
import { defaultConfigMap, defaultPod, defaultSecret, defaultService } from './defaults.ts';
import { defaultNode, initialNodes, validateNode, type DefaultedNode } from './nodes.ts';
import { Issues } from './issues.ts';
import { asArray, asRecord, asString, cloneJson, pruneNulls, type JsonObject } from './json.ts';
import { formatPath, parsePath, type Segment } from './path.ts';
import { emptyScenario, readScenario } from './scenarioDoc.ts';
import { validateSchema } from './schema/validateSchema.ts';
import { base64Encode } from './secret.ts';
import { SourceText } from './source.ts';
import { closest } from './suggest.ts';
import { ALIAS_TOO_LARGE, aliasExpansionOverflow } from './yamlLimits.ts';
import { BUILTIN_NAMESPACES, namespaceNotFound, readNamespace } from './namespaces.ts';
import type {
  Diagnostic,
  ParsedScenario,
  ScenarioSpec,
  SimulatedKind,
  SourceObject,
} from './types.ts';
import { validateConfigMap, validateSecret } from './validate/config.ts';
import { validatePod } from './validate/pod.ts';
import { validateQuantities } from './validate/container.ts';
import { checkReferences, type CheckedObject } from './validate/refs.ts';
import { isDNS1123Label } from './validate/names.ts';
import { checkPlacement } from './validate/placement.ts';
import { dropDisabledPodFields } from './validate/dropDisabledFields.ts';
import { defaultFeatureGates, sameGates } from './features.ts';
import type { KubernetesVersion, VersionFeatures } from './features.ts';
import { readScenarioVersion, type ScenarioVersion } from './scenarioVersion.ts';
import { validateService } from './validate/service.ts';
import { validatePodDisruptionBudget } from './pdb.ts';
import { defaultWorkload, validateWorkload } from './workloads.ts';
import { defaultJob, validateJob } from './jobs.ts';
import { defaultStatefulSet, validateStatefulSet } from './statefulSets.ts';
import { defaultDaemonSet, validateDaemonSet } from './daemonSets.ts';

const SIMULATED: readonly SimulatedKind[] = [
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
];
const NOT_OBJECT = 'not a Kubernetes object: apiVersion and kind are required';

interface Entry extends CheckedObject {
  doc: number;
  prefix: Segment[];
}

const VALIDATORS: Record<
  SimulatedKind,
  (o: JsonObject, issues: Issues, api: VersionFeatures) => void
> = {
  Pod: (o, i, api) => {
    validateQuantities(o, i);
    dropDisabledPodFields(o, api.gates, i);
    defaultPod(o);
    validatePod(o, i, api);
  },
  Service: (o, i) => {
    defaultService(o);
    validateService(o, i);
  },
  ConfigMap: (o, i) => {
    defaultConfigMap(o);
    validateConfigMap(o, i);
  },
  Secret: (o, i) => {
    validateSecret(o, i);
    defaultSecret(o, base64Encode);
  },
  Node: (o, i) => {
    validateNode(o, i);
    defaultNode(o);
  },
  PodDisruptionBudget: (o, i) => validatePodDisruptionBudget(o, i),
  ReplicaSet: (o, i, api) => {
    defaultWorkload('ReplicaSet', o);
    validateWorkload('ReplicaSet', o, i, api);
  },
  Deployment: (o, i, api) => {
    defaultWorkload('Deployment', o);
    validateWorkload('Deployment', o, i, api);
  },
  Job: (o, i, api) => {
    defaultJob(o);
    validateJob(o, i, api);
  },
  StatefulSet: (o, i, api) => {
    defaultStatefulSet(o);
    validateStatefulSet(o, i, api);
  },
  DaemonSet: (o, i, api) => {
    defaultDaemonSet(o);
    validateDaemonSet(o, i, api);
  },
};

/** Fields `kubectl get -o yaml` adds that a create would drop or the server owns. */
function stripServerFields(obj: JsonObject): void {
  // A Node's capacity and allocatable are status fields the kubelet reports: the scenario sets them.
  const status = asRecord(obj.status);
  if (obj.kind === 'Node' && status)
    obj.status = Object.fromEntries(
      Object.entries(status).filter(([k]) => k === 'capacity' || k === 'allocatable'),
    );
  else delete obj.status;
  const meta = asRecord(obj.metadata);
  if (!meta) return;
  for (const f of [
    'managedFields',
    'resourceVersion',
    'uid',
    'creationTimestamp',
    'generation',
    'selfLink',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
  ]) {
    delete meta[f];
  }
}

export interface ParseOptions {
  /** Overrides the Scenario document's `spec.kubernetesVersion` (podsim --kubernetes-version). */
  kubernetesVersion?: KubernetesVersion;
}

/** The first Scenario document's version and gates, read before any object is validated. */
function prescanVersion(src: SourceText, override?: KubernetesVersion): ScenarioVersion {
  for (const sd of src.docs) {
    if (sd.hasSyntaxErrors || sd.empty || sd.doc.get('kind') !== 'Scenario') continue;
    const spec = sd.doc.get('spec');
    return readScenarioVersion(isMap(spec) ? asRecord(spec.toJSON()) : undefined, override);
  }
  return readScenarioVersion(undefined, override);
}

export function parseScenario(text: string, opts: ParseOptions = {}): ParsedScenario {
  const src = new SourceText(text);
  const version = prescanVersion(src, opts.kubernetesVersion);
  const diagnostics: Diagnostic[] = [...src.syntaxDiagnostics];
  const entries: Entry[] = [];
  const scenarioDocs: { obj: JsonObject; doc: number; issues: Issues }[] = [];
  const docIssues: { doc: number; prefix: Segment[]; issues: Issues }[] = [];
  const namespaces = new Map<string, number>(BUILTIN_NAMESPACES.map((n) => [n, -1]));

  const handle = (value: unknown, doc: number, prefix: Segment[]): void => {
    const obj = asRecord(value);
    const issues = new Issues();
    docIssues.push({ doc, prefix, issues });
    if (!obj || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') {
      issues.raw([], NOT_OBJECT, 'not-object', 'value');
      return;
    }
    const kind = obj.kind;
    if (kind === 'List' && obj.apiVersion === 'v1') {
      asArray(obj.items).forEach((item, i) => handle(item, doc, [...prefix, 'items', i]));
      return;
    }
    if (kind === 'Scenario') {
      validateSchema(obj, issues);
      scenarioDocs.push({ obj, doc, issues });
      return;
    }
    if (kind === 'Namespace') {
      if (validateSchema(obj, issues) > 0) return;
      const name = readNamespace(obj, issues);
      // A refused Namespace (wrong apiVersion, unknown field) does not exist either.
      if (name === undefined || issues.list.some((i) => i.severity === 'error')) return;
      const prev = namespaces.get(name);
      if (prev !== undefined && prev >= 0) {
        issues.raw(
          ['metadata', 'name'],
          `namespaces "${name}" already exists (document ${prev + 1} defines it)`,
          'already-exists',
          'value',
        );
      } else if (prev === undefined) namespaces.set(name, doc);
      return;
    }
    if (!(SIMULATED as readonly string[]).includes(kind)) {
      const hint = closest(kind, [...SIMULATED, 'Scenario']);
      issues.warn(
        ['kind'],
        `${kind} is not simulated yet${hint ? ` (did you mean ${hint}?)` : ''}`,
        'not-simulated',
      );
      return;
    }
    const typeErrors = validateSchema(obj, issues, version.version);
    const object = cloneJson(obj);
    stripServerFields(object);
    if (typeErrors === 0) VALIDATORS[kind as SimulatedKind](object, issues, version);
    const meta = asRecord(object.metadata);
    if (meta && !asString(meta.name) && asString(meta.generateName)) {
      meta.name = `${String(meta.generateName)}${generatedSuffix(doc, prefix)}`;
    }
    entries.push({
      kind,
      name: asString(meta?.name) ?? '',
      namespace: asString(meta?.namespace) ?? 'default',
      object,
      issues,
      doc,
      prefix,
    });
  };

  for (const sd of src.docs) {
    if (sd.hasSyntaxErrors || sd.empty) continue;
    const tooLarge = aliasExpansionOverflow(sd.doc);
    if (tooLarge) {
      diagnostics.push({
        ...src.firstLineOf(sd.index, tooLarge),
        severity: 'error',
        code: 'too-large',
        message: ALIAS_TOO_LARGE,
        doc: sd.index,
      });
      continue;
    }
    try {
      handle(pruneNulls(sd.doc.toJS({ maxAliasCount: 1000 })), sd.index, []);
    } catch (e) {
      // An alias bomb (yaml's "Excessive alias count") or a bug: report it, never crash the editor.
      const issues = new Issues();
      issues.raw(
        [],
        `cannot read this document: ${e instanceof Error ? e.message : String(e)}`,
        'internal',
        'value',
      );
      docIssues.push({ doc: sd.index, prefix: [], issues });
    }
  }

  markDuplicates(entries);
  for (const e of entries) {
    // An invalid name has its own error at the same place (validateObjectMeta).
    if (namespaces.has(e.namespace) || isDNS1123Label(e.namespace).length > 0) continue;
    e.issues.raw(['metadata', 'namespace'], namespaceNotFound(e.namespace), 'not-found', 'value');
  }
  const known = new Set(entries.map((e) => `${e.kind}/${e.namespace}/${e.name}`));
  const isValid = (e: { issues: Issues }) => !e.issues.list.some((i) => i.severity === 'error');
  checkReferences(entries.filter(isValid));

  let scenario: ScenarioSpec = emptyScenario();
  scenarioDocs.forEach((s, i) => {
    if (i === 0) {
      scenario = readScenario(
        s.obj,
        s.doc,
        {
          has: (k, ns, n) =>
            known.has(`${k}/${ns}/${n}`) ||
            (k === 'Pod' && statefulSetOf(entries, ns, n) !== undefined),
          containers: (ns, n) => containerNames(entries, ns, n),
        },
        s.issues,
      );
      // Diagnostics of spec.kubernetesVersion and spec.profile.featureGates, at their lines.
      readScenarioVersion(asRecord(s.obj.spec), opts.kubernetesVersion, s.issues);
    } else {
      const first = scenarioDocs[0]?.doc ?? 0;
      s.issues.raw(
        ['kind'],
        `only one Scenario document is allowed (the first is document ${first + 1})`,
        'duplicate',
        'value',
      );
    }
  });

  const nodeEntries = entries.filter((e) => e.kind === 'Node' && isValid(e));
  const deferred = new Set(scenario.deferred.map((k) => `${k.kind}/${k.name}`));
  const nodes = [
    ...initialNodes(
      scenario.nodes,
      nodeEntries
        .filter((e) => !deferred.has(`Node/${e.name}`))
        .map((e) => e.object as unknown as DefaultedNode),
      nodeEntries.length > 0,
    ),
    ...nodeEntries
      .filter((e) => deferred.has(`Node/${e.name}`))
      .map((e) => e.object as unknown as DefaultedNode),
  ];
  checkPlacement(
    entries.filter((e) => e.kind === 'Pod' && isValid(e)),
    nodes,
  );

  diagnostics.push(...toDiagnostics(src, docIssues));
  // Left out when nothing differs from the default version, so a plain scenario's spec is unchanged.
  if (version.explicit) scenario.kubernetesVersion = version.version;
  if (version.explicit || !sameGates(version.gates, defaultFeatureGates()))
    scenario.featureGates = version.gates;

  const objects: SourceObject[] = entries.filter(isValid).map((e) => {
    const o = { kind: e.kind, name: e.name, namespace: e.namespace, doc: e.doc, object: e.object };
    return (e.prefix.length > 0 ? { ...o, path: formatPath(e.prefix) } : o) as SourceObject;
  });

  return {
    objects,
    namespaces: [...namespaces].flatMap(([n, doc]) => (doc >= 0 ? [n] : [])),
    scenario,
    diagnostics: dedupeAndSort(diagnostics),
    locate: (ref, opts) => src.locate(ref.doc, parsePath(ref.path), opts?.key ?? false),
  };
}

/** A locator for a text without re-validating it (the YAML trees are cached by parseScenario). */
export function createLocator(text: string): ParsedScenario['locate'] {
  const src = new SourceText(text);
  return (ref, opts) => src.locate(ref.doc, parsePath(ref.path), opts?.key ?? false);
}

/**
 * The StatefulSet whose pod `name` would be: its pods are `<set>-<ordinal>` (stateful_set_utils.go
 * getPodName), so an action can name them before they exist.
 */
function statefulSetOf(entries: readonly Entry[], ns: string, name: string): Entry | undefined {
  const m = /^(.+)-(0|[1-9][0-9]*)$/.exec(name);
  return m
    ? entries.find((e) => e.kind === 'StatefulSet' && e.namespace === ns && e.name === m[1])
    : undefined;
}

function containerNames(entries: readonly Entry[], ns: string, name: string): string[] | undefined {
  const pod = entries.find((e) => e.kind === 'Pod' && e.namespace === ns && e.name === name);
  const set = pod ? undefined : statefulSetOf(entries, ns, name);
  const spec = pod
    ? asRecord(pod.object.spec)
    : set && asRecord(asRecord(asRecord(set.object.spec)?.template)?.spec);
  if (!spec) return undefined;
  return ['initContainers', 'containers'].flatMap((list) =>
    asArray(spec?.[list]).map((c) => asString(asRecord(c)?.name) ?? ''),
  );
}

function toDiagnostics(
  src: SourceText,
  docIssues: readonly { doc: number; prefix: Segment[]; issues: Issues }[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { doc, prefix, issues } of docIssues) {
    for (const issue of issues.list) {
      const path = [...prefix, ...issue.path];
      const range =
        issue.code === 'not-object'
          ? notObjectRange(src, doc, path)
          : src.locate(doc, path, issue.anchor === 'key');
      out.push({
        ...(range ?? { line: 1, column: 1, endLine: 1, endColumn: 2 }),
        severity: issue.severity,
        message: issue.message,
        path: formatPath(path),
        doc,
        code: issue.code,
      });
    }
  }
  return out;
}

function notObjectRange(src: SourceText, doc: number, path: Segment[]) {
  if (path.length > 0) return src.locate(doc, path);
  const contents = src.docs[doc]?.doc.contents;
  if (!contents) return undefined;
  // A mapping starts at its first key: point at that line (line 1 of the document's content).
  const first = isMap(contents) ? contents.items[0]?.key : contents;
  return first && typeof first === 'object' && 'range' in first
    ? src.firstLineOf(doc, first as never)
    : src.firstLineOf(doc, contents);
}

/**
 * The API server appends 5 random characters from this alphabet to generateName
 * (apiserver/pkg/storage/names). A playground needs the same name on every run: derive them from the
 * object's position instead.
 */
function generatedSuffix(doc: number, prefix: readonly Segment[]): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let x = (doc + 1) * 7919 + prefix.length * 104729 + Number(prefix[prefix.length - 1] ?? 0) * 31;
  let out = '';
  for (let i = 0; i < 5; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[x % alphabet.length] ?? 'x';
  }
  return out;
}

const RESOURCE: Record<string, string> = {
  Pod: 'pods',
  Service: 'services',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
  Node: 'nodes',
  PodDisruptionBudget: 'poddisruptionbudgets',
  ReplicaSet: 'replicasets.apps',
  Deployment: 'deployments.apps',
  Job: 'jobs.batch',
  StatefulSet: 'statefulsets.apps',
  DaemonSet: 'daemonsets.apps',
};

/** A second object with the same kind/namespace/name is what `kubectl create` refuses: AlreadyExists. */
function markDuplicates(entries: readonly Entry[]): void {
  const first = new Map<string, Entry>();
  for (const e of entries) {
    if (!e.name) continue;
    const key = `${e.kind}/${e.namespace}/${e.name}`;
    const prev = first.get(key);
    if (!prev) {
      first.set(key, e);
      continue;
    }
    e.issues.raw(
      ['metadata', 'name'],
      `${RESOURCE[e.kind] ?? e.kind} "${e.name}" already exists (document ${prev.doc + 1} defines it)`,
      'already-exists',
      'value',
    );
  }
}

function dedupeAndSort(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out = list.filter((d) => {
    const key = `${d.doc ?? ''}|${d.line}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
