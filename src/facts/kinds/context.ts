// What every kind of fact is given, and what it returns.
import type { Line } from '../../types.ts';
import type { FactAttributes } from '../attributes.ts';
import type { Analysis } from '../analysis.ts';
import type { Sentence } from '../sentences.ts';

/** Carried from sentence to sentence (and table row to row) within one section. */
export interface SectionState {
  /** The cloud provider named last: a table row or sentence naming only a region continues it. */
  provider: string | null;
  /** The table being read has a region column (its header or an earlier row says リージョン). */
  regionTable: boolean;
  /** The sentence before said where something is kept: 「いずれも日本国内です」 continues it. */
  located: boolean;
}

/** What facts are read from: a control section, or a passage outside every section (ord and control null). */
export interface Scope {
  ord: number | null;
  controlId: string | null;
  body: string;
  page: number | null;
  lines: Line[];
}

/** What the whole document says, read before its sentences. */
export interface DocumentContext {
  /** The cloud providers the document names by a name of their cloud (Google Cloud, AWS): their company alone may stand for them. */
  providers: ReadonlySet<string>;
}

export interface Ctx {
  section: Scope;
  document: DocumentContext;
  sentence: Sentence;
  a: Analysis;
  state: SectionState;
  /** The whole section body, prepared (for attributes a section states once, such as a time zone); read when asked. */
  sectionText: () => string;
}

/** A fact before provenance is attached; attributes left out are null (negated: false). */
export type Draft = Partial<FactAttributes> & {
  kind: string;
  value: string | null;
  negated?: boolean;
  /** Where in the analysed sentence the words that triggered it stand (for explain, and for suppression). */
  at?: number;
  end?: number;
  /** The words that deny it, when negated. */
  denial?: string | null;
  /** A rule id more precise than the kind (「tls.requirement」), for explain. */
  rule?: string;
};

export type Extractor = (ctx: Ctx) => Draft[];
