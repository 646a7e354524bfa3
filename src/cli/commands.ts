// Every command, in the order `hakusho --help` lists them.
import type { Command } from './command.ts';
import { run } from './run.ts';

export const COMMANDS: Command[] = [run];
