import { describe, expect, it } from 'vitest';
import { parseScenario, type ParseOptions } from '../parseScenario.ts';

/** `line:col-endLine:endCol message` of every diagnostic. */
function diags(text: string, opts: ParseOptions = {}): string[] {
  return parseScenario(text, opts).diagnostics.map(
    (d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`,
  );
}

// Line 9 is the first line of `extra` (inside containers[0]); `spec` extras go after the containers.
const pod = (extra: string, spec = '') =>
  `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
${extra}${spec}`;

describe('probe rules (kubelet-container.md §2)', () => {
  it.each([
    [
      'V1 no handler',
      '    livenessProbe:\n      periodSeconds: 5\n',
      ['9:5-9:18 spec.containers[0].livenessProbe: Required value: must specify a handler type'],
    ],
    [
      'V1 two handlers',
      '    readinessProbe:\n      exec: {command: [ls]}\n      tcpSocket: {port: 80}\n',
      [
        '11:7-11:16 spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
      ],
    ],
    [
      'V2 negative fields',
      '    readinessProbe:\n      exec: {command: [ls]}\n      initialDelaySeconds: -1\n      failureThreshold: -3\n',
      [
        '11:28-11:30 spec.containers[0].readinessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0',
        '12:25-12:27 spec.containers[0].readinessProbe.failureThreshold: Invalid value: -3: must be greater than or equal to 0',
      ],
    ],
    [
      'V3 liveness successThreshold',
      '    livenessProbe:\n      exec: {command: [ls]}\n      successThreshold: 2\n',
      [
        '11:25-11:26 spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      ],
    ],
    [
      'V3 startup successThreshold',
      '    startupProbe:\n      tcpSocket: {port: 80}\n      successThreshold: 3\n',
      ['11:25-11:26 spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1'],
    ],
    [
      'V3 readiness may use more than 1',
      '    readinessProbe:\n      exec: {command: [ls]}\n      successThreshold: 3\n',
      [],
    ],
    [
      'V4 probe grace must be > 0',
      '    livenessProbe:\n      exec: {command: [ls]}\n      terminationGracePeriodSeconds: 0\n',
      [
        '11:38-11:39 spec.containers[0].livenessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0',
      ],
    ],
    [
      'V4 probe grace forbidden on readiness',
      '    readinessProbe:\n      exec: {command: [ls]}\n      terminationGracePeriodSeconds: 10\n',
      [
        '11:38-11:40 spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes',
      ],
    ],
    [
      'exec needs a command',
      '    livenessProbe:\n      exec: {}\n',
      ['10:7-10:11 spec.containers[0].livenessProbe.exec.command: Required value'],
    ],
    [
      'httpGet port range',
      '    livenessProbe:\n      httpGet: {port: 70000}\n',
      [
        '10:23-10:28 spec.containers[0].livenessProbe.httpGet.port: Invalid value: 70000: must be between 1 and 65535, inclusive',
      ],
    ],
    [
      'httpGet scheme',
      '    livenessProbe:\n      httpGet: {port: 80, scheme: FTP}\n',
      [
        '10:35-10:38 spec.containers[0].livenessProbe.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"',
      ],
    ],
    [
      'a quoted number is a port name (intstr string)',
      '    livenessProbe:\n      tcpSocket: {port: "8080"}\n',
      [
        '10:25-10:31 spec.containers[0].livenessProbe.tcpSocket.port: Invalid value: "8080": must contain at least one letter (a-z)',
      ],
    ],
  ] as const)('%s', (_name, extra, expected) => {
    expect(diags(pod(extra))).toEqual(expected);
  });
});

describe('init containers, sidecars, hooks (V5, V6, V9)', () => {
  const init = (body: string) =>
    pod('', `  initContainers:\n  - name: init\n    image: busybox\n${body}`);
  it.each([
    [
      'V5 probe on a plain init container',
      '    readinessProbe:\n      exec: {command: [ls]}\n',
      [
        '12:5-12:19 spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
      ],
    ],
    [
      'V5 lifecycle on a plain init container',
      '    lifecycle:\n      preStop:\n        exec: {command: [ls]}\n',
      [
        '12:5-12:14 spec.initContainers[0].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always',
      ],
    ],
    [
      'V5 a sidecar may have probes and hooks',
      '    restartPolicy: Always\n    startupProbe:\n      exec: {command: [ls]}\n    lifecycle:\n      preStop:\n        sleep: {seconds: 5}\n',
      [],
    ],
    [
      'V6 init restartPolicy other than Always',
      '    restartPolicy: OnFailure\n',
      [
        '12:20-12:29 spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      ],
    ],
  ] as const)('%s', (_name, body, expected) => {
    expect(diags(init(body))).toEqual(expected);
  });

  // Before ContainerRestartRules (beta, on, in 1.35): versions.test.ts has the later releases.
  it('V6 restartPolicy on a regular container is forbidden (1.34)', () => {
    expect(diags(pod('    restartPolicy: Always\n'), { kubernetesVersion: '1.34' })).toEqual([
      '9:5-9:18 spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers',
    ]);
  });

  it.each([
    [
      0,
      '11:9-11:14 spec.containers[0].lifecycle.preStop.sleep: Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (30)',
    ],
    [
      31,
      '11:9-11:14 spec.containers[0].lifecycle.preStop.sleep: Invalid value: 31: must be greater than 0 and less than terminationGracePeriodSeconds (30)',
    ],
  ])('V9 sleep %d s against the default grace (1.31)', (seconds, message) => {
    // 1.31 has validateSleepAction's original text; versions.test.ts has 1.32 and later.
    expect(
      diags(
        pod(`    lifecycle:\n      preStop:\n        sleep:\n          seconds: ${seconds}\n`),
        {
          kubernetesVersion: '1.31',
        },
      ),
    ).toEqual([message]);
  });

  it('V9 sleep uses the pod grace', () => {
    const text = pod(
      '    lifecycle:\n      preStop:\n        sleep: {seconds: 45}\n',
      '  terminationGracePeriodSeconds: 60\n',
    );
    expect(diags(text)).toEqual([]);
  });

  it('hook with no handler', () => {
    expect(diags(pod('    lifecycle:\n      postStart: {}\n'))).toEqual([
      '10:7-10:16 spec.containers[0].lifecycle.postStart: Required value: must specify a handler type',
    ]);
  });
});

describe('names and ports (V7, V8)', () => {
  it('V7 duplicate names across init and regular containers are reported on the init container', () => {
    const text = pod('', '  initContainers:\n  - name: app\n    image: busybox\n');
    expect(diags(text)).toEqual([
      '10:11-10:14 spec.initContainers[0].name: Duplicate value: "app"',
    ]);
  });

  it('V7 duplicate regular containers', () => {
    expect(diags(pod('  - name: app\n    image: busybox\n'))).toEqual([
      '9:11-9:14 spec.containers[1].name: Duplicate value: "app"',
    ]);
  });

  it('V7 container names are DNS-1123 labels', () => {
    expect(diags(pod('  - name: My_App\n    image: busybox\n'))).toEqual([
      `9:11-9:17 spec.containers[1].name: Invalid value: "My_App": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });

  it.each([
    [
      'IANA_SVC_NAME too long and upper case',
      '    ports:\n    - name: Very-Long-Port-Name\n      containerPort: 80\n',
      [
        '10:13-10:32 spec.containers[0].ports[0].name: Invalid value: "Very-Long-Port-Name": must be no more than 15 characters',
        '10:13-10:32 spec.containers[0].ports[0].name: Invalid value: "Very-Long-Port-Name": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ],
    ],
    [
      'port name needs a letter, no double hyphen, no hyphen at the ends',
      '    ports:\n    - {name: "-8--0", containerPort: 80}\n',
      [
        '10:14-10:21 spec.containers[0].ports[0].name: Invalid value: "-8--0": must contain at least one letter (a-z)',
        '10:14-10:21 spec.containers[0].ports[0].name: Invalid value: "-8--0": must not contain consecutive hyphens',
        '10:14-10:21 spec.containers[0].ports[0].name: Invalid value: "-8--0": must not begin or end with a hyphen',
      ],
    ],
    [
      'duplicate port names',
      '    ports:\n    - {name: http, containerPort: 80}\n    - {name: http, containerPort: 81}\n',
      ['11:14-11:18 spec.containers[0].ports[1].name: Duplicate value: "http"'],
    ],
    [
      'containerPort range',
      '    ports:\n    - containerPort: 65536\n',
      [
        '10:22-10:27 spec.containers[0].ports[0].containerPort: Invalid value: 65536: must be between 1 and 65535, inclusive',
      ],
    ],
    [
      'containerPort required',
      '    ports:\n    - name: http\n',
      ['10:7-10:17 spec.containers[0].ports[0].containerPort: Required value'],
    ],
    [
      'protocol',
      '    ports:\n    - {containerPort: 53, protocol: DNS}\n',
      [
        '10:37-10:40 spec.containers[0].ports[0].protocol: Unsupported value: "DNS": supported values: "SCTP", "TCP", "UDP"',
      ],
    ],
  ] as const)('V8 %s', (_name, extra, expected) => {
    expect(diags(pod(extra))).toEqual(expected);
  });
});

describe('pod-level rules', () => {
  it('V10 negative pod grace', () => {
    expect(diags(pod('', '  terminationGracePeriodSeconds: -1\n'))).toEqual([
      '9:34-9:36 spec.terminationGracePeriodSeconds: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });

  it('restartPolicy values', () => {
    expect(diags(pod('', '  restartPolicy: Sometimes\n'))).toEqual([
      '9:18-9:27 spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
  });

  it('required: metadata.name, containers, image', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {a: b}\nspec:\n  containers:\n  - name: app\n';
    expect(diags(text)).toEqual([
      '3:1-3:9 metadata.name: Required value: name or generateName is required',
      '7:5-7:14 spec.containers[0].image: Required value',
    ]);
    expect(
      diags('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: []\n'),
    ).toEqual(['5:3-5:13 spec.containers: Required value']);
    expect(diags('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n')).toEqual([
      '1:1-1:15 spec.containers: Required value',
    ]);
  });

  it('pod names are DNS-1123 subdomains', () => {
    expect(diags(pod('').replace('name: p', 'name: My.Pod'))).toEqual([
      `4:9-4:15 metadata.name: Invalid value: "My.Pod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
  });

  it('readinessGates condition types are qualified names', () => {
    expect(
      diags(
        pod(
          '',
          '  readinessGates:\n  - conditionType: "www.example.com/feature-1"\n  - conditionType: "bad type!"\n',
        ),
      ),
    ).toEqual([
      `11:20-11:31 spec.readinessGates[1].conditionType: Invalid value: "bad type!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ]);
  });

  it('resource quantities are well formed and requests do not exceed limits', () => {
    expect(
      diags(
        pod(
          '    resources:\n      limits: {cpu: 500m, memory: lots}\n      requests: {cpu: "1"}\n',
        ),
      ),
    ).toEqual([
      '10:35-10:39 spec.containers[0].resources.limits[memory]: Invalid value: "lots": quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
      '11:23-11:26 spec.containers[0].resources.requests[cpu]: Invalid value: "1": must be less than or equal to cpu limit of 500m',
    ]);
  });

  it('one source per volume', () => {
    expect(
      diags(pod('', '  volumes:\n  - name: v\n    emptyDir: {}\n    configMap: {name: c}\n')),
    ).toEqual([
      '12:5-12:14 spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type',
    ]);
  });

  it('volumeMounts must name a volume', () => {
    expect(diags(pod('    volumeMounts:\n    - {name: data, mountPath: /data}\n'))).toEqual([
      '10:14-10:18 spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ]);
  });

  it('a Pod with errors is not simulated; a valid one is', () => {
    expect(parseScenario(pod('    restartPolicy: Always\n')).objects).toEqual([]);
    expect(parseScenario(pod('')).objects.map((o) => o.name)).toEqual(['p']);
  });
});
