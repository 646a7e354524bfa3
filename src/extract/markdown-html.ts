// HTML written into a Markdown file (docs exports and help centres do): a collapsible FAQ
// 「<details><summary>Q. …</summary> … </details>」, headings as <h2>, wrappers as <div>. Its
// structure is kept in Markdown's own terms (a summary or a heading as a heading line), its
// wrappers dropped, so the segmenter reads it like any Markdown.
import type { Line } from '../types.ts';

const WRAPPER = /^\s*<\/?(?:details|div|section|article|aside|main|header|footer|nav|p|span|ul|ol|li|blockquote|figure|figcaption|center|hr|br)\b[^>]*\/?>\s*$/i;
const COMMENT = /^\s*<!--.*-->\s*$/;
const SUMMARY = /^\s*(?:<details\b[^>]*>\s*)?<summary\b[^>]*>(.*?)<\/summary>\s*$/i;
const HEADING = /^\s*<h([1-6])\b[^>]*>(.*?)<\/h\1>\s*$/i;
const TAG = /<[^>]+>/g;

export function markdownHtml(lines: readonly Line[]): Line[] {
  if (!lines.some((l) => l.text.trimStart().startsWith('<'))) return [...lines];
  return lines.map((line) => {
    const text = line.text;
    if (!text.trimStart().startsWith('<')) return line;
    if (WRAPPER.test(text) || COMMENT.test(text)) return { ...line, text: '' };
    const summary = SUMMARY.exec(text);
    if (summary) return { ...line, text: `**${summary[1]!.replace(TAG, '').trim()}**` };
    const heading = HEADING.exec(text);
    if (heading) return { ...line, text: `${'#'.repeat(Number(heading[1]))} ${heading[2]!.replace(TAG, '').trim()}` };
    return line;
  });
}
