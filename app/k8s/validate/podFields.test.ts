/** Field-level Pod rules not covered in pod.test.ts: enums, names, labels, volumes, env. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../parseScenario.ts';

const diags = (text: string) =>
  parseScenario(text).diagnostics.map(
    (d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`,
  );

// Line 9 is the first line after the image: container extras, then spec extras.
const pod = (extra: string, spec = '', meta = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${meta}spec:\n  containers:\n  - name: app\n    image: nginx\n${extra}${spec}`;

describe('more Pod field rules', () => {
  it.each([
    [
      'imagePullPolicy',
      pod('    imagePullPolicy: Sometimes\n'),
      [
        '9:22-9:31 spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
      ],
    ],
    [
      'terminationMessagePolicy',
      pod('    terminationMessagePolicy: Logs\n'),
      [
        '9:31-9:35 spec.containers[0].terminationMessagePolicy: Unsupported value: "Logs": supported values: "File", "FallbackToLogsOnError"',
      ],
    ],
    [
      'image with spaces',
      pod('  - name: b\n    image: " busybox"\n'),
      [
        '10:12-10:22 spec.containers[1].image: Invalid value: " busybox": must not have leading or trailing whitespace',
      ],
    ],
    [
      'dnsPolicy',
      pod('', '  dnsPolicy: Google\n'),
      [
        '9:14-9:20 spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"',
      ],
    ],
    [
      'activeDeadlineSeconds',
      pod('', '  activeDeadlineSeconds: 0\n'),
      [
        '9:26-9:27 spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive',
      ],
    ],
    [
      'env name required',
      pod('    env:\n    - value: x\n'),
      ['10:7-10:15 spec.containers[0].env[0].name: Required value'],
    ],
    [
      'volume names: required, DNS-1123 label, unique',
      pod('', '  volumes:\n  - emptyDir: {}\n  - name: Data\n  - name: d\n  - name: d\n'),
      [
        '10:5-10:17 spec.volumes[0].name: Required value',
        `11:11-11:15 spec.volumes[1].name: Invalid value: "Data": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
        '13:11-13:12 spec.volumes[3].name: Duplicate value: "d"',
      ],
    ],
    [
      'namespace is a DNS-1123 label',
      pod('', '', '  namespace: Team_A\n'),
      [
        `5:14-5:20 metadata.namespace: Invalid value: "Team_A": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    ],
    [
      'label keys and values',
      pod('', '', '  labels:\n    "a/b/c": x\n    ok: "bad value"\n'),
      [
        `5:3-5:9 metadata.labels: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
        `7:9-7:20 metadata.labels.ok: Invalid value: "bad value": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ],
    ],
    [
      'ephemeral containers cannot be set on create',
      pod('', '  ephemeralContainers:\n  - {name: debug, image: busybox}\n'),
      ['9:3-9:22 spec.ephemeralContainers: Forbidden: cannot be set on create'],
    ],
    [
      'grpc probe port',
      pod('    startupProbe:\n      grpc: {port: 0}\n'),
      [
        '10:20-10:21 spec.containers[0].startupProbe.grpc.port: Invalid value: 0: must be between 1 and 65535, inclusive',
      ],
    ],
  ] as const)('%s', (_name, text, expected) => {
    expect(diags(text)).toEqual(expected);
  });
});
