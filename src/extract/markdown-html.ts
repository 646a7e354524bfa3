// HTML written into a Markdown file (docs exports and help centres do): a collapsible FAQ
// 「<details><summary>Q. …</summary> … </details>」, headings as <h2>, wrappers as <div>, line breaks
// as <br>. Its structure is kept in Markdown's own terms (a summary or a heading as a heading line,
// a break as a new line), its wrappers dropped, so the segmenter reads it like any Markdown.
import type { Line } from '../types.ts';

const WRAPPER = /^\s*<\/?(?:details|div|section|article|aside|main|header|footer|nav|p|span|ul|ol|li|blockquote|figure|figcaption|center|hr|br)\b[^>]*\/?>\s*$/i;
const COMMENT = /^\s*<!--.*-->\s*$/;
const SUMMARY = /^\s*(?:<details\b[^>]*>\s*)?<summary\b[^>]*>(.*?)<\/summary>\s*$/i;
const HEADING = /^\s*<h([1-6])\b[^>]*>(.*?)<\/h\1>\s*$/i;
const TAG = /<[^>]+>/g;
/** 「**発行**：X<br>」 outside a table; a table cell's <br> is read with its table (rows.ts). */
const BREAK = /<br\s*\/?>/i;

export function markdownHtml(lines: readonly Line[]): Line[] {
  if (!lines.some((l) => l.text.includes('<'))) return [...lines];
  return lines.flatMap((line) =>
    BREAK.test(line.text) && !line.text.trimStart().startsWith('|') ? line.text.split(new RegExp(BREAK, 'gi')).map((text) => element({ ...line, text })) : [element(line)],
  );
}

/** A line that is one HTML element, in Markdown's terms. */
function element(line: Line): Line {
  const text = line.text;
  if (!text.trimStart().startsWith('<')) return line;
  if (WRAPPER.test(text) || COMMENT.test(text)) return { ...line, text: '' };
  const summary = SUMMARY.exec(text);
  if (summary) return { ...line, text: `**${summary[1]!.replace(TAG, '').trim()}**` };
  const heading = HEADING.exec(text);
  if (heading) return { ...line, text: `${'#'.repeat(Number(heading[1]))} ${heading[2]!.replace(TAG, '').trim()}` };
  return line;
}
