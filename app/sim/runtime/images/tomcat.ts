/**
 * tomcat: `catalina.sh run` starts the JVM, which deploys every WAR in $CATALINA_BASE/webapps and
 * listens on 8080 after ~4 s ("Server startup in N ms"). A WAR copied in later is picked up by
 * autoDeploy on the host's 10 s background check. Java exits 143 on SIGTERM (shutdown hooks run).
 *
 * The seed (a geektime tutorial) runs `/root/apache-tomcat-7.0.42-v2/bin/start.sh` with webapps
 * mounted at /root/apache-tomcat-7.0.42/webapps: that image's start.sh is modelled as starting
 * Tomcat with CATALINA_BASE=/root/apache-tomcat-7.0.42, so the mounted WARs are what it serves.
 */
import type { Gen } from '../process/effects.ts';
import type { ProgCtx, Program } from '../process/types.ts';
import type { ImageFamily } from './types.ts';
import { bind, installHandler, simDate } from './server.ts';
import { baseDirs, debianFiles } from './userland.ts';

const STARTUP_MS = 4_000;
const SCAN_MS = 10_000;

function notFound(path: string): string {
  return `<!doctype html><html lang="en"><head><title>HTTP Status 404 – Not Found</title></head><body><h1>HTTP Status 404 – Not Found</h1><hr class="line" /><p><b>Type</b> Status Report</p><p><b>Message</b> ${path}</p><p><b>Description</b> The origin server did not find a current representation for the target resource or is not willing to disclose that one exists.</p><hr class="line" /><h3>Apache Tomcat</h3></body></html>`;
}

function* catalina(ctx: ProgCtx, base: string): Gen {
  const log = (s: string) => {
    const d = simDate(ctx.sys.now());
    ctx.io.err(
      `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 23)} INFO [main] ${s}\n`,
    );
  };
  let stopping = false;
  installHandler(ctx, { SIGTERM: { exit: 143 }, SIGINT: { exit: 130 } });
  ctx.sys.setMemory(ctx.self.pid, 90 * 1024 * 1024);
  log(`org.apache.catalina.startup.VersionLoggerListener.log Server version name:   Apache Tomcat`);
  log(`org.apache.catalina.startup.VersionLoggerListener.log CATALINA_BASE:         ${base}`);
  log('org.apache.coyote.AbstractProtocol.init Initializing ProtocolHandler ["http-nio-8080"]');
  const stop = (sig: string | undefined): number | undefined => {
    if (!sig) return undefined;
    stopping = true;
    log('org.apache.coyote.AbstractProtocol.pause Pausing ProtocolHandler ["http-nio-8080"]');
    log('org.apache.catalina.core.StandardService.stopInternal Stopping service [Catalina]');
    ctx.sys.unlisten(ctx.self.pid);
    return sig === 'SIGINT' ? 130 : 143;
  };
  const r0 = yield { t: 'sleep', ms: STARTUP_MS };
  const early = stop(r0?.signal);
  if (early !== undefined) return early;
  const deployed = new Set<string>();
  const scan = () => {
    const l = ctx.sys.fs.list(`${base}/webapps`);
    for (const name of l.ok ? l.value : []) {
      const app = name.replace(/\.war$/, '');
      if (!deployed.has(app)) {
        deployed.add(app);
        log(
          `org.apache.catalina.startup.HostConfig.${name.endsWith('.war') ? 'deployWAR Deploying web application archive' : 'deployDirectory Deploying web application directory'} [${base}/webapps/${name}]`,
        );
      }
    }
  };
  scan();
  const ok = bind(ctx, 8080, {
    http: (req) => {
      const path = req.path.split('?')[0] ?? '/';
      const seg = path.split('/')[1] ?? '';
      const app = seg === '' ? 'ROOT' : seg;
      if (stopping || !deployed.has(app)) return { ok: true, status: 404, body: notFound(path) };
      if (app !== 'ROOT' && path === `/${app}`)
        return { ok: true, status: 302, body: '', location: `/${app}/` };
      return {
        ok: true,
        status: 200,
        body: `<html><head><title>${app === 'ROOT' ? 'Apache Tomcat' : 'Sample "Hello, World" Application'}</title></head><body><h1>${app === 'ROOT' ? "If you're seeing this, you've successfully installed Tomcat. Congratulations!" : 'Sample "Hello, World" Application'}</h1></body></html>\n`,
      };
    },
  });
  if (!ok) {
    ctx.io.err(
      'SEVERE: Failed to initialize end point associated with ProtocolHandler ["http-bio-8080"]\njava.net.BindException: Address already in use (Bind failed) <null>:8080\n',
    );
    return 1;
  }
  log('org.apache.coyote.AbstractProtocol.start Starting ProtocolHandler ["http-nio-8080"]');
  log(
    `org.apache.catalina.startup.Catalina.start Server startup in [${STARTUP_MS - 123}] milliseconds`,
  );
  for (;;) {
    const r = yield { t: 'sleep', ms: SCAN_MS };
    const code = stop(r?.signal);
    if (code !== undefined) return code;
    scan();
  }
}

const catalinaSh: Program = (ctx) => {
  if (ctx.argv[1] !== 'run' && ctx.argv[1] !== 'start') {
    ctx.io.out('Usage: catalina.sh ( commands ... )\n');
    return catalina(ctx, '/usr/local/tomcat');
  }
  return catalina(ctx, ctx.env.get('CATALINA_BASE') ?? '/usr/local/tomcat');
};

const seedStartSh: Program = (ctx) => catalina(ctx, '/root/apache-tomcat-7.0.42');

export const tomcat: ImageFamily = {
  repositories: ['docker.io/library/tomcat'],
  hasTag: (tag) =>
    tag === 'latest' || /^(7|8|8\.5|9|10|10\.1|11)(\.\d+){0,2}(-jdk\d+.*|-jre\d+.*)?$/.test(tag),
  config: () => ({
    entrypoint: [],
    cmd: ['catalina.sh', 'run'],
    env: {
      PATH: '/usr/local/tomcat/bin:/usr/local/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      CATALINA_HOME: '/usr/local/tomcat',
    },
    workingDir: '/usr/local/tomcat',
  }),
  files: (tag) => ({
    ...baseDirs(),
    ...debianFiles(['curl']),
    '/usr/local/tomcat/bin/catalina.sh': { program: 'catalina' },
    '/usr/local/tomcat/webapps/': '',
    ...(tag.startsWith('7') || tag.startsWith('8.0')
      ? { '/usr/local/tomcat/webapps/ROOT/index.jsp': '<%-- Tomcat ROOT --%>\n' }
      : {}),
    '/root/apache-tomcat-7.0.42-v2/bin/start.sh': { program: 'tomcat-seed-start' },
    '/root/apache-tomcat-7.0.42/webapps/': '',
  }),
  userland: () => ({ gnu: true, oldNslookup: false, dash: true }),
  sizeBytes: 190_000_000,
  pullMs: 15_000,
  presentOnNode: false,
  programs: { catalina: catalinaSh, 'tomcat-seed-start': seedStartSh },
};
