/**
 * Container environment as the kubelet builds it (`makeEnvironmentVariables`): envFrom, then env in
 * order, each value `$(VAR)`-expanded against the variables defined before it; valueFrom fieldRef,
 * resourceFieldRef, configMapKeyRef and secretKeyRef, with the kubelet's error wording.
 */
import type { Container, Pod } from '../../k8s/types.ts';
import type { SandboxContext } from './types.ts';
import { parseQuantity } from './quantity.ts';
import { base64Decode } from '../../k8s/secret.ts';

/** What `limits.cpu` / `limits.memory` report when the container sets no limit (node allocatable). */
export const NODE_ALLOCATABLE = {
  cpu: 4,
  memory: 8 * 1024 ** 3,
  'ephemeral-storage': 100 * 1024 ** 3,
};

/** Kubernetes' `expansion.Expand`: `$(VAR)` if defined, `$$` → `$`, everything else literal. */
export function expandK8s(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const rest = input.slice(cursor + 1);
    let advance = 1;
    if (rest[0] === '$') out += '$';
    else if (rest[0] === '(') {
      const close = rest.indexOf(')');
      if (close < 0) out += '$(';
      else {
        const name = rest.slice(1, close);
        out += lookup(name) ?? `$(${name})`;
        advance = close + 1;
      }
    } else out += '$' + rest[0];
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

export type EnvResult = { ok: true; vars: [string, string][] } | { ok: false; message: string };

type Ctx = Pick<SandboxContext, 'pod' | 'podIP' | 'hostIP' | 'nodeName' | 'lookup' | 'serviceEnv'>;

export function podFieldValue(
  pod: Pod,
  path: string,
  ctx: Pick<Ctx, 'podIP' | 'hostIP' | 'nodeName'>,
): string | undefined {
  const md = pod.metadata ?? {};
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return (m[1] === 'labels' ? md.labels : md.annotations)?.[m[2]!] ?? '';
  switch (path) {
    case 'metadata.name':
      return md.name ?? '';
    case 'metadata.namespace':
      return md.namespace ?? 'default';
    case 'metadata.uid':
      return md.uid ?? '';
    case 'spec.nodeName':
      return ctx.nodeName;
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? 'default';
    case 'status.podIP':
    case 'status.podIPs':
      return ctx.podIP;
    case 'status.hostIP':
    case 'status.hostIPs':
      return ctx.hostIP;
    default:
      return undefined;
  }
}

/** `key="value"` lines sorted by key, no trailing newline (kubelet `fieldpath.FormatMap`). */
export function formatMap(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(m![k])}`)
    .join('\n');
}

export function resourceValue(
  pod: Pod,
  containerName: string | undefined,
  resource: string,
  divisor: string | undefined,
  self: Container,
): string | undefined {
  const c = containerName
    ? [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find(
        (x) => x.name === containerName,
      )
    : self;
  if (!c) return undefined;
  const [kind, name] = resource.split('.') as [
    'limits' | 'requests',
    'cpu' | 'memory' | 'ephemeral-storage',
  ];
  const set = kind === 'limits' ? c.resources?.limits : c.resources?.requests;
  let v = parseQuantity(set?.[name]);
  if (v === undefined)
    v = kind === 'limits' ? NODE_ALLOCATABLE[name] : kind === 'requests' && name !== 'cpu' ? 0 : 0;
  const div = parseQuantity(divisor) ?? 1;
  if (!div) return undefined;
  return String(Math.ceil(v / div - 1e-9));
}

export function secretValue(
  data: Record<string, string> | undefined,
  stringData: Record<string, string> | undefined,
  key: string,
): string | undefined {
  if (stringData && key in stringData) return stringData[key];
  if (data && key in data) {
    // Validation rejects undecodable data, so an object that reaches the engine always decodes.
    const r = base64Decode(data[key]!);
    return 'text' in r ? r.text : undefined;
  }
  return undefined;
}

export function buildEnv(c: Container, ctx: Ctx): EnvResult {
  const ns = ctx.pod.metadata?.namespace ?? 'default';
  const vars = new Map<string, string>([
    ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
    ['KUBERNETES_SERVICE_PORT', '443'],
    ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
    ['KUBERNETES_PORT', 'tcp://10.96.0.1:443'],
    ['KUBERNETES_PORT_443_TCP', 'tcp://10.96.0.1:443'],
    ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'],
    ['KUBERNETES_PORT_443_TCP_PORT', '443'],
    ['KUBERNETES_PORT_443_TCP_ADDR', '10.96.0.1'],
  ]);
  if (ctx.pod.spec?.enableServiceLinks !== false)
    for (const [k, v] of Object.entries(ctx.serviceEnv?.() ?? {})) vars.set(k, v);
  for (const src of c.envFrom ?? []) {
    const prefix = src.prefix ?? '';
    if (src.configMapRef) {
      const cm = ctx.lookup.configMap(ns, src.configMapRef.name ?? '');
      if (!cm) {
        if (src.configMapRef.optional) continue;
        return { ok: false, message: `configmap "${src.configMapRef.name}" not found` };
      }
      for (const [k, v] of Object.entries(cm.data ?? {})) vars.set(prefix + k, v);
    }
    if (src.secretRef) {
      const s = ctx.lookup.secret(ns, src.secretRef.name ?? '');
      if (!s) {
        if (src.secretRef.optional) continue;
        return { ok: false, message: `secret "${src.secretRef.name}" not found` };
      }
      for (const k of new Set([...Object.keys(s.data ?? {}), ...Object.keys(s.stringData ?? {})]))
        vars.set(prefix + k, secretValue(s.data, s.stringData, k) ?? '');
    }
  }
  for (const e of c.env ?? []) {
    let value: string | undefined =
      e.value !== undefined ? expandK8s(e.value, (n) => vars.get(n)) : '';
    const vf = e.valueFrom;
    if (vf?.fieldRef) value = podFieldValue(ctx.pod, vf.fieldRef.fieldPath, ctx) ?? '';
    else if (vf?.resourceFieldRef)
      value =
        resourceValue(
          ctx.pod,
          vf.resourceFieldRef.containerName,
          vf.resourceFieldRef.resource,
          vf.resourceFieldRef.divisor,
          c,
        ) ?? '';
    else if (vf?.configMapKeyRef) {
      const r = vf.configMapKeyRef;
      const cm = ctx.lookup.configMap(ns, r.name ?? '');
      if (!cm) {
        if (r.optional) continue;
        return { ok: false, message: `configmap "${r.name}" not found` };
      }
      value = cm.data?.[r.key];
      if (value === undefined) {
        if (r.optional) continue;
        return { ok: false, message: `couldn't find key ${r.key} in ConfigMap ${ns}/${r.name}` };
      }
    } else if (vf?.secretKeyRef) {
      const r = vf.secretKeyRef;
      const s = ctx.lookup.secret(ns, r.name ?? '');
      if (!s) {
        if (r.optional) continue;
        return { ok: false, message: `secret "${r.name}" not found` };
      }
      value = secretValue(s.data, s.stringData, r.key);
      if (value === undefined) {
        if (r.optional) continue;
        return { ok: false, message: `couldn't find key ${r.key} in Secret ${ns}/${r.name}` };
      }
    }
    vars.set(e.name, value);
  }
  return { ok: true, vars: [...vars] };
}

/**
 * The process argv: `command` replaces ENTRYPOINT (and drops CMD), `args` replaces CMD; both are
 * `$(VAR)`-expanded with the container's env (kubelet `ExpandContainerCommandAndArgs`).
 */
export function resolveArgv(
  c: Container,
  image: { entrypoint: string[]; cmd: string[] },
  env: Map<string, string>,
): string[] {
  const lookup = (n: string) => env.get(n);
  const command = c.command ? c.command.map((s) => expandK8s(s, lookup)) : image.entrypoint;
  const args = c.args ? c.args.map((s) => expandK8s(s, lookup)) : c.command ? [] : image.cmd;
  return [...command, ...args];
}
