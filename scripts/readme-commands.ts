// Writes every command's --help text into README.md between the commands markers, so the
// documentation is the help (test/cli/help.test.ts fails when they drift: run `npm run docs`).
import { readFileSync, writeFileSync } from 'node:fs';
import { mainHelp } from '../src/cli/main.ts';
import { COMMANDS } from '../src/cli/commands.ts';

const START = '<!-- commands:start -->';
const END = '<!-- commands:end -->';

export async function commandsSection(): Promise<string> {
  const blocks = ['```\n$ hakusho --help\n' + mainHelp() + '```'];
  for (const c of COMMANDS) blocks.push(`### hakusho ${c.name}\n\n\`\`\`\n$ hakusho ${c.name} --help\n${(await c.load()).help}\`\`\``);
  return `${START}\n${blocks.join('\n\n')}\n${END}`;
}

export async function renderReadme(readme: string): Promise<string> {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a === -1 || b === -1) throw new Error(`README.md has no ${START} … ${END} markers`);
  return readme.slice(0, a) + (await commandsSection()) + readme.slice(b + END.length);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = readFileSync('README.md', 'utf8');
  writeFileSync('README.md', await renderReadme(readme));
  console.log('README.md: commands section written from --help');
}
