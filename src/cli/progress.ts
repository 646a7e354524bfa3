// Progress on a terminal: one redrawn line with a bar, files done/total, rate, ETA and the file
// being processed. Not on a terminal (a pipe, a log file, CI): one plain line per finished file,
// `[done/total] outcome path`, with the rule of a failure in brackets.
import type { ProgressEvent } from '../batch/run.ts';
import { displayWidth, truncate, truncateStart } from '../export/table.ts';

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mmss = `${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** Redraws at most this often on a terminal (the last update is always drawn). */
const REDRAW_MS = 100;

export interface ProgressOptions {
  columns?: number;
  now?: () => number;
}

export function createProgress(write: (s: string) => void, isTTY: boolean, options: ProgressOptions = {}) {
  const now = options.now ?? Date.now;
  const columns = () => options.columns ?? (process.stderr.columns || 100); // 0 when the terminal does not say
  const started = now();
  let total = 0;
  let done = 0;
  let lastPath = '';
  let lastDraw = -Infinity;
  let lastCountDraw = -Infinity;
  let drawn = false;
  /** Files handed to the pipeline and not finished yet, oldest first. */
  const active = new Set<string>();
  /** The workers are building their tokenizers from the kuromoji dictionary (a few seconds, once per run). */
  let loadingDictionary = false;

  /** A count change redraws unless counts were drawn within REDRAW_MS; a new current file, unless anything was. */
  const draw = (force: boolean, count: boolean) => {
    const t = now();
    if (!force && t - (count ? lastCountDraw : lastDraw) < REDRAW_MS) return;
    lastDraw = t;
    if (count) lastCountDraw = t;
    const elapsed = Math.max((t - started) / 1000, 0.001);
    const rate = done / elapsed;
    const eta = done === 0 ? Number.NaN : (total - done) / rate;
    const width = 24;
    const filled = total ? Math.min(width, Math.round((done / total) * width)) : 0;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    // Measured in terminal columns (a Japanese file name takes two per character), never wider
    // than the terminal: a line that wraps cannot be redrawn in place.
    const cols = Math.max(20, columns() - 1);
    const head = `${bar} ${done}/${total} ${rate.toFixed(1)} files/s ETA ${duration(eta)} `;
    const label = loadingDictionary && done === 0 ? 'loading the dictionary…' : (active.values().next().value ?? lastPath);
    const line = displayWidth(head) + 12 <= cols ? head + truncateStart(label, cols - displayWidth(head)) : truncate(`${done}/${total} `, cols) + truncateStart(label, Math.max(0, cols - displayWidth(`${done}/${total} `)));
    write(`\r\x1b[2K${line}`);
    drawn = true;
  };

  return {
    start(n: number) {
      total = n;
      if (isTTY) draw(true, true);
    },
    fileStart(path: string) {
      active.add(path);
      if (isTTY) draw(false, false);
    },
    update(e: ProgressEvent) {
      done = e.done;
      total = e.total;
      lastPath = e.path;
      active.delete(e.path);
      if (!isTTY) {
        write(`[${e.done}/${e.total}] ${e.outcome} ${e.path}${e.rule ? ` [${e.rule}]` : ''}\n`);
        return;
      }
      draw(e.done === e.total, true);
    },
    /** The dictionary is being loaded (true) or is ready (false). */
    dictionary(loading: boolean) {
      loadingDictionary = loading;
      if (isTTY) draw(true, false);
    },
    /** Before a message in the middle of the run: the bar line is cleared so the message starts a line. */
    interrupt() {
      if (isTTY && drawn) write('\r\x1b[2K');
    },
    end() {
      if (isTTY && drawn) write('\r\x1b[2K');
    },
  };
}
