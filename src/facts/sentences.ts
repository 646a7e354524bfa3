// A section body into sentences, each with the page of the line it starts on.
import type { Line, Section } from '../types.ts';

export interface Sentence {
  /** NFKC text of the sentence (the evidence). */
  text: string;
  /** Offset of its first character in the section body. */
  start: number;
  page: number | null;
  /** A table row (cells separated by tabs in the body, or a Markdown 「| … |」 row): its cells. */
  cells: string[] | null;
}

/** A line that opens something new (list item, table row, numbered heading) rather than continuing. */
const OPENS_BLOCK = /^(?:[・•●◆■□○◎※\-–*#]|\d+[.)）]\s|[(（]\d+[)）]|[①-⑳]|<)/u;
/** Characters that end a sentence; closing brackets right after stay with it. */
const END = /[。！？!?](?:[)）」』】\]]*)/gu;

/** Where each body line starts, with its page, by finding the lines of the section in order. */
function lineStarts(body: string, lines: readonly Line[]): { offset: number; page: number | null }[] {
  const out: { offset: number; page: number | null }[] = [];
  let cursor = 0;
  for (const l of lines) {
    const text = l.text.trim().replace(/\t+/g, '\t');
    if (text === '') continue;
    const probe = text.slice(0, 12);
    // Searched near the cursor only: a line the body does not hold must not cost a scan of the rest.
    const near = body.slice(cursor, cursor + NEAR + probe.length).indexOf(probe);
    if (near < 0) continue;
    const at = cursor + near;
    out.push({ offset: at, page: l.page });
    cursor = at + probe.length;
  }
  return out;
}

const NEAR = 4000;

/** The page of the last line starting at or before `offset` (binary search: sections can be long). */
function pageAt(starts: readonly { offset: number; page: number | null }[], offset: number, fallback: number | null): number | null {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]!.offset <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? fallback : starts[lo - 1]!.page;
}

/** Longer "sentences" (unpunctuated text) are read in pieces: kuromoji slows and grows on long input. */
const MAX_SENTENCE = 500;

/** Cuts text longer than MAX_SENTENCE at the last comma or space of each window, else hard. */
function chunks(text: string): { text: string; offset: number }[] {
  if (text.length <= MAX_SENTENCE) return [{ text, offset: 0 }];
  const out: { text: string; offset: number }[] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + MAX_SENTENCE);
    if (to < text.length) {
      const window = text.slice(from, to);
      const cut = Math.max(window.lastIndexOf('、'), window.lastIndexOf(','), window.lastIndexOf(' '));
      if (cut > MAX_SENTENCE / 2) to = from + cut + 1;
    }
    out.push({ text: text.slice(from, to), offset: from });
    from = to;
  }
  return out;
}

export function splitSentences(section: Pick<Section, 'body' | 'lines' | 'page'>): Sentence[] {
  const body = section.body;
  const starts = lineStarts(body, section.lines);
  // Body lines, with a line that ends on 「:」 or 「、」 carried on to the next one (「月次：」↵「24 世代」):
  // the joiner breaks there, but the sentence goes on.
  const pieces: { text: string; start: number }[] = [];
  let offset = 0;
  for (const raw of body.split('\n')) {
    const start = offset;
    offset += raw.length + 1;
    const prev = pieces.at(-1);
    const isRow = raw.includes('\t');
    if (prev && !isRow && !prev.text.includes('\t') && /[:：、,]\s*$/.test(prev.text) && !OPENS_BLOCK.test(raw.trim())) {
      prev.text += '\n' + raw; // kept so offsets stay exact; dropped from the sentence below
      continue;
    }
    pieces.push({ text: raw, start });
  }
  const out: Sentence[] = [];
  const push = (text: string, start: number, cells: string[] | null) => {
    if (!cells && text.length > MAX_SENTENCE) {
      for (const c of chunks(text)) pushOne(c.text, start + c.offset, null);
      return;
    }
    pushOne(text, start, cells);
  };
  const pushOne = (text: string, start: number, cells: string[] | null) => {
    const lead = text.length - text.trimStart().length;
    const t = text.replace(/\n/g, '').trim().normalize('NFKC');
    // A fragment with no letter or digit (a lone bracket) is not a sentence.
    if (!/[\p{L}\p{N}]/u.test(t)) return;
    out.push({ text: t, start: start + lead, page: pageAt(starts, start + lead, section.page), cells });
  };
  for (const p of pieces) {
    if (p.text.includes('\t')) {
      push(p.text, p.start, p.text.split('\t').map((c) => c.trim().normalize('NFKC')));
      continue;
    }
    // A Markdown table row 「| AWS | 東京リージョン |」; its 「|---|」 rule is no sentence.
    const row = p.text.trim();
    if (/^\|.*\|$/.test(row) && row.length > 2) {
      if (!/^[|\s:\-]+$/.test(row)) push(p.text, p.start, row.slice(1, -1).split('|').map((c) => c.trim().normalize('NFKC')));
      continue;
    }
    let from = 0;
    for (const m of p.text.matchAll(END)) {
      const to = m.index + m[0].length;
      push(p.text.slice(from, to), p.start + from, null);
      from = to;
    }
    push(p.text.slice(from), p.start + from, null);
  }
  return out;
}
