import { ChildProcess, spawn } from 'node:child_process';
import { cloneDatabase } from './support/app';

const ENTRY = ['-r', 'ts-node/register/transpile-only', 'src/main.ts'];

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  stdout: string;
  ms: number;
}

function run(env: Record<string, string>, onStdout?: (child: ChildProcess, out: string) => void) {
  const started = Date.now();
  const child = spawn(process.execPath, ENTRY, {
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'log', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    onStdout?.(child, stdout);
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // Never leave a server behind if an assertion fails first.
  setTimeout(() => child.kill('SIGKILL'), 45_000).unref();
  return new Promise<Exit>((resolve) =>
    child.on('exit', (code, signal) =>
      resolve({ code, signal, stderr, stdout, ms: Date.now() - started }),
    ),
  );
}

describe('process start (e2e, spawns src/main.ts)', () => {
  it('exits non-zero quickly, naming the URL, when PostgreSQL is unreachable', async () => {
    const exit = await run({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/ticketshow_test_x' });
    expect(exit.code).toBe(1);
    expect(exit.ms).toBeLessThan(30_000);
    expect(exit.stderr).toContain('Cannot prepare PostgreSQL at postgres://postgres@127.0.0.1:1/');
    expect(exit.stderr).toContain('Check DATABASE_URL');
    expect(exit.stderr).not.toMatch(/^\s+at /m);
  });

  it('exits non-zero quickly, naming the URL, when Redis is unreachable', async () => {
    await cloneDatabase();
    const exit = await run({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain('Cannot reach Redis at redis://127.0.0.1:1');
    expect(exit.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses invalid configuration, naming the variable', async () => {
    const exit = await run({ PORT: 'eighty', SCHEDULE_TIMEZONE: 'Mars/Base' });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain('PORT:');
    expect(exit.stderr).toContain('SCHEDULE_TIMEZONE: not an IANA time zone');
  });

  it('serves, then shuts down on SIGTERM', async () => {
    await cloneDatabase();
    let port = 0;
    const exit = await run({ PORT: '0', HOST: '127.0.0.1' }, (child, out) => {
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match && port === 0) {
        port = Number(match[1]);
        void fetch(`http://127.0.0.1:${port}/health/ready`).then((res) => {
          expect(res.status).toBe(200);
          child.kill('SIGTERM');
        });
      }
    });
    expect(port).toBeGreaterThan(0);
    // HTTP drained, modules closed, then a clean exit.
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.stderr).not.toContain('Shutdown took longer');
  });
});
