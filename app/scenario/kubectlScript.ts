/**
 * A shell script of kubectl commands that replays a scenario on a real cluster: objects applied at
 * t = 0, then each action when its time has come, with `kubectl get pods -w` running in the background.
 * Pure (no DOM, no Node APIs): the UI offers it as a download, the CLI can print it.
 */
import { parseAllDocuments, stringify } from 'yaml';
import { parseScenario } from '../k8s/index.ts';
import type {
  ObjectKey,
  ParsedScenario,
  ScenarioAction,
  SourceObject,
  TrafficSpec,
} from '../k8s/types.ts';
import { formatDuration } from './duration.ts';
import { shellQuote } from './shellQuote.ts';

const sameKey = (o: SourceObject, k: ObjectKey) =>
  o.kind === k.kind && o.name === k.name && o.namespace === (k.namespace ?? 'default');

/** The object's own YAML, as written (comments kept) when it is a whole document. */
function objectYaml(text: string, docs: ReturnType<typeof parseAllDocuments>, o: SourceObject) {
  const doc = Array.isArray(docs) ? docs[o.doc] : undefined;
  const value: unknown = doc?.toJS();
  const meta = (value as { kind?: unknown; metadata?: { name?: unknown } } | undefined) ?? {};
  const range = doc?.contents?.range;
  if (range && meta.kind === o.kind && meta.metadata?.name === o.name) {
    return text.slice(range[0], range[2]).replace(/\s+$/, '');
  }
  return stringify(o.object).replace(/\s+$/, '');
}

/** A heredoc delimiter that does not occur as a line of the body. */
function delimiter(body: string): string {
  let d = 'EOF';
  while (body.split('\n').some((l) => l.trim() === d)) d = `${d}_`;
  return d;
}

function applyBlock(bodies: string[]): string[] {
  const body = bodies.join('\n---\n');
  const d = delimiter(body);
  return [`kubectl apply -f - <<'${d}'`, body, d];
}

/**
 * User text inside a `#` comment: a newline (or CR, NEL, U+2028/9, any control character) would
 * end the comment and put the rest of the name on a line the shell runs, so each is written as a
 * visible escape instead.
 */
export function commentText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code === 10 ? '\\n' : code === 13 ? '\\r' : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const ns = (namespace: string | undefined) =>
  namespace && namespace !== 'default' ? ` -n ${shellQuote(namespace)}` : '';

function actionLines(a: ScenarioAction, yamlOf: (k: ObjectKey) => string | undefined): string[] {
  if ('apply' in a) {
    const body = yamlOf(a.apply);
    return body
      ? applyBlock([body])
      : [`# ${commentText(`${a.apply.kind} ${a.apply.name}`)} is not in the scenario`];
  }
  if ('delete' in a) {
    const d = a.delete;
    const flags: string[] = [];
    // `--force` means "remove from the API now", which kubectl pairs with --grace-period=0.
    const grace = d.force ? (d.gracePeriodSeconds ?? 0) : d.gracePeriodSeconds;
    if (grace !== undefined) flags.push(`--grace-period=${grace}`);
    if (d.force) flags.push('--force');
    flags.push('--wait=false');
    return [
      `kubectl delete ${shellQuote(d.kind.toLowerCase())} ${shellQuote(d.name)}${ns(d.namespace)} ${flags.join(' ')}`,
    ];
  }
  if ('exec' in a) {
    const e = a.exec;
    const argv = typeof e.command === 'string' ? ['sh', '-c', e.command] : e.command;
    const c = e.container ? ` -c ${shellQuote(e.container)}` : '';
    return [
      `kubectl exec ${shellQuote(e.pod)}${ns(e.namespace)}${c} -- ${argv.map(shellQuote).join(' ')}`,
    ];
  }
  if ('kill' in a && a.kill.sandbox) {
    const k = a.kill;
    return [
      `# Podlab kills the pause process of pod ${commentText(k.pod)} (its sandbox) here. On a real node, e.g.`,
      `# sudo crictl stopp $(sudo crictl pods --name ${commentText(shellQuote(k.pod))} -q)`,
    ];
  }
  if ('kill' in a) {
    const k = a.kill;
    const signal = k.exitCode !== undefined ? 'KILL' : (k.signal ?? 'SIGKILL').replace(/^SIG/, '');
    return [
      `# Podlab kills ${commentText(k.container)}'s process${k.exitCode !== undefined ? ` with exit code ${k.exitCode}` : ` with SIG${signal}`}.`,
      '# PID 1 ignores signals it has no handler for (even SIGKILL from inside the container), so on',
      '# a real node this may need `crictl` or a debug container instead.',
      `kubectl exec ${shellQuote(k.pod)}${ns(k.namespace)} -c ${shellQuote(k.container)} -- kill -${signal} 1 || true`,
    ];
  }
  if ('node' in a && a.node.state === 'Rebooted') {
    return [
      `# Podlab reboots node ${commentText(a.node.name)} here, e.g.`,
      `# ssh ${commentText(shellQuote(a.node.name))} sudo reboot`,
    ];
  }
  if ('node' in a) {
    const n = a.node;
    if (n.state === 'Cordoned') return [`kubectl cordon ${shellQuote(n.name)}`];
    // Podlab's Drained: bare pods are evicted too (--force), DaemonSet pods stay.
    if (n.state === 'Drained')
      return [
        `kubectl drain ${shellQuote(n.name)} --ignore-daemonsets --delete-emptydir-data --force`,
      ];
    if (n.state === 'Lost')
      return [
        `# Podlab powers node ${commentText(n.name)} off here (cluster.md §2: Unknown after the 50 s grace,`,
        '# taint eviction 300 s after the NoExecute taint; none when every node is down). On a real',
        '# cluster: stop the machine or its kubelet, e.g.',
        `# ssh ${commentText(shellQuote(n.name))} sudo systemctl stop kubelet`,
      ];
    return [
      `# Podlab powers node ${commentText(n.name)} back on here (if it was off), e.g.`,
      `# ssh ${commentText(shellQuote(n.name))} sudo systemctl start kubelet`,
      `kubectl uncordon ${shellQuote(n.name)}`,
    ];
  }
  if ('patch' in a) {
    const p = a.patch;
    return [
      `kubectl patch ${shellQuote(p.kind.toLowerCase())} ${shellQuote(p.name)}${ns(p.namespace)} --type=strategic -p ${shellQuote(JSON.stringify(p.patch))}`,
    ];
  }
  if ('staticPod' in a)
    return staticPodLines(a.staticPod.pod, a.staticPod.node, a.staticPod.present);
  if ('debug' in a) {
    const d = a.debug;
    const argv =
      d.command === undefined
        ? []
        : typeof d.command === 'string'
          ? ['sh', '-c', d.command]
          : d.command;
    // -it as the scenario's container has it; --attach=false so the script does not wait on a session.
    return [
      `kubectl debug ${shellQuote(d.pod)}${ns(d.namespace)} -it --attach=false --image=${shellQuote(d.image)}${d.target ? ` --target=${shellQuote(d.target)}` : ''}${d.name ? ` -c ${shellQuote(d.name)}` : ''}${argv.length ? ` -- ${argv.map(shellQuote).join(' ')}` : ''}`,
    ];
  }
  if ('scale' in a) {
    const w = a.scale;
    return [
      `kubectl scale ${shellQuote(`${w.kind.toLowerCase()}/${w.name}`)}${ns(w.namespace)} --replicas=${w.replicas}`,
    ];
  }
  if ('rollout' in a) {
    const w = a.rollout;
    const to = w.toRevision !== undefined ? ` --to-revision=${w.toRevision}` : '';
    return [
      `kubectl rollout ${w.do} ${shellQuote(`${w.kind.toLowerCase()}/${w.name}`)}${ns(w.namespace)}${to}`,
    ];
  }
  const c = a.setCondition;
  const condition: Record<string, string> = { type: c.type, status: c.status };
  if (c.reason) condition.reason = c.reason;
  if (c.message) condition.message = c.message;
  const patch = JSON.stringify({ status: { conditions: [condition] } });
  return [
    `kubectl patch pod ${shellQuote(c.pod)}${ns(c.namespace)} --subresource=status --type=strategic -p ${shellQuote(patch)}`,
  ];
}

/** `parsed` is `parseScenario(text)`, passed by a caller that has it already (the CLI). */
export function toKubectlScript(
  text: string,
  parsed: ParsedScenario = parseScenario(text),
): string {
  const { scenario } = parsed;
  const docs = parseAllDocuments(text);
  const yamlOf = (k: ObjectKey) => {
    const o = parsed.objects.find((x) => sameKey(x, k));
    return o ? objectYaml(text, docs, o) : undefined;
  };
  const statics = scenario.staticPods ?? [];
  const isStatic = (o: ObjectKey) =>
    o.kind === 'Pod' &&
    (statics.some(
      (s) => s.pod === o.name && (s.namespace ?? 'default') === (o.namespace ?? 'default'),
    ) ||
      scenario.actions.some(
        (a) =>
          'staticPod' in a &&
          a.staticPod.pod === o.name &&
          (a.staticPod.namespace ?? 'default') === (o.namespace ?? 'default'),
      ));
  const initial = parsed.objects.filter(
    (o) => !scenario.deferred.some((k) => sameKey(o, k)) && !isStatic(o),
  );
  // Namespaces first: the API server refuses objects in a namespace that does not exist yet.
  const namespaceDocs = parsed.namespaces.map((name) =>
    stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }).replace(/\s+$/, ''),
  );
  const namespaced =
    parsed.namespaces.length > 0 || parsed.objects.some((o) => o.namespace !== 'default');
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');

  const out: string[] = [
    '#!/bin/sh',
    `# Replays the Podlab scenario "${commentText(scenario.name)}" on a real cluster (the current kubectl context).`,
    '# A real kubelet adds a few seconds of jitter; Podlab shows the deterministic timeline.',
  ];
  if (errors.length > 0) {
    out.push(
      `# Warning: the scenario has ${errors.length} error(s); objects with errors are left out.`,
    );
  }
  out.push(
    'set -eu',
    '',
    namespaced ? 'kubectl get pods -A -w &' : 'kubectl get pods -w &',
    'WATCH=$!',
    "trap 'kill $WATCH 2>/dev/null || true' EXIT",
    '# wait_until N: sleep until N s after the start (kubectl itself takes time)',
    'START=$(date +%s)',
    'wait_until() { d=$((START + $1 - $(date +%s))); if [ "$d" -gt 0 ]; then sleep "$d"; fi; }',
    '',
  );
  if (initial.length + namespaceDocs.length > 0) {
    const bodies = [...namespaceDocs, ...initial.map((o) => objectYaml(text, docs, o))];
    out.push('# t = 0s', ...applyBlock(bodies), '');
  }
  for (const s of statics) out.push(...staticPodLines(s.pod, s.node, true), '');
  for (const t of scenario.traffic ?? []) out.push(...trafficLines(t, scenario.until), '');
  let now = 0;
  for (const a of scenario.actions) {
    if (a.at > now) out.push(`wait_until ${Math.ceil(a.at)}`);
    now = Math.max(now, a.at);
    out.push(`# t = ${formatDuration(a.at)}`, ...actionLines(a, yamlOf), '');
  }
  if (scenario.until > now) {
    out.push(
      `# watch until t = ${formatDuration(scenario.until)}`,
      `wait_until ${Math.ceil(scenario.until)}`,
      '',
    );
  }
  out.push(...cleanUp(parsed));
  return `${out.join('\n')}\n`;
}

/** `spec.traffic` has no kubectl form: a comment with a load client one could run instead. */
function trafficLines(t: TrafficSpec, until: number): string[] {
  const to = Math.min(t.to ?? until, until);
  const host = t.namespace ? `${t.service}.${t.namespace}` : t.service;
  const url = `http://${host}${t.port !== undefined && typeof t.port === 'number' ? `:${t.port}` : ''}/`;
  const n = Math.max(0, Math.ceil((to - t.from) * t.rate));
  const loop = `i=0; while [ $i -lt ${n} ]; do wget -q -T 1 -O /dev/null ${shellQuote(url)} || echo failed; i=$((i+1)); done`;
  return [
    `# Podlab sends ${t.rate} requests/s to Service ${commentText(host)} from t = ${formatDuration(t.from)} to ${formatDuration(to)}`,
    '# (a new connection each, through kube-proxy). On a real cluster a load client does it, e.g.',
    `# kubectl run load --rm -i --image=busybox --restart=Never -- sh -c ${commentText(shellQuote(loop))}`,
  ];
}

/**
 * The clean-up hint: objects per namespace (`-n` outside default); a namespace the scenario
 * created is deleted whole, which deletes what is in it.
 */
function cleanUp(parsed: ParsedScenario): string[] {
  const created = new Set(parsed.namespaces);
  const byNamespace = new Map<string, string[]>();
  for (const o of parsed.objects) {
    if (created.has(o.namespace)) continue;
    const list = byNamespace.get(o.namespace) ?? [];
    list.push(`${o.kind.toLowerCase()}/${o.name}`);
    byNamespace.set(o.namespace, list);
  }
  const lines = [...byNamespace].map(
    ([namespace, names]) =>
      `# clean up: kubectl delete ${commentText(names.map(shellQuote).join(' '))}${commentText(ns(namespace))}`,
  );
  if (created.size > 0)
    lines.push(
      `# clean up: kubectl delete namespace ${commentText([...created].map(shellQuote).join(' '))}`,
    );
  return lines;
}

/** A static pod is a file on the node, not an API object: the script says where it goes. */
function staticPodLines(pod: string, node: string, present: boolean): string[] {
  const file = shellQuote(`/etc/kubernetes/manifests/${pod}.yaml`);
  const host = commentText(shellQuote(node));
  return present
    ? [
        `# Podlab places the Pod document ${commentText(pod)} in node ${commentText(node)}'s staticPodPath here, e.g.`,
        `# ssh ${host} sudo tee ${commentText(file)} < ${commentText(shellQuote(`${pod}.yaml`))}`,
      ]
    : [
        `# Podlab removes the static pod ${commentText(pod)}'s manifest from node ${commentText(node)} here, e.g.`,
        `# ssh ${host} sudo rm ${commentText(file)}`,
      ];
}
