/**
 * Every YAML block of the study notes in shared/seeds parses without crashing, and the real mistakes in
 * them produce precise diagnostics. CI has shared/ beside the clone: <repo>/../shared/seeds.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractYamlBlocks } from './markdownYaml.ts';
import { parseScenario } from './parseScenario.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seedsDir = path.resolve(repoRoot, '../shared/seeds');

const NOT_OBJECT = 'error not a Kubernetes object: apiVersion and kind are required';

/**
 * `<seed number>:<line of the block in the seed>` → objects that load and the diagnostics
 * (`line:col-endLine:endCol severity message`, lines relative to the block).
 */
const EXPECTED: Record<string, { objects: string[]; diagnostics: string[] }> = {
  // 000: the liveness exec fragment with `initialDelaySeconds`/`periodSeconds` one column off.
  '000:62': {
    objects: [],
    diagnostics: [
      '6:8-6:9 error All mapping items must start at the same column',
      '7:8-7:9 error All mapping items must start at the same column',
    ],
  },
  '000:76': { objects: [], diagnostics: [`1:1-1:14 ${NOT_OBJECT}`] },
  '000:94': { objects: [], diagnostics: [`1:2-1:15 ${NOT_OBJECT}`] },
  '001:65': { objects: ['Pod/myapp-pod'], diagnostics: [] },
  // 001: `ports:` of Service myservice slipped to column 0: a top-level unknown field, spec has no ports.
  '001:88': {
    objects: ['Service/mydb'],
    diagnostics: [
      '6:1-6:5 error spec.ports: Required value',
      '7:1-7:6 error unknown field "ports"',
    ],
  },
  '001:119': { objects: ['Pod/readiness-httpget-pod'], diagnostics: [] },
  // 001 liveness-exec-pod: the quoted command continues at column 0. Strict YAML 1.2 rejects it;
  // kubectl's libyaml reads one string, and so do we (lenientYaml.ts), with a warning.
  '001:145': {
    objects: ['Pod/liveness-exec-pod'],
    diagnostics: [
      '12:1-12:7 warning this quoted string continues on a line indented less than its field: kubectl (libyaml) reads it as one string, strict YAML 1.2 parsers reject it',
    ],
  },
  // 001 liveness-httpget-pod: `httpGet` and the timings are at the container's level, livenessProbe is null.
  '001:171': {
    objects: [],
    diagnostics: [
      '15:7-15:14 error unknown field "spec.containers[0].httpGet"',
      '19:7-19:26 error unknown field "spec.containers[0].initialDelaySeconds"',
      '20:7-20:20 error unknown field "spec.containers[0].periodSeconds"',
      '21:7-21:21 error unknown field "spec.containers[0].timeoutSeconds"',
    ],
  },
  '001:200': { objects: ['Pod/probe-tcp'], diagnostics: [] },
  '001:218': { objects: ['Pod/lifecycle-demo'], diagnostics: [] },
  '002:76': { objects: [], diagnostics: [`1:1-1:7 ${NOT_OBJECT}`] },
  '002:120': { objects: ['Pod/lifecycle-demo'], diagnostics: [] },
  '002:154': { objects: [], diagnostics: [`1:1-1:7 ${NOT_OBJECT}`] },
  // 002: the readinessGates example has no containers.
  '002:192': { objects: [], diagnostics: ['5:1-5:5 error spec.containers: Required value'] },
  '002:245': { objects: [], diagnostics: [`1:3-1:7 ${NOT_OBJECT}`] },
  '002:257': { objects: [], diagnostics: [`1:3-1:7 ${NOT_OBJECT}`] },
  '002:269': { objects: [], diagnostics: [`1:3-1:7 ${NOT_OBJECT}`] },
  '002:303': { objects: ['Pod/myapp-pod'], diagnostics: [] },
  // 004 javaweb-2: `hostPost` for hostPort.
  '004:53': {
    objects: [],
    diagnostics: [
      '24:11-24:19 error unknown field "spec.containers[0].ports[0].hostPost" (did you mean hostPort?)',
    ],
  },
  // 004: the nodeSelector fragment (`disktype` slipped to the spec level) is only a `spec:` fragment.
  '004:88': { objects: [], diagnostics: [`1:1-1:5 ${NOT_OBJECT}`] },
  '004:97': { objects: [], diagnostics: [`1:1-1:5 ${NOT_OBJECT}`] },
  '004:117': { objects: [], diagnostics: [`1:1-1:5 ${NOT_OBJECT}`] },
  // 004 projected-volume: valid; the Secrets it mounts are created by shell commands in the note.
  '004:153': {
    objects: ['Pod/projected-volume'],
    diagnostics: [
      '21:17-21:21 warning Secret "user" is not defined in this scenario: the kubelet cannot start the containers that need it',
      '23:17-23:21 warning Secret "pass" is not defined in this scenario: the kubelet cannot start the containers that need it',
    ],
  },
  '004:190': { objects: ['Pod/kubernetes-downwardapi-volume-example'], diagnostics: [] },
  '004:244': { objects: ['Pod/liveness-exec'], diagnostics: [] },
  '004:274': { objects: ['Pod/liveness-http'], diagnostics: [] },
};

const seedFiles = existsSync(seedsDir)
  ? readdirSync(seedsDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
  : [];
const blocks = seedFiles.flatMap((file) =>
  extractYamlBlocks(readFileSync(path.join(seedsDir, file), 'utf8')).map((b) => ({
    key: `${file.slice(0, 3)}:${b.line}`,
    text: b.text,
  })),
);

describe('seed study notes', () => {
  it('reads the wrapped liveness-exec-pod command as kubectl does', () => {
    const block = blocks.find((b) => b.key === '001:145');
    const pod = parseScenario(block?.text ?? '').objects[0];
    expect(pod?.kind === 'Pod' && pod.object.spec?.containers[0]?.command).toEqual([
      '/bin/sh',
      '-c',
      'touch /tmp/live ; sleep 60; rm -rf /tmp/live; sleep 3600',
    ]);
  });

  it('finds the seeds and exactly the expected YAML blocks', () => {
    expect(seedFiles.length).toBeGreaterThanOrEqual(5);
    expect(blocks.map((b) => b.key)).toEqual(Object.keys(EXPECTED));
  });

  it.each(blocks.map((b) => [b.key, b.text] as const))('block %s', (key, text) => {
    const r = parseScenario(text);
    const got = {
      objects: r.objects.map((o) => `${o.kind}/${o.name}`),
      diagnostics: r.diagnostics.map(
        (d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.message}`,
      ),
    };
    expect(got).toEqual(EXPECTED[key]);
  });

  it('all loadable blocks together form one scenario; repeated names are AlreadyExists', () => {
    const valid = blocks.filter((b) => (EXPECTED[b.key]?.objects.length ?? 0) > 0);
    const r = parseScenario(valid.map((b) => b.text).join('\n---\n'));
    expect(
      r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.doc} ${d.message}`),
    ).toEqual([
      '1 spec.ports: Required value',
      '1 unknown field "ports"',
      '7 pods "lifecycle-demo" already exists (document 7 defines it)',
      '8 pods "myapp-pod" already exists (document 1 defines it)',
    ]);
    expect(r.objects.map((o) => o.name)).toEqual([
      'myapp-pod',
      'mydb',
      'readiness-httpget-pod',
      'liveness-exec-pod',
      'probe-tcp',
      'lifecycle-demo',
      'projected-volume',
      'kubernetes-downwardapi-volume-example',
      'liveness-exec',
      'liveness-http',
    ]);
  });
});
