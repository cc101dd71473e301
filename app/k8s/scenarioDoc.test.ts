import { describe, expect, it } from 'vitest';
import { parseScenario } from './parseScenario.ts';
import { convertProfile } from './scenarioDoc.ts';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain } from './validate/names.ts';

const OBJECTS = `---
apiVersion: v1
kind: Pod
metadata: {name: p, labels: {app: web}}
spec:
  containers: [{name: app, image: nginx}]
---
apiVersion: v1
kind: Service
metadata: {name: svc}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;

const scenario = (spec: string) =>
  `apiVersion: podlab.dev/v1\nkind: Scenario\nmetadata: {name: demo}\nspec:\n${spec}${OBJECTS}`;

const diags = (text: string) =>
  parseScenario(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);

describe('Scenario document (DESIGN.md §3)', () => {
  it('plain Kubernetes YAML is a scenario with defaults', () => {
    const r = parseScenario(OBJECTS);
    expect(r.scenario).toEqual({
      name: 'scenario',
      until: 600,
      profile: {},
      actions: [],
      deferred: [],
    });
    expect(r.objects.map((o) => o.name)).toEqual(['p', 'svc']);
  });

  it('reads until, profile durations and every action kind, sorted by time', () => {
    const r = parseScenario(
      scenario(`  until: 5m
  profile: {crashLoop: {initial: 1s, max: 60s}, jitter: false, version: "1.33", steps: [10s, 2]}
  actions:
  - at: 90s
    exec: {pod: p, container: app, command: "echo ok > /tmp/x"}
  - at: 20s
    apply: {kind: Service, name: svc}
  - at: 1m
    kill: {pod: p, container: app, signal: TERM}
  - at: 1m
    kill: {pod: p, container: app, exitCode: 3}
  - at: 2m
    setCondition: {pod: p, type: example.com/gate, status: "True", reason: Manual}
  - at: 2.5
    delete: {kind: Pod, name: p, gracePeriodSeconds: 5, force: true}
`),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario).toEqual({
      name: 'demo',
      doc: 0,
      until: 300,
      profile: {
        crashLoop: { initial: 1, max: 60 },
        jitter: false,
        version: '1.33',
        steps: [10, 2],
      },
      actions: [
        {
          at: 2.5,
          doc: 0,
          path: 'spec.actions[5]',
          delete: { kind: 'Pod', name: 'p', gracePeriodSeconds: 5, force: true },
        },
        { at: 20, doc: 0, path: 'spec.actions[1]', apply: { kind: 'Service', name: 'svc' } },
        {
          at: 60,
          doc: 0,
          path: 'spec.actions[2]',
          kill: { pod: 'p', container: 'app', signal: 'SIGTERM' },
        },
        {
          at: 60,
          doc: 0,
          path: 'spec.actions[3]',
          kill: { pod: 'p', container: 'app', exitCode: 3 },
        },
        {
          at: 90,
          doc: 0,
          path: 'spec.actions[0]',
          exec: { pod: 'p', container: 'app', command: 'echo ok > /tmp/x' },
        },
        {
          at: 120,
          doc: 0,
          path: 'spec.actions[4]',
          setCondition: { pod: 'p', type: 'example.com/gate', status: 'True', reason: 'Manual' },
        },
      ],
      deferred: [{ kind: 'Service', name: 'svc' }],
    });
    // Deferred objects are still listed in `objects`; the engine creates them at their apply time.
    expect(r.objects.map((o) => o.name)).toEqual(['p', 'svc']);
    expect(r.locate({ doc: 0, path: 'spec.actions[1]' })).toEqual({
      line: 10,
      column: 5,
      endLine: 10,
      endColumn: 12,
    });
  });

  it('reports bad durations, missing or extra actions, unknown objects, bad signals', () => {
    expect(
      diags(
        scenario(`  until: soon
  actions:
  - at: 5x
    delete: {kind: Pod, name: p}
  - at: 1s
  - at: 2s
    exec: {pod: nope, command: [ls]}
    kill: {pod: p, container: app}
  - at: 3s
    apply: {kind: Pod, name: ghost}
  - at: 4s
    kill: {pod: p, container: app, signal: SIGBOOM}
  - at: 5s
    exce: {pod: p, command: ls}
`),
      ),
    ).toEqual([
      '5:10 error spec.until: Invalid value: "soon": must be a duration such as 90s, 5m, 1h30m or a number of seconds',
      '7:9 error spec.actions[0].at: Invalid value: "5x": must be a duration such as 90s, 5m, 1h30m or a number of seconds',
      '9:5 error spec.actions[1]: Required value: must specify one of: apply, delete, exec, kill, setCondition, node, patch, debug, staticPod, scale, rollout',
      '11:17 warning Pod "nope" is not defined in this scenario: this action will do nothing',
      '12:5 error spec.actions[2].kill: Forbidden: may not specify more than 1 action',
      '14:30 error spec.actions[3].apply.name: Not found: Pod "ghost" is not defined in this scenario',
      '16:44 error spec.actions[4].kill.signal: Unsupported value: "SIGBOOM": supported values: "SIGTERM", "SIGKILL", "SIGINT", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGSTOP", "SIGCONT"',
      '17:5 error spec.actions[5]: Required value: must specify one of: apply, delete, exec, kill, setCondition, node, patch, debug, staticPod, scale, rollout',
      '18:5 error unknown field "spec.actions[5].exce" (did you mean exec?)',
    ]);
  });

  it('reads node actions and reports a bad state at its value', () => {
    const r = parseScenario(
      scenario(
        '  actions:\n  - at: 60s\n    node: {name: node-1, state: Lost}\n  - at: 2m\n    node: {name: node-1, state: Ready}\n  - at: 3m\n    node: {name: node-1, state: Down}\n',
      ),
    );
    expect(r.scenario.actions).toEqual([
      { at: 60, doc: 0, path: 'spec.actions[0]', node: { name: 'node-1', state: 'Lost' } },
      { at: 120, doc: 0, path: 'spec.actions[1]', node: { name: 'node-1', state: 'Ready' } },
    ]);
    expect(
      diags(scenario('  actions:\n  - at: 3m\n    node: {name: node-1, state: Down}\n')),
    ).toEqual([
      '7:33 error spec.actions[0].node.state: Unsupported value: "Down": supported values: "Lost", "Ready", "Rebooted", "Cordoned", "Drained"',
    ]);
  });

  it('warns about actions after spec.until', () => {
    expect(
      diags(
        scenario('  until: 1m\n  actions:\n  - at: 2m\n    apply: {kind: Service, name: svc}\n'),
      ),
    ).toEqual(['7:9 warning this action is after spec.until (60 s): it will not run']);
  });

  it('warns when exec or kill names a container the pod does not have', () => {
    expect(
      diags(
        scenario(
          '  actions:\n  - at: 1s\n    exec: {pod: p, container: web, command: ls}\n  - at: 2s\n    kill: {pod: p, container: app}\n',
        ),
      ),
    ).toEqual([
      '7:31 warning container "web" is not in pod p (its containers: app): this action will do nothing',
    ]);
  });

  it('drops an apply of an object the text does not define', () => {
    const r = parseScenario(
      scenario('  actions:\n  - at: 3s\n    apply: {kind: Pod, name: ghost}\n'),
    );
    expect(r.scenario.actions).toEqual([]);
    expect(r.scenario.deferred).toEqual([]);
  });

  it('allows one Scenario document only', () => {
    const text = `${scenario('  until: 1m\n')}---\napiVersion: podlab.dev/v1\nkind: Scenario\n`;
    expect(diags(text)).toEqual([
      '21:7 error only one Scenario document is allowed (the first is document 1)',
    ]);
    expect(parseScenario(text).scenario.until).toBe(60);
  });

  it('convertProfile converts only strings with a unit', () => {
    expect(convertProfile({ a: '10s', b: '10', c: 'Always', d: [{ e: '1h' }] })).toEqual({
      a: 10,
      b: '10',
      c: 'Always',
      d: [{ e: 3600 }],
    });
  });
});

describe('spec.until has a documented maximum (24h of simulated time, README "Scenarios")', () => {
  const TOO_LONG = 'must be at most 24h: the simulator runs at most 24h of simulated time';
  it.each([
    ['24h is allowed', '24h', 86400, []],
    ['a number of seconds at the bound', '86400', 86400, []],
    [
      'one second more',
      '24h0m1s',
      86400,
      [`5:10 error spec.until: Invalid value: "24h0m1s": ${TOO_LONG}`],
    ],
    [
      '100000h (the CLI ran 8 minutes)',
      '100000h',
      86400,
      [`5:10 error spec.until: Invalid value: "100000h": ${TOO_LONG}`],
    ],
    [
      'seconds over the bound',
      '90000',
      86400,
      [`5:10 error spec.until: Invalid value: 90000: ${TOO_LONG}`],
    ],
  ])('%s', (_name, until, seconds, expected) => {
    const text = scenario(`  until: ${until}\n`);
    expect(diags(text)).toEqual(expected);
    expect(parseScenario(text).scenario.until).toBe(seconds);
  });
});

describe('names the apiserver would reject are errors at their line, the action is dropped', () => {
  const SUB = isDNS1123Subdomain('X')[0] ?? '';
  const LABEL = isDNS1123Label('X')[0] ?? '';
  const DNS1035 = isDNS1035Label('X')[0] ?? '';
  const act = (body: string) => scenario(`  actions:\n  - at: 1s\n    ${body}\n`);
  it.each([
    [
      'exec pod with a newline',
      act('exec: {pod: "p\\ntouch pwned", command: ls}'),
      [`7:17 error spec.actions[0].exec.pod: Invalid value: "p\\ntouch pwned": ${SUB}`],
    ],
    [
      'kill container with a control character',
      act('kill: {pod: p, container: "app\\u0007"}'),
      [`7:31 error spec.actions[0].kill.container: Invalid value: "app\\u0007": ${LABEL}`],
    ],
    [
      'node name with a newline',
      act('node: {name: "node-1\\n#", state: Lost}'),
      [`7:18 error spec.actions[0].node.name: Invalid value: "node-1\\n#": ${SUB}`],
    ],
    [
      'setCondition pod in a bad namespace',
      act('setCondition: {pod: p, namespace: "a b", type: x, status: "True"}'),
      [`7:39 error spec.actions[0].setCondition.namespace: Invalid value: "a b": ${LABEL}`],
    ],
    [
      'delete of a Service: DNS-1035 label',
      act('delete: {kind: Service, name: "9svc"}'),
      [`7:35 error spec.actions[0].delete.name: Invalid value: "9svc": ${DNS1035}`],
    ],
  ])('%s', (_name, text, expected) => {
    expect(diags(text)).toEqual(expected);
    expect(parseScenario(text).scenario.actions).toEqual([]);
  });

  it('the Scenario metadata.name is a DNS-1123 subdomain', () => {
    const text = scenario('').replace('{name: demo}', '{name: "demo\\ntouch pwned\\n#"}');
    expect(diags(text)).toEqual([
      `3:18 error metadata.name: Invalid value: "demo\\ntouch pwned\\n#": ${SUB}`,
    ]);
    expect(parseScenario(text).scenario.name).toBe('scenario');
  });

  it('valid names stay accepted', () => {
    const text = act('kill: {pod: p, container: app, signal: SIGKILL}');
    expect(diags(text)).toEqual([]);
    expect(parseScenario(text).scenario.actions).toHaveLength(1);
  });
});
