import { describe, expect, it } from 'vitest';
import { createHarness, podOf } from '../testing.ts';

/** Run `script` as PID 1 (`sh -c`) in a busybox container until `until` ms. */
function run(script: string, until = 3_600_000, image = 'busybox') {
  const h = createHarness(
    podOf({ containers: [{ name: 'c', image, command: ['sh', '-c', script] }] }),
  );
  const s = h.start('c');
  h.scheduler.runUntil(until);
  return { out: s.logs.join('\n'), logs: s.logs, exit: s.exits[0], h, s };
}

describe('sh: lists, conditionals and loops', () => {
  it('runs ; && || with POSIX short-circuiting', () => {
    expect(run('true && echo a; false && echo b; false || echo c; true || echo d').logs).toEqual([
      'a',
      'c',
    ]);
  });

  it('negates with ! and sets $?', () => {
    expect(run('! false; echo $?; false; echo $?; ! true; echo $?').logs).toEqual(['0', '1', '1']);
  });

  it('takes if/elif/else branches', () => {
    expect(
      run(
        'x=2; if [ $x -eq 1 ]; then echo one; elif [ $x -eq 2 ]; then echo two; else echo other; fi',
      ).logs,
    ).toEqual(['two']);
  });

  it('runs while, until and for loops with break and continue', () => {
    const r = run(
      'i=0; while [ $i -lt 5 ]; do i=$((i+1)); [ $i -eq 2 ] && continue; [ $i -eq 4 ] && break; echo w$i; done; until [ $i -eq 0 ]; do i=$((i-2)); done; echo i=$i; for f in a "b c" d; do echo "f=$f"; done',
    );
    expect(r.logs).toEqual(['w1', 'w3', 'i=0', 'f=a', 'f=b c', 'f=d']);
  });

  it('matches case patterns with | and globs', () => {
    expect(
      run('for x in apple banana kiwi; do case $x in a*) echo A;; b*|k*) echo BK;; esac; done')
        .logs,
    ).toEqual(['A', 'BK', 'BK']);
  });

  it('runs { } in the same shell and ( ) in a subshell', () => {
    expect(run('x=1; { x=2; }; echo $x; (x=3; echo in $x); echo $x').logs).toEqual([
      '2',
      'in 3',
      '2',
    ]);
  });

  it('defines and calls functions with positional parameters and return', () => {
    expect(run('greet() { echo "hi $1 ($#)"; return 3; }; greet bob x; echo $?').logs).toEqual([
      'hi bob (2)',
      '3',
    ]);
  });

  it('pipes output between commands', () => {
    expect(run("printf 'a\\nb\\nc\\n' | grep -v b | wc -l").logs).toEqual(['2']);
  });
});

describe('sh: quoting and expansions', () => {
  it('keeps single quotes literal and expands in double quotes', () => {
    expect(run(`X=world; echo 'hi $X' "hi $X" hi\\ \\$X`).logs).toEqual(['hi $X hi world hi $X']);
  });

  it('splits unquoted expansions into fields but not quoted ones', () => {
    expect(
      run('X="a   b"; for w in $X; do echo "[$w]"; done; for w in "$X"; do echo "[$w]"; done').logs,
    ).toEqual(['[a]', '[b]', '[a   b]']);
  });

  it('supports ${VAR:-x} ${VAR:=x} ${VAR:+x} ${#VAR} and pattern trims', () => {
    const r = run(
      'echo ${U:-def} ${E:=set} $E ${E:+alt} ${#E}; P=/a/b/c.tar.gz; echo ${P##*/} ${P%.*} ${P#/a/}',
    );
    expect(r.logs).toEqual(['def set set alt 3', 'c.tar.gz /a/b/c.tar b/c.tar.gz']);
  });

  it('substitutes commands with $(…) and backquotes, trimming trailing newlines', () => {
    expect(
      run('echo "[$(echo hi)]" `echo there`; x=$(printf "a\\n\\n"); echo "<$x>"').logs,
    ).toEqual(['[hi] there', '<a>']);
  });

  it('evaluates $((…)) arithmetic', () => {
    expect(run('a=7; echo $((a * 2 + 1)) $((a / 2)) $((a % 4)) $(( (1+2)*2 ))').logs).toEqual([
      '15 3 3 6',
    ]);
  });

  it('knows $$ (written $$$$: Kubernetes turns $$ into $) $# $0 and $1 for sh -c', () => {
    const h = createHarness(
      podOf({
        containers: [
          {
            name: 'c',
            image: 'busybox',
            command: ['sh', '-c', 'echo $$$$ $0 $# $1 $2', 'name', 'one', 'two'],
          },
        ],
      }),
    );
    const s = h.start('c');
    expect(s.logs).toEqual(['1 name 2 one two']);
  });

  it('gives a deterministic $RANDOM in 0..32767', () => {
    const a = run('echo $RANDOM $RANDOM').logs;
    expect(a).toEqual(run('echo $RANDOM $RANDOM').logs);
    const [x, y] = a[0]!.split(' ').map(Number);
    expect(x).not.toBe(y);
    expect(x! >= 0 && x! < 32768 && y! >= 0 && y! < 32768).toBe(true);
  });

  it('expands globs against the filesystem', () => {
    expect(
      run('mkdir -p /d; touch /d/b.txt /d/a.txt /d/c.log; echo /d/*.txt; echo /d/*.none').logs,
    ).toEqual(['/d/a.txt /d/b.txt', '/d/*.none']);
  });
});

describe('sh: exit codes', () => {
  it('exits with the status of exit N and of the last command', () => {
    expect(run('exit 3').exit).toEqual({ code: 3, reason: 'Error', t: 0 });
    expect(run('true').exit).toEqual({ code: 0, reason: 'Completed', t: 0 });
    expect(run('false').exit?.code).toBe(1);
  });

  it('reports an unknown command as not found with 127', () => {
    const r = run('nosuchcmd arg; echo $?');
    expect(r.logs).toEqual(['sh: nosuchcmd: not found', '127']);
  });

  it('uses dash wording in Debian images', () => {
    expect(run('killall -0 nginx; echo $?', 1000, 'nginx').logs).toEqual([
      'sh: 1: killall: not found',
      '127',
    ]);
  });

  it('reports a syntax error with exit 2 and a diagnostic at the command field', () => {
    const r = run('if true; then echo x');
    expect(r.exit?.code).toBe(2);
    expect(r.logs).toEqual(['sh: syntax error: unexpected end of file (expecting "fi")']);
    expect(r.h.diagnostics[0]?.field).toEqual({ doc: 0, path: 'spec.containers[0].command' });
  });
});

describe('sh: sleep and simulated time', () => {
  it('advances simulated time to the millisecond, including fractions', () => {
    const r = run('echo a; sleep 1.5; echo b; sleep 0.25; exit 4');
    expect(r.exit).toEqual({ code: 4, reason: 'Error', t: 1750 });
  });

  it('resumes a loop after each sleep', () => {
    const h = createHarness(
      podOf({
        containers: [
          {
            name: 'c',
            image: 'busybox',
            command: ['sh', '-c', 'i=0; while true; do echo tick $i; i=$((i+1)); sleep 5; done'],
          },
        ],
      }),
    );
    const s = h.start('c');
    h.scheduler.runUntil(12_000);
    expect(s.logs).toEqual(['tick 0', 'tick 1', 'tick 2']);
    h.scheduler.runUntil(15_000);
    expect(s.logs).toHaveLength(4);
  });

  it('sleeps forever with sleep infinity', () => {
    const r = run('sleep infinity; echo never', 10_000_000);
    expect(r.exit).toBeUndefined();
    expect(r.logs).toEqual([]);
  });
});

describe('sh: signals and traps', () => {
  it('PID 1 ignores an untrapped SIGTERM; SIGKILL ends it with 137', () => {
    const r = run('sleep 600', 1000);
    r.s.container.signal('SIGTERM');
    r.h.scheduler.runUntil(30_000);
    expect(r.s.exits).toEqual([]);
    r.s.container.signal('SIGKILL');
    r.h.scheduler.runUntil(31_000);
    expect(r.s.exits).toEqual([{ code: 137, reason: 'Error', t: 30_000 }]);
  });

  it('runs a TERM trap after the foreground sleep ends (ash defers it)', () => {
    const r = run("trap 'echo got TERM; exit 0' TERM; echo start; sleep 20; echo after", 5_000);
    r.s.container.signal('SIGTERM');
    r.h.scheduler.runUntil(19_000);
    expect(r.s.exits).toEqual([]);
    r.h.scheduler.runUntil(30_000);
    expect(r.s.logs).toEqual(['start', 'got TERM']);
    expect(r.s.exits).toEqual([{ code: 0, reason: 'Completed', t: 20_000 }]);
  });

  it('interrupts wait at once for a trapped signal (sleep & wait pattern)', () => {
    const r = run("trap 'echo bye; exit 0' TERM; sleep 600 & wait", 5_000);
    r.s.container.signal('SIGTERM');
    r.h.scheduler.runUntil(5_001);
    expect(r.s.logs).toEqual(['bye']);
    expect(r.s.exits).toEqual([{ code: 0, reason: 'Completed', t: 5_000 }]);
  });

  it('without exit in the trap, the script continues; wait returns 128+15', () => {
    const r = run("trap 'echo trapped' TERM; sleep 600 & wait; echo status $?; exit 7", 1_000);
    r.s.container.signal('SIGTERM');
    r.h.scheduler.runUntil(2_000);
    expect(r.s.logs).toEqual(['trapped', 'status 143']);
    expect(r.s.exits[0]?.code).toBe(7);
  });

  it('trap - TERM restores the default, and an EXIT trap runs at the end', () => {
    const r = run("trap 'echo x' TERM; trap - TERM; trap 'echo cleanup' EXIT; echo body");
    expect(r.logs).toEqual(['body', 'cleanup']);
  });

  it('a non-PID-1 shell dies on SIGTERM with 143 (kill from another process)', () => {
    const r = run('sleep 3600', 1_000);
    let result: { exitCode: number; output: string } | undefined;
    r.s.container.exec(['sh', '-c', 'sleep 100; echo done'], {}, (x) => (result = x));
    r.h.exec(r.s.container, ['sh', '-c', 'kill -TERM 7']);
    r.h.scheduler.runUntil(2_000);
    expect(result).toEqual({ exitCode: 143, output: '' });
  });

  it("killing a shell's foreground child lets the shell go on", () => {
    const r = run('sleep 3600', 1_000);
    let result: { exitCode: number; output: string } | undefined;
    r.s.container.exec(['sh', '-c', 'sleep 100; echo child status $?'], {}, (x) => (result = x));
    expect(r.h.exec(r.s.container, ['ps']).output).toContain('    8 root      0:00 sleep');
    r.h.exec(r.s.container, ['kill', '8']);
    r.h.scheduler.runUntil(1_000);
    expect(result).toEqual({ exitCode: 0, output: 'child status 143\n' });
  });

  it('kill -0 checks that a pid exists', () => {
    expect(run('kill -0 1; echo $?; kill -0 999; echo $?').logs).toEqual([
      '0',
      "sh: can't kill pid 999: No such process",
      '1',
    ]);
  });
});

describe('sh: redirections and files', () => {
  it('writes, appends, reads and duplicates file descriptors', () => {
    const r = run(
      'echo one > /tmp/f; echo two >> /tmp/f; cat < /tmp/f; ls /nope 2>&1 | head -1; ls /nope 2>/dev/null; echo $?',
    );
    expect(r.logs).toEqual(['one', 'two', 'ls: /nope: No such file or directory', '1']);
  });

  it('feeds here-documents to stdin, expanding unless the delimiter is quoted', () => {
    const r = run(
      "X=world\ncat <<EOF\nhello $X\n  $(echo sub)\nEOF\ncat <<'EOF' > /tmp/lit\n$X stays\nEOF\ncat /tmp/lit\ncat <<-END\n\ttabs go\n\tEND\necho after",
    );
    expect(r.logs).toEqual(['hello world', '  sub', '$X stays', 'tabs go', 'after']);
  });

  it('reads lines with read from a redirected file', () => {
    expect(
      run('printf \'a 1\\nb 2\\n\' > /tmp/in; while read k v; do echo "$v=$k"; done < /tmp/in')
        .logs,
    ).toEqual(['1=a', '2=b']);
  });

  it('supports [[ -e ]] as busybox ash does', () => {
    expect(
      run(
        '[[ -e /tmp ]] && echo yes; [[ -e /nope || -d /tmp ]] && echo or; [[ abc == a* ]] && echo glob',
      ).logs,
    ).toEqual(['yes', 'or', 'glob']);
  });
});

describe('sh: bounded execution', () => {
  it('stops a loop without sleep, warns at the field, and keeps the process running', () => {
    const r = run('while true; do :; done', 10_000);
    expect(r.exit).toBeUndefined();
    expect(r.h.diagnostics).toHaveLength(1);
    expect(r.h.diagnostics[0]!.message).toContain('busy-looping');
    expect(r.h.diagnostics[0]!.field?.path).toBe('spec.containers[0].command');
    r.s.container.signal('SIGKILL');
    r.h.scheduler.runUntil(10_001);
    expect(r.s.exits[0]?.code).toBe(137);
  });

  it('a busy loop with a TERM trap still exits on SIGTERM', () => {
    const r = run("trap 'exit 0' TERM; while :; do :; done", 1_000);
    r.s.container.signal('SIGTERM');
    r.h.scheduler.runUntil(1_001);
    expect(r.s.exits[0]).toEqual({ code: 0, reason: 'Completed', t: 1_000 });
  });

  it('caps log lines printed at one instant', () => {
    const r = run('while :; do echo spam; done', 100);
    expect(r.logs.length).toBe(2_000);
    expect(r.h.diagnostics.map((d) => d.message).join('\n')).toContain('log lines');
  });
});

describe('sh: PID namespace rules', () => {
  it('kill -9 1 from inside the container does nothing to PID 1 (init ignores unhandled signals)', () => {
    const r = run('sleep 3600', 1_000);
    expect(r.h.exec(r.s.container, ['kill', '-9', '1'])).toEqual({ exitCode: 0, output: '' });
    r.h.scheduler.runUntil(2_000);
    expect(r.s.exits).toEqual([]);
  });

  it('kill -TERM 1 from an exec reaches a trapping PID 1', () => {
    const r = run("trap 'echo bye; exit 0' TERM; sleep 600 & wait", 1_000);
    r.h.exec(r.s.container, ['kill', '-TERM', '1']);
    r.h.scheduler.runUntil(2_000);
    expect(r.s.exits).toEqual([{ code: 0, reason: 'Completed', t: 1_000 }]);
  });
});

describe('sh: options', () => {
  it('set -e exits on the first failing command, but not in conditions or && lists', () => {
    const r = run(
      'set -e; if false; then :; fi; false && echo no; ! true; echo before; false; echo after',
    );
    expect(r.logs).toEqual(['before']);
    expect(r.exit?.code).toBe(1);
  });

  it('sh -e -c and set -x trace commands to stderr', () => {
    const h = createHarness(
      podOf({
        containers: [
          {
            name: 'c',
            image: 'busybox',
            command: ['sh', '-ex', '-c', 'echo a; cat /nope; echo b'],
          },
        ],
      }),
    );
    const s = h.start('c');
    h.scheduler.runUntil(1);
    expect(s.logs).toEqual([
      '+ echo a',
      'a',
      '+ cat /nope',
      "cat: can't open '/nope': No such file or directory",
    ]);
    expect(s.exits[0]?.code).toBe(1);
  });

  it('set -u stops on an unset variable', () => {
    const r = run('set -u; echo ${SET:-default}; echo $NOPE; echo unreachable');
    expect(r.logs).toEqual(['default', 'sh: NOPE: parameter not set']);
    expect(r.exit?.code).toBe(1);
  });
});
