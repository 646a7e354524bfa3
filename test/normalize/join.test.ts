import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { joinLines } from '../../src/normalize/join.ts';

const cases = JSON.parse(readFileSync(new URL('../fixtures/join/cases.json', import.meta.url), 'utf8')) as {
  case: string;
  lines: string[];
  expected: string;
}[];

describe('joinLines', () => {
  it.each(cases)('$case', ({ lines, expected }) => {
    expect(joinLines(lines)).toBe(expected);
  });
});
