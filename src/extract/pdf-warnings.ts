// pdfjs reports trouble (a font it could not load, a cross-reference table it had to rebuild)
// only as console warnings. Extraction runs them into a sink instead of the console and keeps
// the ones a user should hear about as diagnostics.
import type { Diagnostic } from '../diagnostics.ts';

type Kind = Omit<Diagnostic, 'path' | 'page'>;

const RULES: [RegExp, (detail: string) => Kind][] = [
  [
    /^Indexing all PDF objects/,
    () => ({
      severity: 'warning',
      rule: 'pdf-repaired',
      reason: 'the PDF is damaged (its cross-reference table is broken) and was rebuilt while reading; some content may be missing',
    }),
  ],
  [
    /loadFont|translateFont|Failed to compile font|is not available|fetchStandardFontData|Invalid cMap data|No cmap table|preferred cmap|CMap/,
    (detail) => ({
      severity: 'warning',
      rule: 'pdf-font',
      reason: `a font could not be fully loaded (${detail}); text drawn with it may be missing or wrong`,
    }),
  ],
  [
    /^getTextContent - ignoring|^Invalid stream|^Empty ".*" stream|FCHECK/,
    (detail) => ({
      severity: 'warning',
      rule: 'pdf-damaged-content',
      reason: `part of the page could not be read (${detail}); its text may be incomplete`,
    }),
  ],
];

const MAX_DETAIL = 160;

/** The diagnostic for one pdfjs warning (without `Warning: `), or null when it does not matter. */
export function classifyWarning(message: string, page: number | null): Omit<Diagnostic, 'path'> | null {
  for (const [re, make] of RULES) {
    if (re.test(message)) {
      const detail = message.length > MAX_DETAIL ? `${message.slice(0, MAX_DETAIL)}…` : message;
      return { ...make(detail), page };
    }
  }
  return null;
}

/** Collected warnings, one diagnostic per rule and page. */
export class WarningSink {
  private readonly seen = new Set<string>();
  readonly diagnostics: Omit<Diagnostic, 'path'>[] = [];
  page: number | null = null;

  add(message: string): void {
    const d = classifyWarning(message, this.page);
    if (!d) return;
    const key = `${d.rule}\u0000${d.page ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.diagnostics.push(d);
  }
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` with pdfjs' console warnings going to a fresh sink. Runs are queued one after the
 * other: the console is process-wide, so two overlapping runs could not tell their warnings
 * apart, and nothing is lost since pdfjs in Node works on the main thread anyway.
 */
export function withWarnings<T>(fn: (sink: WarningSink) => Promise<T>): Promise<T> {
  const run = queue.then(async () => {
    const sink = new WarningSink();
    const original = console.warn;
    console.warn = (...args: unknown[]) => {
      const first = args[0];
      if (typeof first === 'string' && first.startsWith('Warning: ')) sink.add(first.slice('Warning: '.length));
      else original.apply(console, args);
    };
    try {
      return await fn(sink);
    } finally {
      console.warn = original;
    }
  });
  queue = run.catch(() => undefined);
  return run;
}
