// mfa and ip_restriction: how access to the service can be secured.
import { claim, clauseAt, findAny, mentions, WHOLE } from '../analysis.ts';
import type { Draft, Extractor } from './context.ts';
import { defineKind } from '../registry.ts';

const MFA = [
  '二段階認証', '2段階認証', '二要素認証', '2要素認証', '多要素認証', '多段階認証', '二経路認証', '2経路認証',
  '二段階検証', '2段階検証', '二要素', '2要素', '多要素', 'ワンタイムパスワード', 'MFA', '2FA', 'OTP',
];

/** Entering a building or a room: the data centre's own physical access control, not the service's log-in. */
const PHYSICAL = ['データセンター', 'データセンタ', '入館', '入室', '入退', '立ち入', '施設', 'サーバールーム', 'サーバルーム'];

export const mfa: Extractor = ({ a }) =>
  findAny(a, MFA)
    .filter((m) => !mentions(a, clauseAt(a, m.start), PHYSICAL))
    .map((m): Draft => ({ kind: 'mfa', value: 'true', ...claim(a, m.start, m.end) }));

const IP = ['IPアドレス', 'IP アドレス', 'IP'];
/** Restricting who may connect … */
const RESTRICT = ['制限', '許可', '拒否', 'フィルタ', 'ホワイトリスト', '許可リスト', '接続元', 'アクセス元', '送信元', '限定'];
/** … as opposed to firewall rules that harden virtual machines (FACTS.md: not ip_restriction). */
const HARDENING = ['ポート', 'プロトコル', '要塞化'];

export const ipRestriction: Extractor = ({ a }) => {
  if (mentions(a, WHOLE(a), HARDENING)) return [];
  const out: Draft[] = [];
  for (const m of findAny(a, IP)) {
    if (!mentions(a, clauseAt(a, m.start), RESTRICT)) continue;
    out.push({ kind: 'ip_restriction', value: 'true', ...claim(a, m.start, m.end) });
  }
  return out;
};

export const mfaKind = defineKind({
  kind: 'mfa',
  name: { ja: '多要素認証', en: 'multi-factor authentication' },
  value: { type: 'flag' },
  attributes: [],
  identity: [],
  extract: mfa,
});

export const ipRestrictionKind = defineKind({
  kind: 'ip_restriction',
  name: { ja: 'IPアドレス制限', en: 'IP address restriction' },
  value: { type: 'flag' },
  attributes: [],
  identity: [],
  extract: ipRestriction,
});
