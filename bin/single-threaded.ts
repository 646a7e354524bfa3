// `hakusho run`, when it has PDFs to read and its workers fill the machine's cores, runs in a node
// started with --single-threaded: V8's background threads (concurrent compilation, parallel and
// concurrent garbage collection) otherwise compete with the workers for those cores, where pdfjs
// alone has a core for them (`npm run bench` measures both ways; README, "Accuracy and speed").
// Text alone is the other way round, so a batch without PDFs keeps them. V8 reads the flag only
// at process start, so this process, the launcher, starts the run in a child node and stands for
// it: same stdio, same exit status or signal, the signals it gets passed on. The child stops as if
// killed when the launcher is killed (SIGKILL leaves nothing to pass on).
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const FLAG = '--single-threaded';
/** Set in the child's environment: the launcher's pid (the run's lock names it, see src/batch/lock.ts). */
export const LAUNCHER_ENV = 'HAKUSHO_LAUNCHER_PID';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** The options of `hakusho run` that take a value (src/cli/run.ts); the other arguments are paths. */
const VALUE_OPTIONS = ['--db', '--jobs', '--timeout', '--max-memory', '--max-decoded', '--wait'];
const isPdf = (name: string) => /\.pdf$/i.test(name);

/** Whether the path is, or holds, a PDF (a path that cannot be read: no, the run reports it). */
function hasPdf(path: string): boolean {
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOTDIR' && isPdf(path);
  }
  return entries.some((e) => (e.isDirectory() ? hasPdf(join(path, e.name)) : isPdf(e.name)));
}

/** Whether these arguments are a run with PDFs whose workers fill the cores, in a node without the flag. */
export function wantsSingleThreaded(args: readonly string[], execArgv: readonly string[] = process.execArgv): boolean {
  if (args[0] !== 'run' || execArgv.includes(FLAG) || process.platform === 'win32') return false;
  if (args.includes('--help') || args.includes('-h')) return false;
  const paths: string[] = [];
  let jobs = Infinity;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    const [name = arg, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s) : [];
    const value = VALUE_OPTIONS.includes(name) ? (inline ?? args[++i]) : undefined;
    if (name === '--jobs') jobs = Number(value);
    else if (!name.startsWith('-')) paths.push(name);
  }
  // Fewer jobs than cores leave V8's threads a core of their own (NaN: the run reports it).
  return !(jobs < availableParallelism()) && paths.some(hasPdf);
}

/** Runs `script args` in a child node with the flag; resolves to its exit status. */
export async function launch(script: string, args: readonly string[]): Promise<number> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [FLAG, ...process.execArgv.filter((a) => !a.startsWith('--inspect')), script, ...args], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [LAUNCHER_ENV]: String(process.pid) },
  });
  const pass = (signal: NodeJS.Signals) => child.kill(signal);
  for (const s of SIGNALS) process.on(s, pass);
  return new Promise((resolve) => {
    child.on('error', (e) => {
      process.stderr.write(`hakusho: could not start the run: ${e.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      // Killed: end the same way. Otherwise a signal that comes now (the terminal's, while the
      // child was finishing) has nothing left to stop: the launcher exits with the child's status.
      if (!signal) return resolve(code ?? 1);
      for (const s of SIGNALS) process.off(s, pass);
      process.kill(process.pid, signal);
    });
  });
}

/** In the child: when the launcher is gone (killed), stop as it did, at once and without cleanup. */
export function followLauncher(): void {
  if (!process.env[LAUNCHER_ENV] || !process.channel) return;
  process.channel.unref();
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
}
