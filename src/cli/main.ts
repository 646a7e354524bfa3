// The `hakusho` command line: dispatch to one module per command, loaded when it runs.
import { readFileSync } from 'node:fs';
import { closest, distance } from 'fastest-levenshtein';
import { InputError } from '../diagnostics.ts';
import { MissingPathError } from '../ingest/walk.ts';
import { EXIT, HelpRequested, UsageError, type IO } from './command.ts';
import { COMMANDS } from './commands.ts';
import { unexpected } from './errors.ts';

export const mainHelp = () => `Usage: hakusho <command> [options]

Japanese ISO/IEC 27017 cloud-security whitepapers into a SQLite database.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join('\n')}

Run \`hakusho <command> --help\` (or \`hakusho help <command>\`) for the options of
each, \`hakusho --version\` (-V) for the version of hakusho and of its rules.
`;

/** package.json: two folders up from the sources (src/cli/), three from the build (dist/src/cli/). */
const PACKAGE_JSON = new URL(import.meta.url.endsWith('.ts') ? '../../package.json' : '../../../package.json', import.meta.url);

/**
 * `hakusho --version`: the package's version, and the rules version stored with each document
 * (pipelines/version.ts), with what it is made of.
 */
async function versionText(): Promise<string> {
  const { version } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };
  const { describeRules, rulesVersion } = await import('../../pipelines/version.ts');
  return `hakusho ${version}\n${describeRules(rulesVersion())}\n`;
}

const defaultIO: IO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

/** 「serch」→ search: the nearest command name, when it is near enough to be a typo. */
function suggestion(name: string): string {
  const names = COMMANDS.map((c) => c.name);
  const near = closest(name, names);
  return distance(name, near) <= Math.max(1, Math.floor(near.length / 3)) ? ` Did you mean \`hakusho ${near}\`?` : '';
}

function unknownCommand(name: string, io: IO): number {
  io.stderr(`hakusho: unknown command "${name}"; commands are ${COMMANDS.map((c) => c.name).join(', ')} (see \`hakusho --help\`).${suggestion(name)}\n`);
  return EXIT.usage;
}

export async function main(argv: string[], io: IO = defaultIO): Promise<number> {
  const [name, ...rest] = argv;
  // `hakusho help run` is `hakusho run --help`.
  if (name === 'help' && rest[0] !== undefined) {
    const entry = COMMANDS.find((c) => c.name === rest[0]);
    if (!entry) return unknownCommand(rest[0], io);
    io.stdout((await entry.load()).help);
    return EXIT.ok;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(await versionText());
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) return unknownCommand(name, io);
  const command = await entry.load();
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof HelpRequested) {
      io.stdout(command.help);
      return EXIT.ok;
    }
    if (e instanceof UsageError || e instanceof MissingPathError) {
      io.stderr(`hakusho ${name}: ${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof InputError) {
      io.stderr(`hakusho ${name}: ${e.message}\n`);
      return EXIT.failed;
    }
    // Anything else still reaches the user as one line, never as a stack trace.
    io.stderr(`hakusho ${name}: ${unexpected(e)}\n`);
    return EXIT.failed;
  }
}
