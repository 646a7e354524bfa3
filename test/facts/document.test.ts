// What one section's facts take from the rest of the document: a provider's company named alone
// (「Google が管理」) is that provider only where the document names its cloud somewhere.
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/index.ts';
import { makeSection } from './section.ts';

const providers = async (...sections: [string, string][]) =>
  (await extractFacts(sections.map(([control, body], ord) => makeSection(control, body, { ord }))))
    .filter((f) => f.kind === 'cloud_provider')
    .map((f) => `${f.controlId} ${f.value}`);

describe('a provider named by its company alone', () => {
  it('counts where another section names the cloud', async () => {
    expect(
      await providers(
        ['6.1.3', 'お客様データは Google Cloud の東京リージョンに保存しています。'],
        ['12.4.4', '各サーバーは Google が提供する NTP サーバーと時刻を同期しています。'],
        ['CLD.13.1.4', '物理ネットワークは Google が管理しています。'],
      ),
    ).toEqual(['6.1.3 gcp', '12.4.4 gcp', 'CLD.13.1.4 gcp']);
  });

  it('does not count where the document names no cloud of that company', async () => {
    expect(await providers(['12.4.4', '各サーバーは Google が提供する NTP サーバーと時刻を同期しています。'], ['6.1.3', 'データは当社のデータセンターに保存しています。'])).toEqual([]);
  });

  it('is not a product of the company (Google Workspace, Google アカウント, Microsoft 365)', async () => {
    expect(
      await providers(
        ['6.1.3', 'お客様データは Google Cloud に保存しています。'],
        ['9.4.2', 'Google Workspace 及び Microsoft 365 のアカウントでシングルサインオンできます。Google アカウントでもログインできます。'],
      ),
    ).toEqual(['6.1.3 gcp']);
  });
});

describe('an answer that only says yes or no', () => {
  const facts = async (question: string, control: string, answer: string) =>
    (await extractFacts([{ ...makeSection(control, answer), heading: question }])).map((f) => `${f.kind} ${f.value}${f.negated ? ' denied' : ''} «${f.evidence}»`);

  it.each([
    ['二段階認証は使えますか?', '9.2.3', 'はい。管理画面の「セキュリティ設定」から有効にできます。', ['mfa true «二段階認証は使えますか? はい。»']],
    ['IPアドレスで接続元を制限できますか?', '9.4.1', 'いいえ、現在は提供していません。', ['ip_restriction true denied «IPアドレスで接続元を制限できますか? いいえ、現在は提供していません。»']],
    ['通信はTLS1.2以上で暗号化されていますか?', '10.1.1', 'はい。', ['tls 1.2 «通信はTLS1.2以上で暗号化されていますか? はい。»']],
  ])('「%s」「%s…」 states the question\'s fact', async (question, control, answer, expected) => {
    expect(await facts(question, control, answer)).toEqual(expected);
  });

  it('adds nothing the answer states itself, nor anything to a heading that asks nothing', async () => {
    expect(await facts('データは国内に保存されますか?', '6.1.3', 'はい、すべて国内のデータセンターに保存しています。')).toEqual(['region JP «はい、すべて国内のデータセンターに保存しています。»']);
    expect(await facts('二段階認証', '9.2.3', 'はい。')).toEqual([]);
    expect(await facts('二段階認証は使えますか?', '9.2.3', '管理画面から設定できます。')).toEqual([]);
  });
});
