// The one line a user gets for an error no command foresaw: the disk full while writing, a SQLite
// error, a bug. HAKUSHO_DEBUG=1 adds the stack trace, for a bug report.
import { isDiskFull } from '../store/db.ts';

export function unexpected(e: unknown): string {
  const err = e instanceof Error ? e : new Error(String(e));
  const code = String((err as { code?: unknown }).code ?? '');
  const line = isDiskFull(err)
    ? `the disk is full (${err.message}); free some space and try again`
    : code.startsWith('SQLITE_')
      ? `the database failed (${err.message})`
      : `unexpected error: ${err.message} (a bug: please report it with the command you ran; HAKUSHO_DEBUG=1 shows where it happened)`;
  return process.env.HAKUSHO_DEBUG ? `${line}\n${err.stack ?? ''}` : line;
}
