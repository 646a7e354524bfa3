// Headless Chromium for the report test: a screenshot and the rendered DOM of a local file.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

export const CHROMIUM = '/usr/bin/chromium';

export const haveChromium = () => existsSync(CHROMIUM);

const run = promisify(execFile);

/** Flags that keep Chromium off the network and out of the user's profile. */
function flags(profile: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    `--user-data-dir=${profile}`,
  ];
}

async function withProfile<T>(fn: (profile: string) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'hakusho-chromium-'));
  try {
    return await fn(profile);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export function screenshot(file: string, png: string, size = '1280,2000'): Promise<void> {
  return withProfile(async (profile) => {
    await run(CHROMIUM, [...flags(profile), `--screenshot=${png}`, `--window-size=${size}`, pathToFileURL(file).href], { timeout: 60_000 });
  });
}

export function dumpDom(file: string): Promise<string> {
  return withProfile(async (profile) => {
    const { stdout } = await run(CHROMIUM, [...flags(profile), '--dump-dom', pathToFileURL(file).href], {
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  });
}

/** Prints a local page to PDF as a user's "Save as PDF" would: the page's own @page size, no browser header or footer. */
export function printToPdf(file: string, pdf: string): Promise<void> {
  return withProfile(async (profile) => {
    await run(CHROMIUM, [...flags(profile), `--print-to-pdf=${pdf}`, '--no-pdf-header-footer', pathToFileURL(file).href], { timeout: 120_000 });
  });
}
