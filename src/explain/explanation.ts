// What `hakusho explain` shows of one file: every decision the pipeline took on the way to what
// `hakusho run` would store, in reading order. Built from the pipeline's Result and Trace; no
// database is involved.
import type { Diagnostic } from '../diagnostics.ts';
import { ATTRIBUTES } from '../facts/attributes.ts';
import { isDecision } from '../diagnostics.ts';
import type { Rejection, SectionRule } from '../segment/sections.ts';
import type { Fact, Result, Suppressed } from '../types.ts';

export interface Explanation {
  file: string;
  format: Result['format'];
  pages: number | null;
  meta: { vendor: string | null; title: string | null; services: string[]; version: string | null; published: string | null; revisions: [string, string | null][] };
  sections: { control_id: string | null; heading: string; line: number; page: number | null; matched_by: string | null; rule: SectionRule }[];
  rejected: { line: number; page: number | null; text: string; reason: string }[];
  facts: (Record<string, string | number | boolean | null> & {
    kind: string;
    value: string | null;
    control_id: string | null;
    negated: boolean;
    rule: string;
    cue: string;
    evidence: string;
    page: number | null;
  })[];
  suppressed: { kind: string; value: string | null; reason: string; control_id: string | null; evidence: string; page: number | null }[];
  diagnostics: Diagnostic[];
}

/** The attributes of a fact, under the names the database and the gold files use. */
function attributes(f: Fact): Record<string, string | boolean | null> {
  return Object.fromEntries(ATTRIBUTES.map((a) => [a.column, f[a.field]]));
}

export function explain(file: string, result: Result, trace: { rules: SectionRule[]; rejected: Rejection[]; suppressed: Suppressed[] }): Explanation {
  return {
    file,
    format: result.format,
    pages: result.pages,
    meta: { ...result.meta, revisions: result.meta.revisions.map((r) => [r.version, r.date]) },
    sections: result.sections.map((s, i) => ({
      control_id: s.controlId,
      heading: s.heading,
      line: s.line,
      page: s.page,
      matched_by: s.matchedBy,
      rule: trace.rules[i]!,
    })),
    rejected: trace.rejected.map((r) => ({ line: r.line, page: r.page, text: r.text, reason: r.reason })),
    // In reading order: facts outside any section sort by the page and place of their evidence.
    facts: [...result.facts]
      .sort((a, b) => (a.sectionOrd ?? -1) - (b.sectionOrd ?? -1))
      .map((f) => ({
        kind: f.kind,
        value: f.value,
        ...attributes(f),
        control_id: f.controlId,
        negated: f.negated,
        rule: f.rule ?? f.kind,
        cue: f.cue ?? '',
        evidence: f.evidence,
        page: f.page,
      })),
    suppressed: trace.suppressed.map((x) => ({ kind: x.kind, value: x.value, reason: x.reason, control_id: x.controlId, evidence: x.evidence, page: x.page })),
    diagnostics: result.diagnostics.filter((d) => !isDecision(d)),
  };
}
