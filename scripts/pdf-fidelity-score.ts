// How faithfully a PDF's extracted lines reproduce the text version of the same document; used by
// scripts/pdf-fidelity.ts and by test/extract/pdf-fidelity.test.ts.
//
// Both sides are normalised lines (after normalizeLines). A PDF line is a visual line, a text
// line is a paragraph or a row: characters are compared with whitespace and line ends ignored,
// line starts for what was glued together, table rows (lines holding a TAB) cell by cell.

export interface Fidelity {
  /** 1 − (characters inserted + deleted) / (characters on both sides), whitespace ignored. */
  chars: number;
  /** Cells equal (whitespace ignored) in aligned rows: 2 × equal / (cells on both sides). */
  cells: number;
  /** Text rows whose aligned PDF row is the same, line breaks inside cells included. */
  rowsExact: number;
  rows: number;
  /** Text lines (paragraphs and rows) that start a line in the PDF too: no line glued to another. */
  starts: number;
  /** What differs, for reading: `-` text only, `+` PDF only. */
  diff: string[];
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Markdown marks a printed page does not show: heading hashes, emphasis, rules, link targets. */
export function stripMarkdown(text: string): string {
  return text
    .replace(/^#{1,6}\s+/, '')
    .replace(/^-{3,}$/, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}

/** The table rows among the lines, as cells (trailing empty cells dropped: a PDF cannot show them). */
export function rows(lines: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const line of lines) {
    if (!line.includes('\t')) continue;
    const cells = line.split('\t').map((c) => c.trim());
    while (cells.length > 0 && cells.at(-1) === '') cells.pop();
    if (cells.length > 1) out.push(cells);
  }
  return out;
}

/**
 * Edit distance (insertions and deletions only) between two strings, by Myers without a trace:
 * O((N+M)·D), so it gives up at `limit` and returns N+M (two versions that differ that much
 * are simply far apart).
 */
export function editDistance(a: string, b: string, limit = Math.ceil((a.length + b.length) / 5)): number {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  for (let d = 0; d <= Math.min(max, limit); d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return d;
    }
  }
  return max;
}

/** Aligns rows (Needleman–Wunsch, gaps free) to make the most cells equal. */
function alignRows(a: readonly string[][], b: readonly string[][]): { pairs: [number, number][]; equal: number } {
  const same = (r: readonly string[], s: readonly string[]) => {
    let n = 0;
    for (let i = 0; i < Math.min(r.length, s.length); i++) if (squeeze(r[i]!) === squeeze(s[i]!)) n++;
    return n;
  };
  const score: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const s = same(a[i - 1]!, b[j - 1]!);
      score[i]![j] = Math.max(score[i - 1]![j]!, score[i]![j - 1]!, s > 0 ? score[i - 1]![j - 1]! + s : -1);
    }
  }
  const pairs: [number, number][] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 && j > 0) {
    const s = same(a[i - 1]!, b[j - 1]!);
    if (s > 0 && score[i]![j] === score[i - 1]![j - 1]! + s) {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (score[i]![j] === score[i - 1]![j]) i--;
    else j--;
  }
  return { pairs: pairs.reverse(), equal: score[a.length]![b.length]! };
}

export function fidelity(textLines: readonly string[], pdfLines: readonly string[]): Fidelity {
  const a = rows(textLines);
  const b = rows(pdfLines);
  // All text in document order, whatever became a row or a paragraph on either side.
  const ta = squeeze(textLines.join(''));
  const tb = squeeze(pdfLines.join(''));
  const chars = ta.length + tb.length === 0 ? 1 : 1 - editDistance(ta, tb) / (ta.length + tb.length);

  const { pairs: rowPairs, equal } = alignRows(a, b);
  const cellsA = a.reduce((n, r) => n + r.length, 0);
  const cellsB = b.reduce((n, r) => n + r.length, 0);
  const cells = cellsA + cellsB === 0 ? 1 : (2 * equal) / (cellsA + cellsB);
  const spaceless = (r: readonly string[]) => r.map((c) => c.replace(/[^\S\n]+/g, '')).join('\t');
  const rowsExact = rowPairs.filter(([i, j]) => spaceless(a[i]!) === spaceless(b[j]!)).length;

  // A line's start is its first few characters; each PDF line start can stand for one text line.
  const key = (line: string) => squeeze(line).slice(0, 8);
  const pdfStarts = new Map<string, number>();
  for (const l of pdfLines) if (key(l)) pdfStarts.set(key(l), (pdfStarts.get(key(l)) ?? 0) + 1);
  const diff: string[] = [];
  let textStarts = 0;
  let kept = 0;
  for (const l of textLines) {
    const k = key(l);
    if (!k) continue;
    textStarts++;
    const n = pdfStarts.get(k) ?? 0;
    if (n > 0) {
      kept++;
      pdfStarts.set(k, n - 1);
    } else {
      const inside = pdfLines.find((p) => squeeze(p).includes(k));
      diff.push(`- start ${JSON.stringify(l.slice(0, 40))}${inside ? `  inside ${JSON.stringify(inside.slice(0, 80))}` : ''}`);
    }
  }
  const starts = textStarts === 0 ? 1 : kept / textStarts;
  // Lines whose characters the other side does not hold at all: lost text, or furniture left in.
  // A list dash is a mark one producer prints and another draws as a bullet (not text).
  const body = (l: string) => squeeze(l).replace(/^[-*•]/, '');
  for (const l of textLines) if (body(l) && !tb.includes(body(l))) diff.push(`- text ${JSON.stringify(l)}`);
  for (const l of pdfLines) if (body(l) && !ta.includes(body(l))) diff.push(`+ text ${JSON.stringify(l)}`);
  const rowA = new Map(rowPairs.map(([i, j]) => [i, j]));
  const rowB = new Set(rowPairs.map(([, j]) => j));
  a.forEach((r, i) => {
    const j = rowA.get(i);
    if (j === undefined) diff.push(`- row ${JSON.stringify(r.join('\t'))}`);
    else if (spaceless(r) !== spaceless(b[j]!)) diff.push(`~ row ${JSON.stringify(r.join('\t'))}\n      pdf ${JSON.stringify(b[j]!.join('\t'))}`);
  });
  b.forEach((r, j) => rowB.has(j) || diff.push(`+ row ${JSON.stringify(r.join('\t'))}`));
  return { chars, cells, rowsExact, rows: a.length, starts, diff };
}
