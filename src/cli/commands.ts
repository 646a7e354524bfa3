// Every command, in the order `hakusho --help` lists them.
import type { Command } from './command.ts';
import { diff } from './diff.ts';
import { exportCommand } from './export.ts';
import { query } from './query.ts';
import { report } from './report.ts';
import { run } from './run.ts';
import { searchCommand } from './search.ts';

export const COMMANDS: Command[] = [run, diff, query, searchCommand, report, exportCommand];
