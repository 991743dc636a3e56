import { ChildProcess, spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as ts from 'typescript';

/**
 * Real app processes for e2e tests (scale-out, startup): spawns `src/main.ts` or
 * `src/worker.ts` through ts-node, waits for the line that says it is ready, stops it with a
 * signal and a bounded wait. Every child is SIGKILLed when the test process exits or when its
 * safety timer fires, so a failed test never leaves a server behind.
 */

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface AppProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves when the process has exited (whatever the reason). */
  readonly exited: Promise<Exit>;
  /** The last OUTPUT_LIMIT characters of stdout and stderr, for failure messages. */
  output(): string;
}

export interface SpawnOptions {
  /** `main` (role from APP_ROLE) or `worker` (src/worker.ts forces the worker role). */
  entry: 'main' | 'worker';
  /** A directory from `transpileApp()`; without it the child compiles src/ itself (ts-node). */
  build?: string;
  /** Overrides on top of this test process's environment (DATABASE_URL, REDIS_PREFIX, …). */
  env?: Record<string, string>;
  /** SIGKILL after this long whatever happens (default 120 s). */
  killAfterMs?: number;
}

const OUTPUT_LIMIT = 20_000;
const live = new Set<ChildProcess>();

process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * Transpiles src/ and migrations/ once (as `ts-node --transpile-only` would, per file, with
 * tsconfig.json's options) into a temporary directory that links back to node_modules,
 * templates/ and package.json. Each ts-node child would otherwise spend ~5 s of CPU compiling
 * the same files; on a 2-core machine that is most of a three-process start. Delete the
 * directory when done (`rmSync(dir, { recursive: true })` removes the links, not their targets).
 */
export function transpileApp(root = process.cwd()): string {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`Cannot read ${root}/tsconfig.json`);
  const compilerOptions: ts.CompilerOptions = {
    ...parsed.options,
    incremental: false,
    tsBuildInfoFile: undefined,
    sourceMap: false,
    inlineSourceMap: true,
    noEmit: false,
  };
  const out = mkdtempSync(join(tmpdir(), 'ticketshow-build-'));
  for (const folder of ['src', 'migrations']) {
    for (const file of readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.endsWith('.spec.ts') || file.endsWith('.d.ts')) continue;
      const fileName = join(root, folder, file);
      const { outputText } = ts.transpileModule(readFileSync(fileName, 'utf8'), {
        compilerOptions,
        fileName,
      });
      const target = join(out, folder, file.replace(/\.ts$/, '.js'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, outputText);
    }
  }
  for (const shared of ['node_modules', 'templates', 'package.json']) {
    symlinkSync(join(root, shared), join(out, shared));
  }
  return out;
}

/** Starts `src/<entry>` in a new Node process. */
export function spawnApp(name: string, options: SpawnOptions): AppProcess {
  const args = options.build
    ? [join(options.build, 'src', `${options.entry}.js`)]
    : ['-r', 'ts-node/register/transpile-only', `src/${options.entry}.ts`];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let output = '';
  const append = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
    if (process.env.APP_PROCESS_ECHO) process.stderr.write(`[${name}] ${chunk.toString()}`);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const safety = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 120_000);
  safety.unref();
  const exited = new Promise<Exit>((resolve) => {
    // 'close', not 'exit': by then stdout and stderr are drained, so output() is complete.
    child.once('close', (code, signal) => {
      clearTimeout(safety);
      live.delete(child);
      resolve({ code, signal });
    });
  });
  return { name, child, exited, output: () => output };
}

/**
 * Resolves with the first match of `pattern` in the process's stdout; rejects (with the output
 * so far) if the process exits first or nothing matches within `timeoutMs`.
 */
export function waitForOutput(
  app: AppProcess,
  pattern: RegExp,
  timeoutMs = 45_000,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const done = (err?: Error, match?: RegExpExecArray): void => {
      clearTimeout(timer);
      app.child.stdout?.off('data', onData);
      app.child.off('close', onExit);
      if (match) resolve(match);
      else reject(err ?? new Error('unreachable'));
    };
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) done(undefined, match);
    };
    const onExit = (code: number | null, signal: string | null): void =>
      done(
        new Error(
          `${app.name} exited (${signal ?? code}) before printing ${pattern}:\n${app.output()}`,
        ),
      );
    const timer = setTimeout(
      () =>
        done(
          new Error(`${app.name} did not print ${pattern} in ${timeoutMs} ms:\n${app.output()}`),
        ),
      timeoutMs,
    );
    app.child.stdout?.on('data', onData);
    app.child.once('close', onExit);
  });
}

/** Waits for "listening on http://host:port" (needs LOG_LEVEL log or lower) and returns the URL. */
export async function waitForListening(app: AppProcess, timeoutMs?: number): Promise<string> {
  const match = await waitForOutput(app, /listening on (https?:\/\/[^\s"]+:\d+)/, timeoutMs);
  return match[1];
}

/** Sends `signal`; after `timeoutMs` without an exit, SIGKILLs. Resolves with how it ended. */
export async function stopApp(
  app: AppProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  timeoutMs = 15_000,
): Promise<Exit> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return app.exited;
  app.child.kill(signal);
  const timer = setTimeout(() => app.child.kill('SIGKILL'), timeoutMs);
  try {
    return await app.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** Stops every given process (in parallel); never throws. */
export async function stopAll(apps: (AppProcess | undefined)[]): Promise<void> {
  const running = apps.filter((app): app is AppProcess => app !== undefined);
  await Promise.all(running.map((app) => stopApp(app).catch(() => undefined)));
}
