import { describe, expect, it } from 'vitest';
import { createHarness, podOf } from '../testing.ts';

function box(image = 'busybox') {
  const h = createHarness(
    podOf(
      {
        containers: [
          {
            name: 'c',
            image,
            command: ['sleep', 'infinity'],
            env: [{ name: 'GREETING', value: 'hi' }],
          },
        ],
      },
      { name: 'box', namespace: 'default' },
    ),
  );
  const s = h.start('c');
  const sh = (script: string) => h.exec(s.container, ['sh', '-c', script]);
  return { h, s, sh };
}

describe('text utilities', () => {
  const { sh } = box();

  it.each([
    ['echo -n a; echo b', 'ab\n'],
    ["echo -e 'x\\ty'", 'x\ty\n'],
    ["echo 'no\\nescape'", 'no\\nescape\n'],
    ["printf '%s=%05d|%-3s|%x\\n' a 42 b 255", 'a=00042|b  |ff\n'],
    ["printf '%s\\n' one two", 'one\ntwo\n'],
    ["printf 'a\\nb\\nc\\n' | grep -n b", '2:b\n'],
    ["printf 'A\\nb\\n' | grep -ic a", '1\n'],
    ["printf 'ab\\ncd\\n' | grep -E 'a|c'", 'ab\ncd\n'],
    ["printf 'x\\n' | grep -q y; echo $?", '1\n'],
    ["printf '1\\n2\\n3\\n4\\n' | head -n 2", '1\n2\n'],
    ["printf '1\\n2\\n3\\n4\\n' | tail -1", '4\n'],
    ["printf 'a b\\nc\\n' | wc -w", '3\n'],
    ["echo hello world | sed 's/o/0/g'", 'hell0 w0rld\n'],
    ["echo key=value | sed -e 's/\\(.*\\)=\\(.*\\)/\\2 \\1/'", 'value key\n'],
    ['seq 3', '1\n2\n3\n'],
    ['seq 2 2 6', '2\n4\n6\n'],
    ['expr 6 \\* 7', '42\n'],
    ['expr 5 - 5; echo $?', '0\n1\n'],
    ['basename /a/b/c.txt .txt; dirname /a/b/c.txt', 'c\n/a/b\n'],
    ['echo hi | tee /tmp/t >/dev/null; cat /tmp/t', 'hi\n'],
    ['env | grep GREETING', 'GREETING=hi\n'],
    ['id; whoami; hostname; pwd', 'uid=0(root) gid=0(root) groups=0(root)\nroot\nbox\n/\n'],
    ['date +%Y-%m-%dT%H:%M:%S', '2026-01-01T00:00:00\n'],
    ['date', 'Thu Jan  1 00:00:00 UTC 2026\n'],
    ['X=$(echo 5); test $X -gt 3 && echo big', 'big\n'],
    ['[ -z "" ] && [ -n x ] && [ a != b ] && echo ok', 'ok\n'],
    ['[ 1 -eq 1 -a 2 -eq 3 ] || echo and-false', 'and-false\n'],
    ['[ 1 -eq', 'sh: missing ]\n'],
  ])('%s', (script, out) => {
    expect(sh(script).output).toBe(out);
  });
});

describe('file utilities', () => {
  it.each([
    ['mkdir /a && mkdir /a', "mkdir: can't create directory '/a': File exists\n", 1],
    ['mkdir -p /x/y/z && ls /x/y', 'z\n', 0],
    ['rm /nope', "rm: can't remove '/nope': No such file or directory\n", 1],
    ['rm -f /nope', '', 0],
    ['mkdir -p /d/e; rm /d', "rm: can't remove '/d': Is a directory\n", 1],
    ['mkdir -p /d/e; rm -rf /d; ls /d', 'ls: /d: No such file or directory\n', 1],
    ['echo a > /f; cp /f /g; mv /g /h; cat /h; ls /g', 'a\nls: /g: No such file or directory\n', 1],
    ['mkdir /src; echo 1 > /src/x; cp /src /dst', "cp: omitting directory '/src'\n", 1],
    ['mkdir /src; echo 1 > /src/x; cp -r /src /dst; cat /dst/x', '1\n', 0],
    ['touch /tmp/a /tmp/b; ls /tmp', 'a\nb\n', 0],
    [
      'ls -l /etc/hostname',
      '-rw-r--r--    1 root     root            4 Jan  1 00:00 /etc/hostname\n',
      0,
    ],
    ['cat /nope', "cat: can't open '/nope': No such file or directory\n", 1],
    ['cd /etc && pwd && cat hostname', '/etc\nbox\n', 0],
  ])('%s', (script, out, code) => {
    const { sh } = box();
    expect(sh(script)).toEqual({ exitCode: code, output: out });
  });

  it('uses GNU wording in Debian images', () => {
    const { sh } = box('nginx');
    expect(sh('cat /nope; rm /nope; ls /nope')).toEqual({
      exitCode: 2,
      output:
        "cat: /nope: No such file or directory\nrm: cannot remove '/nope': No such file or directory\nls: cannot access '/nope': No such file or directory\n",
    });
  });
});

describe('process and network utilities', () => {
  it('nslookup in the new busybox format, NXDOMAIN exits 1', () => {
    const { h, sh } = box();
    h.network.dns.set('db', ['10.96.3.3']);
    expect(sh('nslookup db')).toEqual({
      exitCode: 0,
      output:
        'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tdb.default.svc.cluster.local\nAddress: 10.96.3.3\n\n',
    });
    expect(sh('nslookup nope')).toEqual({
      exitCode: 1,
      output:
        "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find nope: NXDOMAIN\n\n",
    });
  });

  it('wget reports refused connections and saves files', () => {
    const { h, sh } = box();
    expect(sh('wget -q -T 2 http://localhost:8080/')).toEqual({
      exitCode: 1,
      output: "wget: can't connect to remote host (127.0.0.1): Connection refused\n",
    });
    h.network.dns.set('web', ['10.96.1.1']);
    h.network.http.set('10.96.1.1:80', () => ({ ok: true, status: 200, body: 'page' }));
    expect(sh('cd /tmp && wget http://web/x.html && cat x.html')).toEqual({
      exitCode: 0,
      output: "Connecting to web (10.96.1.1:80)\nsaving to 'x.html'\n'x.html' saved\npage",
    });
  });

  it('wget -T waits for a hanging server, then times out', () => {
    const { h, s } = box();
    h.network.dns.set('slow', ['10.96.9.9']);
    h.network.http.set('10.96.9.9:80', () => ({ ok: false, error: 'timeout', timeout: true }));
    let r: { exitCode: number; output: string } | undefined;
    s.container.exec(['wget', '-q', '-T', '3', 'http://slow/'], {}, (x) => (r = x));
    h.scheduler.runUntil(2_999);
    expect(r).toBeUndefined();
    h.scheduler.runUntil(3_000);
    expect(r).toEqual({ exitCode: 1, output: 'wget: download timed out\n' });
  });

  it('nc -l listens; killall by name; ps lists processes', () => {
    const { h, s, sh } = box();
    s.container.exec(['nc', '-l', '-p', '9000'], {}, () => undefined);
    expect(h.sandbox.tcpConnect(9000)).toEqual({ ok: true });
    // `sh -c ps` execs ps in place of the shell (ash's last-command exec), so ps is pid 8;
    // busybox ps prints each process's command line.
    expect(sh('ps').output).toBe(
      'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep infinity\n    7 root      0:00 nc -l -p 9000\n    8 root      0:00 ps\n',
    );
    expect(sh('killall nc; echo $?').output).toBe('0\n');
    h.scheduler.runUntil(1);
    expect(h.sandbox.tcpConnect(9000)).toMatchObject({ ok: false });
    expect(sh('killall nc').output).toBe('killall: nc: no process killed\n');
  });
});

describe('dash (Debian /bin/sh) echo', () => {
  it('interprets escapes and prints -e literally, as dash does', () => {
    const { sh } = box('nginx');
    expect(sh("echo -e 'a\\tb'; echo -n x; echo 'c\\nd'").output).toBe('-e a\tb\nxc\nd\n');
    // /bin/echo is GNU coreutils: no escapes without -e.
    expect(sh("/bin/echo 'c\\nd'").output).toBe('c\\nd\n');
  });
});

describe('timeout', () => {
  it('kills a command that runs too long (busybox: 143, GNU: 124) and passes through otherwise', () => {
    const { h, s } = box();
    let r: { exitCode: number; output: string } | undefined;
    s.container.exec(
      ['sh', '-c', 'timeout 2 sleep 10; echo $?; timeout 5 true; echo $?'],
      {},
      (x) => (r = x),
    );
    h.scheduler.runUntil(1_999);
    expect(r).toBeUndefined();
    h.scheduler.runUntil(2_000);
    expect(r).toEqual({ exitCode: 0, output: '143\n0\n' });
    const deb = box('nginx');
    let g: { exitCode: number; output: string } | undefined;
    deb.s.container.exec(['timeout', '1', 'sleep', '3'], {}, (x) => (g = x));
    deb.h.scheduler.runUntil(1_000);
    expect(g).toEqual({ exitCode: 124, output: '' });
  });
});

describe('more tools', () => {
  const { sh } = box();
  it.each([
    ['echo Hello | tr a-z A-Z', 'HELLO\n'],
    ['echo hello | tr -d l', 'heo\n'],
    ['echo a:b:c | cut -d: -f2,3', 'b:c\n'],
    ["printf 'b\\na\\nb\\n' | sort | uniq -c", '      1 a\n      2 b\n'],
    ["printf '10\\n9\\n' | sort -n", '9\n10\n'],
    ['echo -n admin | base64; echo YWRtaW4= | base64 -d', 'YWRtaW4=\nadmin'],
    [
      'echo YWRt | base64 -d; echo " $?"; echo YW*t | base64 -d; echo $?',
      'adm 0\nbase64: invalid input\n1\n',
    ],
  ])('%s', (script, out) => {
    expect(sh(script).output).toBe(out);
  });

  it('an applet busybox has but Podlab does not simulate is a diagnostic, assumed to exit 0', () => {
    const b = box();
    expect(b.sh('find / -name x; echo $?')).toEqual({ exitCode: 0, output: '0\n' });
    expect(b.h.diagnostics[0]?.message).toBe(
      '`find` exists in this image but Podlab does not simulate it: it assumes `find / -name x` prints nothing and exits 0.',
    );
  });

  it.each([
    ["printf 'a b c\\nd e f\\n' | awk '{print $2}'", 'b\ne\n'],
    ["echo root:x:0 | awk -F: '{print $1, $3}'", 'root 0\n'],
    ["printf 'x\\ny\\n' | awk 'NR==2 {print NR \": \" $0}'", '2: y\n'],
    ["printf 'ok 1\\nno 2\\n' | awk '/^ok/ {print $2, NF}'", '1 2\n'],
  ])('awk: %s', (script, out) => {
    expect(box().sh(script).output).toBe(out);
  });
});
