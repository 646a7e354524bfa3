// Progress on a terminal: files done/total, rate, ETA, current file; plain lines otherwise.
import type { ProgressEvent } from '../batch/run.ts';

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return `${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function createProgress(write: (s: string) => void, isTTY: boolean, columns = process.stderr.columns ?? 100) {
  const started = Date.now();
  let total = 0;
  return {
    start(n: number) {
      total = n;
    },
    update(e: ProgressEvent) {
      if (!isTTY) {
        write(`[${e.done}/${e.total}] ${e.outcome} ${e.path}\n`);
        return;
      }
      const elapsed = (Date.now() - started) / 1000;
      const rate = e.done / Math.max(elapsed, 0.001);
      const eta = (total - e.done) / rate;
      const width = 24;
      const filled = total ? Math.round((e.done / total) * width) : width;
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      const head = `${bar} ${e.done}/${total} ${rate.toFixed(1)} files/s ETA ${duration(eta)} `;
      const room = Math.max(10, columns - head.length - 1);
      const name = e.path.length > room ? `…${e.path.slice(-(room - 1))}` : e.path;
      write(`\r\x1b[2K${head}${name}`);
    },
    end() {
      if (isTTY) write('\r\x1b[2K');
    },
  };
}
