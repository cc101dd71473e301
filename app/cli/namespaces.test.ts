/** `-n NAMESPACE` and `-A/--all-namespaces` as kubectl reads them (issue 13 item 6). */
import { describe, expect, it } from 'vitest';
import { TWO_WEBS } from '../sim/testing/twoWebs.ts';
import { runMain } from './testIO.ts';

const files = { 'webs.yaml': TWO_WEBS };
const cli = (...argv: string[]) => runMain([...argv, '--until', '2m'], files);
const lines = (text: string) => text.trimEnd().split('\n');

describe('get pods across namespaces', () => {
  it('without -n: the default namespace, where nothing runs', async () => {
    expect(await cli('get', 'pods', 'webs.yaml', '--at', '60s')).toEqual({
      code: 0,
      stdout: 'No resources found in default namespace.\n',
      stderr: '',
    });
  });

  it.each([['-n', 'team-a'], ['--namespace', 'team-a'], ['--namespace=team-a']])(
    '%s %s: that namespace only, no NAMESPACE column',
    async (...flag) => {
      const r = await cli('get', 'pods', 'webs.yaml', '--at', '60s', ...flag);
      expect(r.code).toBe(0);
      expect(lines(r.stdout)).toEqual([
        'NAME   READY   STATUS    RESTARTS   AGE',
        'web    1/1     Running   0          60s',
      ]);
    },
  );

  it.each([['-A'], ['--all-namespaces']])('%s: a NAMESPACE column first', async (flag) => {
    const r = await cli('get', 'pods', 'webs.yaml', '--at', '60s', flag);
    expect(r.code).toBe(0);
    const [header, a, b, ...rest] = lines(r.stdout);
    expect(rest).toEqual([]);
    expect(header).toMatch(/^NAMESPACE {3}NAME {3}READY {3}STATUS +RESTARTS +AGE$/);
    expect(a).toMatch(/^team-a {6}web {4}1\/1 {5}Running +0 +60s$/);
    expect(b).toMatch(/^team-b {6}web {4}0\/1 {5}(CrashLoopBackOff|Error) +[1-9]/);
  });

  it('NAME with -n finds that namespace’s pod; with the wrong one it is NotFound', async () => {
    const a = await cli('get', 'pods', 'web', 'webs.yaml', '--at', '60s', '-n', 'team-b');
    expect(lines(a.stdout)[1]).toMatch(/^web {4}0\/1 /);
    expect(await cli('get', 'pods', 'web', 'webs.yaml', '--at', '60s')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error from server (NotFound): pods "web" not found\n',
    });
  });

  it.each([
    ['describe', 'pod', 'team-a/web'],
    ['logs', 'team-a/web'],
    ['get', 'pods', 'team-a/web', '-o', 'yaml'],
  ])('a NAMESPACE/NAME given as the name is not a pod name: %s %s %s', async (...argv) => {
    const at = argv.indexOf('-o');
    const args =
      at < 0 ? [...argv, 'webs.yaml'] : [...argv.slice(0, at), 'webs.yaml', ...argv.slice(at)];
    const r = await cli(...args);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toContain('Error from server (NotFound): pods "team-a/web" not found');
  });

  it('NAME with -A is refused as kubectl refuses it', async () => {
    expect(await cli('get', 'pods', 'web', 'webs.yaml', '-A')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: a resource cannot be retrieved by name across all namespaces\n',
    });
  });

  it('-o yaml -n lists that namespace’s pods', async () => {
    const r = await cli('get', 'pods', 'webs.yaml', '--at', '60s', '-n', 'team-a', '-o', 'yaml');
    expect(r.stdout.match(/^ {4}namespace: (\S+)$/gm)).toEqual(['    namespace: team-a']);
  });
});

describe('describe, logs, endpoints, run', () => {
  it('describe pod NAME -n', async () => {
    const a = await cli('describe', 'pod', 'web', 'webs.yaml', '--at', '60s', '-n', 'team-a');
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^Namespace:\s+team-a$/m);
    expect(a.stdout).not.toContain('BackOff');
    const b = await cli('describe', 'pod', 'web', 'webs.yaml', '--at', '60s', '-n', 'team-b');
    expect(b.stdout).toMatch(/^Namespace:\s+team-b$/m);
    expect(b.stdout).toContain('Back-off restarting failed container app');
    const none = await cli('describe', 'pod', 'web', 'webs.yaml');
    expect(none).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('pods "web" not found'),
    });
  });

  it('logs POD -n', async () => {
    const r = await cli('logs', 'web', 'webs.yaml', '--at', '60s', '-n', 'team-b');
    expect(r).toEqual({ code: 0, stdout: 'boom\n', stderr: '' });
  });

  it('get endpointslices / endpoints -n and -A', async () => {
    const none = await cli('get', 'endpoints', 'webs.yaml', '--at', '60s', '-n', 'team-b');
    expect(none.stdout).toBe('No resources found in team-b namespace.\n');
    const a = await cli('get', 'endpoints', 'webs.yaml', '--at', '60s', '-n', 'team-a');
    expect(lines(a.stdout)).toEqual(['NAME   ENDPOINTS       AGE', 'web    10.244.1.2:80   60s']);
    const all = await cli('get', 'endpointslices', 'webs.yaml', '--at', '60s', '-A');
    expect(lines(all.stdout)[0]).toMatch(/^NAMESPACE {3}NAME {2,}ADDRESSTYPE/);
    expect(lines(all.stdout)[1]).toMatch(/^team-a {6}web-\w{5} +IPv4 +80 +10\.244\.1\.2 +60s$/);
    const wide = await cli('get', 'endpointslices', 'webs.yaml', '--at', '60s', '-A', '-o', 'wide');
    expect(lines(wide.stdout).slice(3)).toEqual([
      expect.stringMatching(/^NAMESPACE {3}SLICE {7}POD {3}ADDRESS {6}READY {3}SERVING/),
      expect.stringMatching(/^team-a {6}web-\w{5} {3}web {3}10\.244\.1\.2 {3}true {4}true/),
    ]);
  });

  it('run shows every pod; with pods outside default, a NAMESPACE column', async () => {
    const r = await cli('run', 'webs.yaml');
    const [header, ...rows] = lines(r.stdout);
    expect(header).toMatch(/^ +T {2}NAMESPACE {3}NAME {3}READY/);
    expect(rows.some((l) => /team-a {6}web {4}1\/1 +Running/.test(l))).toBe(true);
    expect(rows.some((l) => /team-b {6}web {4}0\/1 +CrashLoopBackOff/.test(l))).toBe(true);
    const onlyA = await cli('run', 'webs.yaml', '-n', 'team-a');
    expect(lines(onlyA.stdout)[0]).toMatch(/^ +T {2}NAME {3}READY/);
    expect(lines(onlyA.stdout).length).toBe(4);
  });
});
