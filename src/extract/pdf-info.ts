// What a PDF says of itself: the info dictionary and the XMP packet → title, author, dates.
import type { Extracted } from '../types.ts';

/** The parts of pdfjs' metadata that are read: Info entries and parsed XMP (lower-case names). */
export interface RawInfo {
  info: Record<string, unknown>;
  xmp: { get(name: string): unknown } | null;
}

/** Values producers write when there is nothing to say. */
const PLACEHOLDER = /^(?:\(?unspecified\)?|untitled|unknown|none|no title|anonymous|無題|タイトルなし|[-\s.]*)$/i;

/** 「Microsoft Word - 27017_whitepaper.docx」 is a file name, not a title. */
const APP_PREFIX = /^(?:Microsoft\s+(?:Word|PowerPoint|Excel)|Word|PowerPoint|Excel)\s*-\s*/i;
const FILE_SUFFIX = /\.(?:docx?|pptx?|xlsx?|pdf|odt|rtf|txt)$/i;

function clean(value: unknown): string | undefined {
  const s = (Array.isArray(value) ? value.join('、') : typeof value === 'string' ? value : '')
    .replace(/[\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s === '' || PLACEHOLDER.test(s) ? undefined : s;
}

export function cleanTitle(value: unknown): string | undefined {
  // An rdf:Alt with several languages arrives as their texts joined by newlines: take the first.
  const first = typeof value === 'string' ? value.split(/\r?\n/).find((l) => l.trim() !== '') : value;
  const s = clean(first);
  if (!s) return undefined;
  return clean(s.replace(APP_PREFIX, '').replace(FILE_SUFFIX, ''));
}

const PDF_DATE = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?/;

function inRange(v: string | undefined, lo: number, hi: number): boolean {
  return v === undefined || (Number(v) >= lo && Number(v) <= hi);
}

/**
 * A PDF date string (`D:20210118103000+09'00'`) as ISO 8601, keeping the precision and the
 * offset it was written with: `2021-01-18T10:30:00+09:00`, `2021-01-18`, `2021-01`.
 */
export function pdfDateToIso(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = PDF_DATE.exec(raw.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, z, sign, oh, om] = m;
  if (!inRange(mo, 1, 12) || !inRange(d, 1, 31) || !inRange(h, 0, 23) || !inRange(mi, 0, 59) || !inRange(s, 0, 59)) {
    return undefined;
  }
  if (Number(y) < 1900) return undefined;
  let out = y!;
  if (mo) out += `-${mo}`;
  if (mo && d) out += `-${d}`;
  if (mo && d && h) {
    out += `T${h}:${mi ?? '00'}:${s ?? '00'}`;
    if (z) out += 'Z';
    else if (sign && oh) out += `${sign}${oh}:${om ?? '00'}`;
  }
  return out;
}

const XMP_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** An XMP date (already ISO 8601), tidied to the same shape as pdfDateToIso's. */
export function xmpDateToIso(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = XMP_DATE.exec(raw.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, zone] = m;
  if (!inRange(mo, 1, 12) || !inRange(d, 1, 31) || !inRange(h, 0, 23) || !inRange(mi, 0, 59) || !inRange(s, 0, 59)) {
    return undefined;
  }
  let out = y!;
  if (mo) out += `-${mo}`;
  if (mo && d) out += `-${d}`;
  if (h) out += `T${h}:${mi}:${s ?? '00'}${zone ?? ''}`;
  return out;
}

/**
 * XMP wins where both speak: it is what current producers update, while the info dictionary
 * of a converted document often still carries the source file name as its title.
 */
export function readInfo(raw: RawInfo): Extracted['info'] {
  const { info, xmp } = raw;
  const out: Extracted['info'] = {};
  const title = cleanTitle(xmp?.get('dc:title')) ?? cleanTitle(info['Title']);
  const author = clean(xmp?.get('dc:creator')) ?? clean(info['Author']);
  const created = xmpDateToIso(xmp?.get('xmp:createdate')) ?? pdfDateToIso(info['CreationDate']);
  const modified = xmpDateToIso(xmp?.get('xmp:modifydate')) ?? pdfDateToIso(info['ModDate']);
  if (title) out.title = title;
  if (author) out.author = author;
  if (created) out.created = created;
  if (modified) out.modified = modified;
  return out;
}
