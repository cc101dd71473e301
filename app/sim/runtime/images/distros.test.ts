import { describe, expect, it } from 'vitest';
import { createHarness, podOf } from '../testing.ts';
import { inspectImage } from './index.ts';

describe('common base and language images', () => {
  it('ubuntu/debian run shell commands with bash and GNU tools', () => {
    expect(inspectImage('ubuntu:22.04').found).toBe(true);
    const h = createHarness(
      podOf({
        containers: [
          {
            name: 'c',
            image: 'debian:bookworm-slim',
            command: ['bash', '-c', 'echo hi from $0; sleep 5'],
          },
        ],
      }),
    );
    const s = h.start('c');
    h.scheduler.runUntil(6_000);
    expect(s.logs).toEqual(['hi from bash']);
    expect(s.exits[0]).toEqual({ code: 0, reason: 'Completed', t: 5_000 });
  });

  it('httpd serves "It works!" on 80', () => {
    const h = createHarness(podOf({ containers: [{ name: 'web', image: 'httpd:2.4' }] }));
    h.start('web');
    expect(h.sandbox.httpGet({ host: '', port: 80, path: '/' })).toMatchObject({
      status: 200,
      body: '<html><body><h1>It works!</h1></body></html>\n',
    });
    expect(h.sandbox.httpGet({ host: '', port: 80, path: '/x' })).toMatchObject({ status: 404 });
  });

  it('python -m http.server lists and serves the working directory; other Python is a diagnostic', () => {
    const h = createHarness(
      podOf({
        containers: [
          {
            name: 'py',
            image: 'python:3.12-slim',
            workingDir: '/srv',
            command: ['sh', '-c', 'echo hello > /srv/a.txt; exec python -m http.server 8000'],
          },
          { name: 'code', image: 'python:3.12', command: ['python', '-c', 'print(1)'] },
        ],
      }),
    );
    h.start('py');
    expect(h.sandbox.httpGet({ host: '', port: 8000, path: '/a.txt' })).toMatchObject({
      status: 200,
      body: 'hello\n',
    });
    expect(h.sandbox.httpGet({ host: '', port: 8000, path: '/' })).toMatchObject({
      status: 200,
      body: expect.stringContaining('<a href="a.txt">a.txt</a>'),
    });
    const c = h.start('code');
    h.scheduler.runUntil(1);
    expect(c.exits[0]?.code).toBe(0);
    expect(h.diagnostics.map((d) => d.message).join()).toContain('Podlab does not run Python code');
  });

  it('curlimages/curl runs curl as its entrypoint', () => {
    const h = createHarness(
      podOf({
        containers: [
          { name: 'c', image: 'curlimages/curl:8.10.1', args: ['-s', 'http://backend/'] },
        ],
      }),
    );
    h.network.dns.set('backend', ['10.96.0.9']);
    h.network.http.set('10.96.0.9:80', () => ({ ok: true, status: 200, body: 'ok\n' }));
    const s = h.start('c');
    h.scheduler.runUntil(1);
    expect(s.logs).toEqual(['ok']);
    expect(s.exits[0]?.code).toBe(0);
  });
});
