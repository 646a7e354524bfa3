// The ISO/IEC 27017 control catalog: canonical ids, titles and their variants, and lookups
// from the many ways whitepapers print an id or a title.
import { CATEGORIES, CONTROLS, type ControlEntry } from './catalog-data.ts';

export type { ControlEntry };
export { CONTROLS };

const BY_ID = new Map(CONTROLS.map((c) => [c.id, c]));

export function getControl(id: string): ControlEntry | undefined {
  return BY_ID.get(id);
}

/**
 * `CLD6.3.1`, `CLD. 6. 3. 1`, `A.12.3.1`, `A. 6. 1. 3`, `12.3.1` → the canonical id when it is
 * one the catalog knows, else null.
 */
export function canonicalId(printed: string): string | null {
  const m = /^\s*(?:A\s*\.\s*)?(CLD\s*\.?\s*)?(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{1,2})\s*$/i.exec(printed);
  if (!m) return null;
  const id = `${m[1] ? 'CLD.' : ''}${Number(m[2])}.${Number(m[3])}.${Number(m[4])}`;
  return BY_ID.has(id) ? id : null;
}

/** Title text reduced to what matters for comparison: no spaces, brackets, or and/及び variants. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/\([^()]*\)|（[^（）]*）|【[^【】]*】/g, '')
    .replace(/および|及び|並びに|ならびに|又は|または/g, '')
    .replace(/[\s、,・.．「」『』"'”“]/g, '')
    .toLowerCase();
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const b = s.slice(i, i + 2);
    m.set(b, (m.get(b) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient over character bigrams: robust to small wording changes (利用/使用, 自覚/意識向上). */
export function similarity(a: string, b: string): number {
  return a === b ? 1 : dice(a, bigrams(a), b, bigrams(b));
}

function dice(a: string, x: Map<string, number>, b: string, y: Map<string, number>): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  let common = 0;
  for (const [k, n] of x) common += Math.min(n, y.get(k) ?? 0);
  return (2 * common) / (a.length - 1 + b.length - 1);
}

interface Key {
  key: string;
  grams: Map<string, number>;
}

interface Keyed {
  entry: ControlEntry;
  keys: Key[];
}

/** Catalog keys with their bigrams computed once: title matching runs on every heading-like line. */
const KEYED: Keyed[] = CONTROLS.map((entry) => ({
  entry,
  keys: [entry.title, ...entry.variants].map(titleKey).map((key) => ({ key, grams: bigrams(key) })),
}));
const KEYED_BY_ID = new Map(KEYED.map((k) => [k.entry.id, k]));
const BY_KEY = new Map(KEYED.flatMap((k) => k.keys.map((c) => [c.key, k.entry] as const)));

/** Titles are short; a longer "title" is a sentence, and comparing it with 121 controls is wasted work. */
const MAX_TITLE_KEY = 120;

function bestScore(keys: Key[], key: string, grams: Map<string, number>): number {
  let best = 0;
  for (const k of keys) best = Math.max(best, dice(key, grams, k.key, k.grams));
  return best;
}

/** How close a printed title is to the catalog title of `id` (0…1). */
export function titleSimilarity(id: string, title: string): number {
  const k = KEYED_BY_ID.get(id);
  const key = titleKey(title);
  if (!k || key.length > MAX_TITLE_KEY) return 0;
  return bestScore(k.keys, key, bigrams(key));
}

/** True when `title` is a longer prefix of one of the control's titles than `before` was: a wrapped title's tail. */
export function completesTitle(id: string, before: string, title: string): boolean {
  const k = KEYED_BY_ID.get(id);
  const key = titleKey(title);
  return Boolean(k && key.length > titleKey(before).length && k.keys.some((c) => c.key.startsWith(key)));
}

/**
 * The control a heading title stands for, when the document prints no 27017 id. Exact title
 * (or variant) matches win; otherwise the best match above `threshold`, provided it is clearly
 * better than the runner-up (titles such as 「変更管理」 and 「容量・能力の管理」 share words).
 */
export function matchTitle(title: string, threshold = 0.75): ControlEntry | null {
  const key = titleKey(title);
  if (key.length < 2 || key.length > MAX_TITLE_KEY) return null;
  // An exact title is a lookup; only near misses need comparing with every control.
  const exact = BY_KEY.get(key);
  if (exact || threshold >= 1) return exact ?? null;
  const grams = bigrams(key);
  let best: ControlEntry | null = null;
  let top = 0;
  let second = 0;
  for (const { entry, keys } of KEYED) {
    const score = bestScore(keys, key, grams);
    if (score > top) {
      second = top;
      top = score;
      best = entry;
    } else if (score > second) {
      second = score;
    }
  }
  if (top === 1) return best;
  return top >= threshold && top - second >= 0.1 ? best : null;
}

const CATEGORY_KEYS = new Set(CATEGORIES.flatMap((c) => [c.title, ...c.variants]).map(titleKey));

/** 「アクセス制御」「資産の管理」: the name of a 27002 clause or control objective, a chapter rather than a control. */
export function isCategoryTitle(title: string): boolean {
  return CATEGORY_KEYS.has(titleKey(title));
}
