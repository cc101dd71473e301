/**
 * Acting on the pod at the cursor. Every action is written into the Scenario document of the YAML
 * (the one source of truth); the simulation then re-runs with it.
 */
import { useMemo, useState, type FormEvent } from 'react';
import type { TraceRecord } from '../../sim/trace/types.ts';
import { formatDuration } from '../lib/time.ts';
import { DEFAULT_NAMESPACE, kubectlName } from '../../sim/trace/objectKey.ts';
import { appendAction, objectTarget, podTarget, type ActionBody } from './appendAction.ts';
import { scenarioObjects } from './scenarioObjects.ts';

export interface ActPanelProps {
  t: number;
  yaml: string;
  onYaml(text: string): void;
  pod: string | undefined;
  containers: readonly string[];
  trace: readonly TraceRecord[];
}

export default function ActPanel(p: ActPanelProps) {
  const [container, setContainer] = useState('');
  const [grace, setGrace] = useState('30');
  const [killMode, setKillMode] = useState('SIGKILL');
  const [exitCode, setExitCode] = useState('1');
  const [command, setCommand] = useState('');
  const [service, setService] = useState('');
  const [gate, setGate] = useState('');
  const [gateStatus, setGateStatus] = useState<'True' | 'False'>('True');
  const [debugImage, setDebugImage] = useState('busybox:1.36');
  const objects = useMemo(() => scenarioObjects(p.yaml), [p.yaml]);
  const c = p.containers.includes(container) ? container : (p.containers[0] ?? '');
  const svc = objects.services.includes(service) ? service : (objects.services[0] ?? '');
  const gates = p.pod ? (objects.gates[p.pod] ?? []) : [];
  const gateType = gate || gates[0] || '';
  const at = Math.round(p.t * 10) / 10;

  const act = (body: ActionBody) => p.onYaml(appendAction(p.yaml, at, body));
  const pod = p.pod;
  // p.pod is the pod's key (NAMESPACE/NAME outside default); actions name pod and namespace.
  const target = podTarget(pod ?? '');
  const ns = target.namespace ?? DEFAULT_NAMESPACE;
  const kubectlPod = kubectlName(pod ?? '');
  const execs = p.trace.filter(
    (r): r is Extract<TraceRecord, { type: 'exec' }> =>
      r.type === 'exec' && r.pod === target.pod && r.namespace === ns && r.t <= p.t,
  );
  const onExec = (e: FormEvent) => {
    e.preventDefault();
    if (!pod || !command.trim()) return;
    act({ exec: { ...target, container: c, command: command.trim() } });
    setCommand('');
  };

  if (!pod) return <p className="empty">No pod to act on.</p>;
  return (
    <div className="act">
      <p className="dim act-note">
        Actions run at the cursor (t = {formatDuration(at)}) and are added to the Scenario document
        in the editor.
      </p>
      <div className="panel-bar">
        <strong>pod/{pod}</strong>
        <label>
          container{' '}
          <select
            aria-label="Target container"
            value={c}
            onChange={(e) => setContainer(e.target.value)}
          >
            {p.containers.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="panel-bar">
        <button
          type="button"
          onClick={() =>
            act({
              delete: {
                kind: 'Pod',
                ...objectTarget(pod),
                gracePeriodSeconds: Number(grace) || 0,
              },
            })
          }
        >
          Delete pod
        </button>
        <label>
          grace period (s){' '}
          <input
            aria-label="Grace period seconds"
            type="number"
            min={0}
            value={grace}
            onChange={(e) => setGrace(e.target.value)}
            size={4}
          />
        </label>
        <span className="sep" />
        <button
          type="button"
          onClick={() =>
            act({
              kill:
                killMode === 'exit'
                  ? { ...target, container: c, exitCode: Number(exitCode) || 0 }
                  : { ...target, container: c, signal: killMode },
            })
          }
        >
          Kill container
        </button>
        <select
          aria-label="Kill with"
          value={killMode}
          onChange={(e) => setKillMode(e.target.value)}
        >
          <option value="SIGKILL">SIGKILL</option>
          <option value="SIGTERM">SIGTERM</option>
          <option value="exit">exit code…</option>
        </select>
        {killMode === 'exit' ? (
          <input
            aria-label="Exit code"
            type="number"
            value={exitCode}
            onChange={(e) => setExitCode(e.target.value)}
            size={4}
          />
        ) : null}
        <button
          type="button"
          title="Kill the pod's pause process: the kubelet re-creates the sandbox"
          onClick={() => act({ kill: { ...target, sandbox: true } })}
        >
          Kill sandbox
        </button>
      </div>
      <div className="panel-bar">
        <button
          type="button"
          disabled={!debugImage.trim() || !c}
          title={`kubectl debug -it ${kubectlPod} --image=${debugImage.trim()} --target=${c}`}
          onClick={() => act({ debug: { ...target, image: debugImage.trim(), target: c } })}
        >
          Debug container
        </button>
        <label>
          image{' '}
          <input
            aria-label="Debug image"
            value={debugImage}
            onChange={(e) => setDebugImage(e.target.value)}
            spellCheck={false}
            size={14}
          />
        </label>
        <span className="dim">
          an ephemeral container sharing {c || 'the container'}’s processes
        </span>
      </div>
      <div className="panel-bar">
        <label>
          Service{' '}
          <select aria-label="Service" value={svc} onChange={(e) => setService(e.target.value)}>
            {objects.services.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={!svc}
          onClick={() => act({ apply: { kind: 'Service', ...objectTarget(svc) } })}
        >
          Create Service
        </button>
        <button
          type="button"
          disabled={!svc}
          onClick={() => act({ delete: { kind: 'Service', ...objectTarget(svc) } })}
        >
          Delete Service
        </button>
        <span className="sep" />
        <label>
          condition{' '}
          <input
            aria-label="Readiness gate condition type"
            list="podlab-gates"
            value={gateType}
            placeholder="example.com/gate"
            onChange={(e) => setGate(e.target.value)}
            size={18}
          />
        </label>
        <datalist id="podlab-gates">
          {gates.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        <select
          aria-label="Condition status"
          value={gateStatus}
          onChange={(e) => setGateStatus(e.target.value === 'False' ? 'False' : 'True')}
        >
          <option>True</option>
          <option>False</option>
        </select>
        <button
          type="button"
          disabled={!gateType}
          onClick={() => act({ setCondition: { ...target, type: gateType, status: gateStatus } })}
        >
          Set condition
        </button>
      </div>
      <div className="terminal" aria-label="Exec terminal">
        {execs.map((r, i) => (
          <pre key={i} className="kubectl">
            <span className="prompt">
              [{formatDuration(r.t)}] $ kubectl exec {kubectlPod} -c {r.container} --{' '}
              {r.command.join(' ')}
            </span>
            {'\n'}
            {r.output}
            {r.exitCode ? `command terminated with exit code ${r.exitCode}\n` : ''}
          </pre>
        ))}
        <form onSubmit={onExec} className="terminal-input">
          <span className="prompt">
            $ kubectl exec {kubectlPod} -c {c} -- sh -c
          </span>
          <input
            aria-label="Exec command"
            value={command}
            onChange={(e) => setCommand(e.target.value)}
            placeholder="type a command, Enter"
            spellCheck={false}
          />
        </form>
      </div>
    </div>
  );
}
