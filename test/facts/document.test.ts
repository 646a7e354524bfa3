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
