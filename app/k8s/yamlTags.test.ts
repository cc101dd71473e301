import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { kubectlTags } from './yamlTags.ts';
import { parseScenario } from './parseScenario.ts';

const read = (text: string): unknown => parse(text, { customTags: kubectlTags });

describe('scalars as kubectl (go-yaml v2) reads them', () => {
  it.each([
    ['0644', 420],
    ['0400', 256],
    ['0', 0],
    ['644', 644],
    ['0x1F', 31],
    ['yes', true],
    ['Off', false],
    ['y', true],
    ['n', false],
    ['true', true],
    ['"yes"', 'yes'],
    ['2024-05-01T10:00:00Z', '2024-05-01T10:00:00Z'],
    ['1:20', '1:20'],
    ['08', 8],
  ] as const)('%s → %j', (scalar, value) => {
    expect(read(`v: ${scalar}\n`)).toEqual({ v: value });
  });

  it('defaultMode 0644 is 420 and `value: yes` is a type error, as with kubectl', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: a
    image: busybox
    env:
    - {name: DEBUG, value: yes}
  volumes:
  - name: s
    secret: {secretName: s, defaultMode: 0400}
`;
    expect(
      parseScenario(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`),
    ).toEqual(['9:28 spec.containers[0].env[0].value: Invalid value: true: must be a string']);
    const ok = parseScenario(text.replace('value: yes', 'value: "yes"'));
    const pod = ok.objects[0];
    if (pod?.kind !== 'Pod') throw new Error('expected a Pod');
    expect(pod.object.spec?.volumes?.[0]?.secret?.defaultMode).toBe(256);
  });
});
