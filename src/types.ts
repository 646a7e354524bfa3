// The values that flow between pipeline stages. Stages take these and return these;
// only the edges (ingest, store, cli, workers) touch files or the database.
import type { Diagnostic } from './diagnostics.ts';
import type { FactAttributes } from './facts/attributes.ts';

/** One line of extracted text, with where it came from. */
export interface Line {
  text: string;
  /** 1-based page, null for text input. */
  page: number | null;
  /** 1-based line number in the source file (text) or on the page (PDF). */
  line: number;
}

/** What an extractor returns: lines in reading order plus what the container says of itself. */
export interface Extracted {
  format: 'text' | 'pdf';
  lines: Line[];
  pages: number | null;
  /** Title and dates from the PDF info dictionary / XMP, when present. */
  info: { title?: string; author?: string; created?: string; modified?: string };
  diagnostics: Diagnostic[];
}

export interface Revision {
  /** Edition as printed, digits only (`4.1`, `2`), or `初版`. */
  version: string;
  /** ISO date (`2018-05-01`, `2025-02`), or null when the row has none. */
  date: string | null;
  description: string;
}

export interface DocumentMeta {
  vendor: string | null;
  title: string | null;
  services: string[];
  version: string | null;
  published: string | null;
  revisions: Revision[];
}

export interface Section {
  /** Order in the document, from 0. */
  ord: number;
  /** Canonical ISO/IEC 27017 id (`12.3.1`, `CLD.9.5.1`), null when unknown. */
  controlId: string | null;
  heading: string;
  body: string;
  page: number | null;
  line: number;
  /** The ISO/IEC 27001:2022 Annex A control the document maps this section to, if it says. */
  iso27001_2022: string | null;
  /** How the control id was found: printed in the heading, or mapped from the title. */
  matchedBy: 'id' | 'title' | 'topic' | null;
  /** Body lines with provenance, for facts that need the page of one sentence. */
  lines: Line[];
  /** The body split into kuromoji words, space-joined: what the full-text index stores (src/search/tokens.ts). */
  searchText?: string;
}

/**
 * Text outside any control section that is still read for facts: an overview table, an
 * introduction, the sentence under a chapter line. Its facts have no section and no control.
 */
export interface Passage {
  body: string;
  page: number | null;
  line: number;
  lines: Line[];
}

export type Frequency = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly' | 'on_change';

/** One normalised claim; its attributes are those of src/facts/attributes.ts. */
export type Fact = FactAttributes & {
  kind: string;
  /** Index of the section (`Section.ord`) the fact came from; null for a fact outside any section. */
  sectionOrd: number | null;
  controlId: string | null;
  value: string | null;
  negated: boolean;
  evidence: string;
  page: number | null;
  /** Which rule read it (the kind, or a more precise rule id): shown by `hakusho explain`, not stored. */
  rule?: string;
  /** The words that triggered it and, for a denial, the denying words (「TLS … 提供していません」): not stored. */
  cue?: string;
};

/** A candidate the facts stage read and did not take, and why: shown by `hakusho explain`, not stored. */
export interface Suppressed {
  kind: string;
  value: string | null;
  reason: 'advice' | 'plan' | 'trademark';
  controlId: string | null;
  evidence: string;
  page: number | null;
}

/** Everything the pipeline learns from one file; the store writes it in one transaction. */
export interface Result {
  format: 'text' | 'pdf';
  pages: number | null;
  meta: DocumentMeta;
  sections: Section[];
  facts: Fact[];
  diagnostics: Diagnostic[];
}
