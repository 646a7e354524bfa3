// One message type for warnings and failures alike (like vfile messages), so the terminal
// printer, `--json` and the diagnostics table all speak the same shape.

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  path: string;
  page?: number | null;
  line?: number | null;
  severity: Severity;
  /** Short machine-readable id of what went wrong (`pdf-encrypted`, `no-sections`, …). */
  rule: string;
  /** A sentence a user understands, saying what to do next where there is something to do. */
  reason: string;
}

/** An error that carries its diagnostic, thrown by stages when a file cannot be processed. */
export class InputError extends Error {
  readonly rule: string;
  readonly page: number | null;
  constructor(rule: string, reason: string, page: number | null = null) {
    super(reason);
    this.name = 'InputError';
    this.rule = rule;
    this.page = page;
  }
}

export function toDiagnostic(path: string, err: unknown): Diagnostic {
  if (err instanceof InputError) {
    return { path, page: err.page, severity: 'error', rule: err.rule, reason: err.message };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { path, severity: 'error', rule: 'internal', reason: `unexpected error: ${message}` };
}

/**
 * A decision of the segment or facts stage (「segment/toc」: a table-of-contents line is no
 * section): shown by `hakusho explain`, counted by `hakusho run`, never stored one by one.
 */
export function isDecision(d: Pick<Diagnostic, 'rule'>): boolean {
  return /^(?:segment|facts)\//.test(d.rule);
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.path, d.page != null ? `page ${d.page}` : null, d.line != null ? `line ${d.line}` : null]
    .filter(Boolean)
    .join(':');
  return `${where}: ${d.severity} [${d.rule}] ${d.reason}`;
}
