/**
 * redis (6379) and postgres (5432). Both handle SIGTERM and exit 0 (redis saves and quits; postgres
 * does a smart shutdown). postgres refuses to initialise without POSTGRES_PASSWORD (exit 1).
 */
import type { ProgCtx, Program } from '../process/types.ts';
import { done } from '../process/effects.ts';
import type { ImageFamily } from './types.ts';
import { DEFAULT_PATH } from './types.ts';
import { baseDirs, busyboxFiles, debianFiles } from './userland.ts';
import { bind, serveUntilSignal, simDate } from './server.ts';

const redisServer: Program = function* (ctx) {
  const d = () => {
    const t = simDate(ctx.sys.now());
    return `${ctx.self.pid}:M ${String(t.getUTCDate()).padStart(2, '0')} Jan ${t.getUTCFullYear()} ${t.toISOString().slice(11, 23)}`;
  };
  ctx.io.out(
    `${ctx.self.pid}:C 01 Jan 2025 ${simDate(ctx.sys.now()).toISOString().slice(11, 23)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n`,
  );
  if (!bind(ctx, 6379, {})) {
    ctx.io.out(
      `${d()} # Warning: Could not create server TCP listening socket *:6379: bind: Address already in use\n${d()} # Failed listening on port 6379 (tcp), aborting.\n`,
    );
    return 1;
  }
  ctx.sys.setMemory(ctx.self.pid, 8 * 1024 * 1024);
  ctx.io.out(`${d()} * Server initialized\n${d()} * Ready to accept connections tcp\n`);
  return yield* serveUntilSignal(ctx, {
    SIGTERM: {
      exit: 0,
      log: () => [
        `${d()} # Received SIGTERM scheduling shutdown...`,
        `${d()} # Redis is now ready to exit, bye bye...`,
      ],
    },
    SIGINT: { exit: 0, log: () => [`${d()} # Received SIGINT scheduling shutdown...`] },
  });
};

const redisCli: Program = (ctx) => done(redisCliRun(ctx));

function redisCliRun(ctx: ProgCtx): number {
  const r = ctx.sys.net.tcpConnect('127.0.0.1', 6379);
  if (!r.ok) {
    ctx.io.out('Could not connect to Redis at 127.0.0.1:6379: Connection refused\n');
    return 1;
  }
  ctx.io.out(ctx.argv.slice(1).join(' ').toLowerCase() === 'ping' ? 'PONG\n' : 'OK\n');
  return 0;
}

const PG_NO_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
`;

const postgresEntrypoint: Program = function* (ctx) {
  const initialised = ctx.sys.fs.stat('/var/lib/postgresql/data/PG_VERSION');
  if (
    !initialised &&
    !ctx.env.get('POSTGRES_PASSWORD') &&
    ctx.env.get('POSTGRES_HOST_AUTH_METHOD') !== 'trust'
  ) {
    ctx.io.err(PG_NO_PASSWORD);
    return 1;
  }
  const ts = () =>
    `${simDate(ctx.sys.now()).toISOString().replace('T', ' ').slice(0, 23)} UTC [${ctx.self.pid}]`;
  if (!initialised) {
    ctx.io.out('The files belonging to this database system will be owned by user "postgres".\n');
    yield { t: 'sleep', ms: 2_000 };
    ctx.sys.fs.mkdir('/var/lib/postgresql/data', true);
    ctx.sys.fs.writeFile('/var/lib/postgresql/data/PG_VERSION', '17\n');
    ctx.io.out('PostgreSQL init process complete; ready for start up.\n\n');
  }
  if (!bind(ctx, 5432, {})) {
    ctx.io.err(
      `${ts()} LOG:  could not bind IPv4 address "0.0.0.0": Address already in use\n${ts()} FATAL:  could not create any TCP/IP sockets\n`,
    );
    return 1;
  }
  ctx.sys.setMemory(ctx.self.pid, 30 * 1024 * 1024);
  ctx.io.err(
    `${ts()} LOG:  listening on IPv4 address "0.0.0.0", port 5432\n${ts()} LOG:  database system is ready to accept connections\n`,
  );
  return yield* serveUntilSignal(ctx, {
    SIGTERM: {
      exit: 0,
      log: () => [
        `${ts()} LOG:  received smart shutdown request`,
        `${ts()} LOG:  database system is shut down`,
      ],
    },
    SIGINT: { exit: 0, log: () => [`${ts()} LOG:  received fast shutdown request`] },
    SIGQUIT: { exit: 0, log: () => [`${ts()} LOG:  received immediate shutdown request`] },
  });
};

const pgIsReady: Program = (ctx) => {
  const ok = ctx.sys.net.tcpConnect('127.0.0.1', 5432).ok;
  ctx.io.out(
    ok
      ? '/var/run/postgresql:5432 - accepting connections\n'
      : '/var/run/postgresql:5432 - no response\n',
  );
  return done(ok ? 0 : 2);
};

export const redis: ImageFamily = {
  repositories: ['docker.io/library/redis'],
  hasTag: (tag) =>
    tag === 'latest' || tag === 'alpine' || /^[5-8](\.\d+){0,2}(-alpine|-bookworm)?$/.test(tag),
  config: () => ({
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    env: { PATH: DEFAULT_PATH },
    workingDir: '/data',
  }),
  files: (tag) => ({
    ...baseDirs(),
    ...(tag.includes('alpine') ? busyboxFiles() : debianFiles()),
    '/usr/local/bin/docker-entrypoint.sh': { program: 'exec-args' },
    '/usr/local/bin/redis-server': { program: 'redis-server' },
    '/usr/local/bin/redis-cli': { program: 'redis-cli' },
    '/data/': '',
  }),
  userland: (tag) =>
    tag.includes('alpine')
      ? { gnu: false, oldNslookup: false, dash: false }
      : { gnu: true, oldNslookup: false, dash: true },
  sizeBytes: 117_000_000,
  pullMs: 8_000,
  presentOnNode: false,
  programs: { 'redis-server': redisServer, 'redis-cli': redisCli },
};

export const postgres: ImageFamily = {
  repositories: ['docker.io/library/postgres'],
  hasTag: (tag) =>
    tag === 'latest' || tag === 'alpine' || /^(9\.6|1[0-7])(\.\d+)?(-alpine|-bookworm)?$/.test(tag),
  config: () => ({
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['postgres'],
    env: { PATH: '/usr/lib/postgresql/17/bin:' + DEFAULT_PATH, PGDATA: '/var/lib/postgresql/data' },
    stopSignal: 'SIGINT',
  }),
  files: (tag) => ({
    ...baseDirs(),
    ...(tag.includes('alpine') ? busyboxFiles() : debianFiles()),
    '/usr/local/bin/docker-entrypoint.sh': { program: 'postgres-entrypoint' },
    '/usr/lib/postgresql/17/bin/postgres': { program: 'postgres-entrypoint' },
    '/usr/lib/postgresql/17/bin/pg_isready': { program: 'pg_isready' },
    '/var/lib/postgresql/data/': '',
  }),
  userland: (tag) =>
    tag.includes('alpine')
      ? { gnu: false, oldNslookup: false, dash: false }
      : { gnu: true, oldNslookup: false, dash: true },
  sizeBytes: 158_000_000,
  pullMs: 10_000,
  presentOnNode: false,
  programs: { 'postgres-entrypoint': postgresEntrypoint, pg_isready: pgIsReady },
};
