// Which control a heading, question or table row names by its topic rather than by an id.
// An official control title wins (matched by title); otherwise the topic rules of topics-data.ts
// decide, and a heading they do not settle clearly stays unmapped: never guessed.
import { matchTitle } from './catalog.ts';
import { NO_CONTROL, TOPICS } from './topics-data.ts';

export interface TopicMatch {
  control: string;
  by: 'title' | 'topic';
}

/**
 * Words that hold a topic word without being about it: ログイン is no log, カタログ no log either. Each
 * becomes a token of its own (in the text and in the rules alike), so that 「ログ」 does not match it and
 * a rule that names 「ログイン」 still does.
 */
const MASKED_WORDS = ['ログイン', 'ログオン', 'ログアウト', 'ブログ', 'カタログ', 'ダイアログ', 'プログラム'];
const MASKED = new RegExp(MASKED_WORDS.join('|'), 'g');
const mask = (s: string) => s.replace(MASKED, (m) => `\uE000${String.fromCharCode(0xe001 + MASKED_WORDS.indexOf(m))}`);

/** Text reduced for matching: NFKC, no spaces, no brackets' contents that only annotate, no question words. */
export function topicKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/^(?:Q|質問|問)\s*\d*\s*[.:：)]?\s*/i, '')
    .replace(/\s+/g, '')
    .replace(MASKED, mask);
}

function lower(s: string): string {
  return s.toLowerCase();
}

/** The rules with each word as the key spells it (masked, lower case), and its length, made once. */
const RULES = TOPICS.map((rule) => ({ control: rule.control, groups: rule.groups.map((g) => g.map((w) => ({ key: lower(mask(w)), length: w.length }))) }));
const NONE_WORDS = NO_CONTROL.map((w) => ({ key: lower(w), length: w.length }));

/** A help centre's category joining broad words (「セキュリティ・プライバシー」「Security & Privacy」): no one control. */
const WORD = '(?:セキュリティ|プライバシー|コンプライアンス|安全性|信頼性|security|privacy|compliance|trust)';
const CATEGORY = new RegExp(`^${WORD}(?:(?:[・&/,、]|と|及び|および|and)${WORD})+(?:について)?$`);

/** The best topic rule: the most words matched (longest per group); a tie between controls settles nothing. */
export function matchTopic(text: string): string | null {
  const key = lower(topicKey(text));
  if (key.length < 2 || CATEGORY.test(key)) return null;
  let best: { control: string; score: number } | null = null;
  let tie = false;
  for (const rule of RULES) {
    let score = 0;
    for (const group of rule.groups) {
      let hit = 0;
      for (const w of group) if (w.length > hit && key.includes(w.key)) hit = w.length;
      if (hit === 0) {
        score = 0;
        break;
      }
      score += hit;
    }
    if (score === 0) continue;
    if (!best || score > best.score) (best = { control: rule.control, score }), (tie = false);
    else if (score === best.score && rule.control !== best.control) tie = true;
  }
  if (!best || tie) return null;
  const none = NONE_WORDS.filter((w) => key.includes(w.key)).reduce((m, w) => Math.max(m, w.length), 0);
  return none >= best.score ? null : best.control;
}

/** Whether the text names something that is no control at all (推奨環境, 料金プラン, 稼働率・SLA). */
export function isNoControl(text: string): boolean {
  const key = lower(topicKey(text));
  return NONE_WORDS.some((w) => key.includes(w.key));
}

/** A heading's control by its official title (or a variant), else by its topic. */
export function mapHeading(title: string): TopicMatch | null {
  const byTitle = matchTitle(title.replace(/\s+/g, ''), 1);
  if (byTitle) return { control: byTitle.id, by: 'title' };
  const control = matchTopic(title);
  return control ? { control, by: 'topic' } : null;
}

/**
 * A short heading's topic read with what it sits under (a parent heading, a table's category), when it
 * says too little alone: 「データ管理」 › 「所在地」 is where data is kept. Only where the context itself
 * names no control (else the heading is a part of the context's section) and only by topic.
 */
export function mapInContext(title: string, context: string | null): TopicMatch | null {
  if (context === null || context === '' || title.length > 12 || isNoControl(title) || mapHeading(context) !== null) return null;
  const both = mapHeading(`${context} ${title}`);
  return both?.by === 'topic' ? both : null;
}
