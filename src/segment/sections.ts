// Lines → control sections. Decides, in the context of the whole document, which heading
// candidates open a section, where a body starts and where it ends.
import { joinLines } from '../normalize/join.ts';
import type { Line, Passage, Section } from '../types.ts';
import { completesTitle, getControl, isCategoryTitle, matchTitle, titleSimilarity } from './catalog.ts';
import { classifyLine, type LineKind } from './headings.ts';

interface Open {
  controlId: string | null;
  heading: string;
  level: number | null;
  line: Line;
  iso2022: string | null;
  matchedBy: 'id' | 'title';
  body: Line[];
}

/** Below this, a printed id with a title unlike the catalog's inside a revision table is a row, not a heading. */
const REVISION_ROW_SIMILARITY = 0.8;

/**
 * A document is segmented by printed ids when it prints at least a few; only a document that
 * prints none is segmented by matching heading titles against the catalog, since title matching
 * in an id-numbered document would turn ordinary chapter headings into controls.
 */
function chooseMode(kinds: LineKind[]): 'id' | 'title' {
  const ids = kinds.filter((k) => k.kind === 'id-line' || (k.kind === 'control' && titledAs(k) === k.controlId)).length;
  return ids >= 3 ? 'id' : 'title';
}

/**
 * The control a printed id line stands for. Own numbering can look like a 27002 id
 * (「6.2.1 情報のバックアップ」): when the title is exactly another control's, the title wins.
 */
function titledAs(k: Extract<LineKind, { kind: 'control' }>): string {
  if (k.similarity === 1 || !k.title) return k.controlId;
  return matchTitle(k.title, 1)?.id ?? k.controlId;
}

/** The number of a numbered heading (「2. お問い合わせ窓口」 → [2], 「6.2 技術的な対策」 → [6, 2]). */
function headingNumber(text: string): number[] | null {
  const m = /^(\d{1,2}(?:\.\d{1,2}){0,2})\.?\s/.exec(text);
  return m ? m[1]!.split('.').map(Number) : null;
}

/** a after b in document order (1 < 1.1 < 1.2 < 2). */
function follows(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return a.length > b.length;
}

/** The previous line that holds something, skipping blanks and furniture. */
function previousContent(kinds: LineKind[], lines: Line[], from: number): number {
  for (let j = from; j >= 0; j--) {
    if (lines[j]!.text.trim() !== '' && kinds[j]!.kind !== 'furniture') return j;
  }
  return -1;
}

/** The next line that holds something, skipping blanks and furniture. */
function nextContent(kinds: LineKind[], lines: Line[], from: number): number {
  for (let j = from; j < lines.length; j++) {
    const k = kinds[j]!;
    if (lines[j]!.text.trim() !== '' && k.kind !== 'furniture') return j;
  }
  return -1;
}

// 「ISO/IEC 27017:2015 A. 6. 1. 3（ISO/IEC 27001:2022 管理」 + 「策 5. 5）」: an id line whose bracket wrapped.
const OPEN_ID_LINE = /^ISO\s*\/\s*IEC\s*27017[^（(]*[（(][^）)]*$/i;

/** Joins id lines whose bracket wrapped onto the next line, so they classify as one. */
function joinWrappedIdLines(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1];
    if (next && OPEN_ID_LINE.test(l.text.trim()) && /^[^（(]{0,20}[）)]\s*$/.test(next.text.trim())) {
      out.push({ ...l, text: l.text.trim() + next.text.trim() });
      i++;
    } else {
      out.push(l);
    }
  }
  return out;
}

export interface Segmented {
  sections: Section[];
  /** Text outside every section that is still read for facts (not tables of contents or revision tables). */
  passages: Passage[];
}

export function segment(input: Line[]): Section[] {
  return segmentDocument(input).sections;
}

export function segmentDocument(input: Line[]): Segmented {
  const lines = joinWrappedIdLines(input);
  const passages: Passage[] = [];
  let loose: Line[] = [];
  const flushLoose = () => {
    if (loose.length) passages.push({ body: joinLines(loose.map((l) => l.text)), page: loose[0]!.page, line: loose[0]!.line, lines: loose });
    loose = [];
  };
  const kinds = lines.map((l) => classifyLine(l.text));
  const mode = chooseMode(kinds);
  const sections: Section[] = [];
  let open: Open | null = null;
  let inRevisions = false;
  // The last chapter number seen: a numbered heading that follows it is a new chapter, not a list item.
  let chapter: number[] = [];

  const close = () => {
    flushLoose();
    if (!open) return;
    const body = joinLines(open.body.map((l) => l.text));
    sections.push({
      ord: sections.length,
      controlId: open.controlId,
      heading: open.heading,
      body,
      page: open.line.page,
      line: open.line.line,
      iso27001_2022: open.iso2022,
      matchedBy: open.matchedBy,
      lines: open.body,
    });
    open = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const k = kinds[i]!;
    const line = lines[i]!;
    switch (k.kind) {
      case 'furniture':
      case 'toc':
        continue;
      case 'revisions':
        close();
        inRevisions = true;
        continue;
      case 'id-line': {
        // The heading is the line above, blank lines aside (「1. クラウドサービスプロバイダの地理的所在地…」),
        // which went into the previous body or, before the first section, nowhere: take it back.
        let heading = getControl(k.controlId)?.title ?? k.controlId;
        let headingLine = line;
        const p = previousContent(kinds, lines, i - 1);
        const prevKind = p === -1 ? undefined : kinds[p];
        if (prevKind?.kind === 'heading') {
          heading = prevKind.title;
          headingLine = lines[p]!;
          const at = open ? open.body.indexOf(headingLine) : -1;
          if (at !== -1) open!.body.length = at;
        }
        close();
        inRevisions = false;
        open = { controlId: k.controlId, heading, level: null, line: headingLine, iso2022: k.iso2022, matchedBy: 'id', body: [] };
        continue;
      }
      case 'control': {
        const controlId = titledAs(k);
        if (mode === 'title' && controlId === k.controlId && k.similarity < 0.3) break;
        if (inRevisions && k.similarity < REVISION_ROW_SIMILARITY) break;
        close();
        inRevisions = false;
        let title = k.title;
        // The title may stand on the next line (「CLD.6.3.1」 / 「クラウド…」) or wrap onto it.
        let j = nextContent(kinds, lines, i + 1);
        while (j !== -1 && kinds[j]!.kind === 'text' && lines[j]!.text.trim().length <= 40 && !/[。]/.test(lines[j]!.text)) {
          const joined = title + lines[j]!.text.trim();
          const better = titleSimilarity(k.controlId, joined) >= titleSimilarity(k.controlId, title) + 0.05;
          if (!better && !completesTitle(k.controlId, title, joined)) break;
          title = joined;
          i = j;
          j = nextContent(kinds, lines, i + 1);
        }
        open = { controlId, heading: title, level: k.level, line, iso2022: k.iso2022, matchedBy: controlId === k.controlId ? 'id' : 'title', body: [] };
        continue;
      }
      case 'heading': {
        const number = k.level === null && k.numbered ? headingNumber(line.text.trim()) : null;
        const isChapter = number !== null && follows(number, chapter);
        if (isChapter) chapter = number;
        if (mode === 'title' && !inRevisions) {
          // A clause or objective name only opens the control it names exactly (「情報セキュリティのための方針群」).
          const entry = matchTitle(k.title.replace(/\s+/g, ''), isCategoryTitle(k.title) ? 1 : undefined);
          if (entry) {
            close();
            open = { controlId: entry.id, heading: k.title, level: k.level, line, iso2022: null, matchedBy: 'title', body: [] };
            continue;
          }
        }
        // A Markdown heading at the section's own level or above ends it.
        // So does a numbered chapter heading (「2. お問い合わせ窓口」, 「6.2 技術的な対策」).
        if (open && (isChapter || (k.level !== null && (open.level === null || k.level <= open.level)))) {
          close();
          continue;
        }
        break;
      }
      case 'text': {
        // A line that is exactly a control title, with no number, is a heading in title mode; so is one
        // after a heading mark (「■ 」) or a list number (「(3) 」), but not a list item (「・情報のバックアップ」).
        const text = line.text.trim();
        const title = text.replace(/^[■□◆◇]\s*/u, '').replace(/^[(（]\d{1,2}[)）]\s*/u, '');
        if (mode === 'title' && !inRevisions && !/^[・•●○\-*]/u.test(text) && title.length <= 40 && !/[。、]/.test(title)) {
          const entry = matchTitle(title, 1);
          if (entry) {
            close();
            open = { controlId: entry.id, heading: title, level: null, line, iso2022: null, matchedBy: 'title', body: [] };
            continue;
          }
        }
        break;
      }
    }
    if (open && !inRevisions) open.body.push(line);
    else if (!open && !inRevisions && k.kind === 'text') loose.push(line);
  }
  close();
  flushLoose();
  return { sections, passages };
}

