import { describe, expect, it } from 'vitest';
import { parseScenario } from '../parseScenario.ts';

const diags = (text: string) =>
  parseScenario(text).diagnostics.map(
    (d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.message}`,
  );

// Line 5 is the first line of `spec`.
const svc = (spec: string, name = 'web') =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n${spec}`;

describe('Service validation (ValidateService)', () => {
  it.each([
    ['no ports', '  selector: {}\n', ['4:1-4:5 error spec.ports: Required value']],
    ['headless without ports is fine', '  clusterIP: None\n', []],
    [
      'ExternalName without ports is fine',
      '  type: ExternalName\n  externalName: db.example.com\n',
      [],
    ],
    [
      // targetPort is defaulted from the bad port and reported too, as the API server does.
      'port range',
      '  ports:\n  - port: 0\n',
      [
        '6:5-6:12 error spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
        '6:11-6:12 error spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      ],
    ],
    [
      'ClientIP affinity and Local traffic policy are named as not simulated',
      '  ports: [{port: 80}]\n  sessionAffinity: ClientIP\n  internalTrafficPolicy: Local\n',
      [
        "6:20-6:28 warning sessionAffinity: ClientIP is not simulated yet: Podlab's kube-proxy spreads every new connection round robin instead of pinning a client to one endpoint",
        "7:26-7:31 warning internalTrafficPolicy: Local is not simulated yet: Podlab's kube-proxy sends connections to every node's ready endpoints, not only the client's node's",
      ],
    ],
    [
      'names required when there are several ports',
      '  ports:\n  - port: 80\n  - {name: b, port: 81}\n',
      ['6:5-6:13 error spec.ports[0].name: Required value'],
    ],
    [
      'duplicate port names',
      '  ports:\n  - {name: a, port: 80}\n  - {name: a, port: 81}\n',
      ['7:12-7:13 error spec.ports[1].name: Duplicate value: "a"'],
    ],
    [
      'protocol',
      '  ports:\n  - {port: 80, protocol: HTTP}\n',
      [
        '6:26-6:30 error spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      ],
    ],
    [
      'type',
      '  type: Internal\n  ports: [{port: 80}]\n',
      [
        '5:9-5:17 error spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
      ],
    ],
    [
      'targetPort name must be an IANA_SVC_NAME',
      '  ports:\n  - {port: 80, targetPort: Web_Port}\n',
      [
        '6:28-6:36 error spec.ports[0].targetPort: Invalid value: "Web_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ],
    ],
    [
      'nodePort on a ClusterIP Service',
      '  ports:\n  - {port: 80, nodePort: 30080}\n',
      [
        "6:16-6:24 error spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
      ],
    ],
  ] as const)('%s', (_name, spec, expected) => {
    expect(diags(svc(spec))).toEqual(expected);
  });

  it('Service names are DNS-1035 labels', () => {
    expect(diags(svc('  ports: [{port: 80}]\n', '1web'))).toEqual([
      `3:18-3:22 error metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });
});

describe('ConfigMap and Secret validation', () => {
  it('config keys', () => {
    expect(
      diags('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  "a b": x\n'),
    ).toEqual([
      `4:1-4:5 error data: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    ]);
  });

  it('Secret data must be base64', () => {
    expect(
      diags('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  pass: s3cr3t!\n'),
    ).toEqual([
      '5:9-5:16 error data.pass: Invalid value: "s3cr3t!": illegal base64 data at input byte 4',
    ]);
  });
});
