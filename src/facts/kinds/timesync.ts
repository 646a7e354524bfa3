// time_sync: clocks synchronised with NTP, and the time zone the section says they keep.
import { claim, findAny } from '../analysis.ts';
import type { Draft, Extractor } from './context.ts';
import { defineKind } from '../registry.ts';

const NTP = ['NTP', 'SNTP', 'chrony', 'Time Sync Service', 'タイムサーバ', '時刻サーバ', 'タイムサーバー', '時刻サーバー'];
const ZONES: readonly (readonly [RegExp, string])[] = [
  [/日本標準時|日本時間|JST|UTC\s*\+\s*9|GMT\s*\+\s*9/, 'JST'],
  [/協定世界時|UTC(?!\s*\+)|GMT(?!\s*\+)/, 'UTC'],
];

/** The time zone named anywhere in the section: a section states it once, beside or after NTP. */
export function timezoneOf(text: string): string | null {
  // The zone named first: 「UTC で管理し、画面表示は日本時間」 keeps UTC.
  let best: { at: number; zone: string } | null = null;
  for (const [re, zone] of ZONES) {
    const at = text.search(re);
    if (at >= 0 && (!best || at < best.at)) best = { at, zone };
  }
  return best?.zone ?? null;
}

export const timeSync: Extractor = ({ a, sectionText }) => {
  const found = findAny(a, NTP);
  if (found.length === 0) return [];
  const zone = timezoneOf(a.text) ?? timezoneOf(sectionText());
  return found.map((m): Draft => ({ kind: 'time_sync', value: 'ntp', timezone: zone, ...claim(a, m.start, m.end) }));
};

export const timeSyncKind = defineKind({
  kind: 'time_sync',
  name: { ja: '時刻同期', en: 'time synchronisation' },
  value: { type: 'code' },
  attributes: ['timezone'],
  identity: [],
  detail: 'timezone',
  extract: timeSync,
});
