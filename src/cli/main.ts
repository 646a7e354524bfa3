// The `hakusho` command line: dispatch to one module per command.
import { InputError } from '../diagnostics.ts';
import { MissingPathError } from '../ingest/walk.ts';
import { EXIT, HelpRequested, UsageError, type Command, type IO } from './command.ts';
import { COMMANDS } from './commands.ts';
import { unexpected } from './errors.ts';

export const mainHelp = () => `Usage: hakusho <command> [options]

Japanese ISO/IEC 27017 cloud-security whitepapers into a SQLite database.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join('\n')}

Run \`hakusho <command> --help\` for the options of each.
`;

const defaultIO: IO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

export async function main(argv: string[], io: IO = defaultIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version') {
    io.stdout('hakusho 0.1.0\n');
    return EXIT.ok;
  }
  const command: Command | undefined = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`hakusho: unknown command "${name}"; commands are ${COMMANDS.map((c) => c.name).join(', ')} (see \`hakusho --help\`)\n`);
    return EXIT.usage;
  }
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
