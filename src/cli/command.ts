// What every command module exports, and the small helpers they share.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { fsReason, makeFolder } from '../files.ts';

export interface IO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal: progress bars and colours only then. */
  isTTY: boolean;
}

/** A command's module (see commands.ts for its name and summary). */
export interface Command {
  /** The whole `hakusho <name> --help` text; README.md quotes it verbatim (a test checks). */
  help: string;
  run(argv: string[], io: IO): Promise<number>;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export class UsageError extends Error {}

/** Thrown by parse() on `--help`/`-h`: main prints the command's help and exits 0. */
export class HelpRequested extends Error {}

/** util.parseArgs, with its errors turned into usage errors that name the command, and `--help` handled. */
export function parse<T extends ParseArgsConfig['options']>(command: string, argv: string[], options: T, allowPositionals = true) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.replace(/\. To specify.*$/s, '')}; see \`hakusho ${command} --help\``);
  }
  if ((parsed.values as { help?: boolean }).help) throw new HelpRequested();
  return parsed;
}

export function intOption(command: string, name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min) {
    throw new UsageError(`--${name} must be a whole number of ${min} or more, not "${value}"; see \`hakusho ${command} --help\``);
  }
  return n;
}

/** Writes a command's output file, its folder made first; false, with the reason on stderr, when it cannot. */
export function writeOut(command: string, out: string, text: string, io: IO): boolean {
  try {
    makeFolder(dirname(out));
    writeFileSync(out, text);
    return true;
  } catch (e) {
    io.stderr(`hakusho ${command}: cannot write ${resolve(out)}: ${fsReason(e)}; choose another --out\n`);
    return false;
  }
}
