// Preloaded (--import) into a measured node: writes its peak resident memory (maxRSS, in KiB:
// every thread of the process) to $HAKUSHO_PEAK_FILE as it exits. See scripts/bench/bomb.ts.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.HAKUSHO_PEAK_FILE) writeFileSync(process.env.HAKUSHO_PEAK_FILE, String(process.resourceUsage().maxRSS));
});
