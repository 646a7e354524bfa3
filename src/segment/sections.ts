// Lines → control sections. Decides, in the context of the whole document, which heading
// candidates open a section, where a body starts and where it ends.
import { joinLines } from '../normalize/join.ts';
import type { Line, Section } from '../types.ts';
import { getControl, matchTitle, titleSimilarity } from './catalog.ts';
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
const REVISION_ROW_SIMILARITY = 0.5;

/**
 * A document is segmented by printed ids when it prints at least a few; only a document that
 * prints none is segmented by matching heading titles against the catalog, since title matching
 * in an id-numbered document would turn ordinary chapter headings into controls.
 */
function chooseMode(kinds: LineKind[]): 'id' | 'title' {
  const ids = kinds.filter((k) => k.kind === 'control' || k.kind === 'id-line').length;
  return ids >= 3 ? 'id' : 'title';
}

/** The next line that holds something, skipping blanks and furniture. */
function nextContent(kinds: LineKind[], lines: Line[], from: number): number {
  for (let j = from; j < lines.length; j++) {
    const k = kinds[j]!;
    if (lines[j]!.text.trim() !== '' && k.kind !== 'furniture') return j;
  }
  return -1;
}

export function segment(lines: Line[]): Section[] {
  const kinds = lines.map((l) => classifyLine(l.text));
  const mode = chooseMode(kinds);
  const sections: Section[] = [];
  let open: Open | null = null;
  let inRevisions = false;

  const close = () => {
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
        // The heading is the line above (「1. クラウドサービスプロバイダの地理的所在地…」), which
        // was taken as body of the previous section: take it back.
        let heading = getControl(k.controlId)?.title ?? k.controlId;
        let headingLine = line;
        const prev = open?.body.at(-1);
        const prevKind = prev ? kinds[lines.indexOf(prev)] : undefined;
        if (prev && prevKind?.kind === 'heading') {
          open!.body.pop();
          heading = prevKind.title;
          headingLine = prev;
        }
        close();
        inRevisions = false;
        open = { controlId: k.controlId, heading, level: null, line: headingLine, iso2022: k.iso2022, matchedBy: 'id', body: [] };
        continue;
      }
      case 'control': {
        if (mode === 'title' && k.similarity < 0.3) break;
        if (inRevisions && k.similarity < REVISION_ROW_SIMILARITY) break;
        close();
        inRevisions = false;
        let title = k.title;
        // The title may stand on the next line (「CLD.6.3.1」 / 「クラウド…」) or wrap onto it.
        let j = nextContent(kinds, lines, i + 1);
        while (j !== -1 && kinds[j]!.kind === 'text' && lines[j]!.text.trim().length <= 40 && !/[。]/.test(lines[j]!.text)) {
          const joined = title + lines[j]!.text.trim();
          if (titleSimilarity(k.controlId, joined) < titleSimilarity(k.controlId, title) + 0.05) break;
          title = joined;
          i = j;
          j = nextContent(kinds, lines, i + 1);
        }
        open = { controlId: k.controlId, heading: title, level: k.level, line, iso2022: k.iso2022, matchedBy: 'id', body: [] };
        continue;
      }
      case 'heading': {
        if (mode === 'title' && !inRevisions) {
          const entry = matchTitle(k.title.replace(/\s+/g, ''));
          if (entry) {
            close();
            open = { controlId: entry.id, heading: k.title, level: k.level, line, iso2022: null, matchedBy: 'title', body: [] };
            continue;
          }
        }
        // A Markdown heading at the section's own level or above ends it.
        if (open && k.level !== null && (open.level === null || k.level <= open.level)) {
          close();
          continue;
        }
        break;
      }
      case 'text':
        // A line that is exactly a control title, with no number, is a heading in title mode.
        if (mode === 'title' && !inRevisions && line.text.trim().length <= 40 && !/[。、]/.test(line.text)) {
          const entry = matchTitle(line.text.trim(), 1);
          if (entry) {
            close();
            open = { controlId: entry.id, heading: line.text.trim(), level: null, line, iso2022: null, matchedBy: 'title', body: [] };
            continue;
          }
        }
        break;
    }
    if (open && !inRevisions) open.body.push(line);
  }
  close();
  return sections;
}

