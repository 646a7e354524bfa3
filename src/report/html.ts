// The comparison report: one self-contained HTML page (inline CSS and a few lines of inline JS,
// nothing fetched), vendors side by side, in Japanese (or English with --lang en). Every piece of
// text from the database is escaped. Fact kinds, values and attributes read as the fact registry
// names them (src/facts/registry.ts, attributes.ts): no internal code reaches the page.
//
// Wide tables come in groups of at most GROUP vendors, so that each fits a screen without a
// scrolling box (which would become the container of the sticky header) and an A4 landscape page
// when printed: every vendor and every column is on paper.
import { codeLabel, NO_CONTROL_LABEL, type Lang } from '../facts/attributes.ts';
import { kindName, kinds, readableLabel } from '../facts/registry.ts';
import type { DocumentRow, FactRow, SectionRow } from '../export/data.ts';
import type { ReportData } from './data.ts';
import { policyTable } from './policy-table.ts';

export function escapeHtml(s: string | number | null | undefined): string {
  if (s === null || s === undefined) return '';
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const h = escapeHtml;

/** Vendors per table: what fits an A4 landscape page beside the row headings. */
export const GROUP = 6;

const TEXT = {
  ja: {
    title: 'ISO/IEC 27017 ホワイトペーパー比較',
    sub: (n: number, older: number, asOf: string | null) =>
      `${n}件のホワイトペーパー（それぞれ最新版）${older > 0 ? `、保存済みの旧版${older}件は除外` : ''}${asOf ? ` · ${asOf}時点のデータ` : ''} · hakusho で作成`,
    whitepapers: 'ホワイトペーパー',
    policy: '要件の判定',
    facts: '主な事実',
    coverage: '管理策の対応状況',
    contradictions: '矛盾',
    evidence: '根拠',
    sections: 'セクション本文',
    filter: 'ベンダーで絞り込み',
    filterPlaceholder: 'ベンダー名の一部',
    columns: ['ベンダー', 'ホワイトペーパー', '版', 'サービス', 'セクション', '事実', '対応管理策', 'ファイル'],
    edition: (v: string | null) => (v === null ? null : /^\d/.test(v) ? `第${v}版` : v),
    editionUnknown: '版不明',
    group: (from: number, to: number, all: number) => `ベンダー ${from}–${to}（全${all}社）`,
    factHead: '事実',
    factsHint: '値をクリックすると根拠の文に移動します（カーソルを合わせると文を表示）。赤字の ✗ は「提供していない」と書かれているものです。',
    noFacts: 'これらのホワイトペーパーからはまだ事実が抽出されていません。',
    controlHead: (n: number) => `管理策（${n}）`,
    vendorsHead: '対応社数',
    coverageHint: '✓ はその管理策を扱うセクションへのリンクです（カーソルを合わせると見出しを表示）。– はセクションがないことを示します。灰色の管理策はどのホワイトペーパーも扱っていません。',
    hideNobody: (n: number) => `どのホワイトペーパーも扱っていない${n}件の管理策を隠す`,
    covered: '対応管理策数',
    notAddressed: '記載なし',
    factsCount: (n: number) => `事実${n}件`,
    noControls: '管理策カタログが空です。',
    contradictionColumns: ['ベンダー', '事実', '値', '記載', '否定'],
    noContradictions: 'なし：同じ事実を記載しつつ否定しているホワイトペーパーはありません。',
    noValue: '（値なし）',
    evidenceLink: '根拠',
    sectionLink: 'セクション本文',
    noEvidence: '事実がないため、根拠もまだありません。',
    sectionsCount: (n: number) => `${n}セクション`,
    noSections: 'セクションはありません。',
    outside: NO_CONTROL_LABEL.ja,
    page: (p: number) => `p. ${p}`,
    empty: 'データベースにはまだホワイトペーパーがありません。先に <code>hakusho run &lt;フォルダ&gt;</code> を実行してください。',
  },
  en: {
    title: 'ISO/IEC 27017 whitepapers compared',
    sub: (n: number, older: number, asOf: string | null) =>
      `${n} whitepapers, the latest edition of each${older > 0 ? ` (${older} older editions stored are left out)` : ''}${asOf ? ` · data as of ${asOf}` : ''} · made by hakusho`,
    whitepapers: 'Whitepapers',
    policy: 'Policy',
    facts: 'Key facts',
    coverage: 'Control coverage',
    contradictions: 'Contradictions',
    evidence: 'Evidence',
    sections: 'Section text',
    filter: 'Filter vendors',
    filterPlaceholder: 'part of a vendor name',
    columns: ['Vendor', 'Whitepaper', 'Edition', 'Services', 'Sections', 'Facts', 'Controls covered', 'File'],
    edition: (v: string | null) => v,
    editionUnknown: 'edition unknown',
    group: (from: number, to: number, all: number) => `Vendors ${from}–${to} of ${all}`,
    factHead: 'Fact',
    factsHint: 'Each value links to the sentence it was read from (hover to read it here). Values in red with ✗ are stated as not provided.',
    noFacts: 'No facts have been extracted from these whitepapers yet.',
    controlHead: (n: number) => `Control (${n})`,
    vendorsHead: 'Vendors',
    coverageHint: '✓ links to the section that addresses the control (hover for its heading); – means the whitepaper has no section for it. Grey controls are addressed by no whitepaper.',
    hideNobody: (n: number) => `hide the ${n} controls no whitepaper addresses`,
    covered: 'Controls covered',
    notAddressed: 'not addressed',
    factsCount: (n: number) => `${n} facts`,
    noControls: 'The control catalog is empty.',
    contradictionColumns: ['Vendor', 'Fact', 'Value', 'Stated', 'Denied'],
    noContradictions: 'None: no whitepaper both states and denies the same fact.',
    noValue: '(no value)',
    evidenceLink: 'evidence',
    sectionLink: 'section text',
    noEvidence: 'No facts, so no evidence yet.',
    sectionsCount: (n: number) => `${n} sections`,
    noSections: 'No sections.',
    outside: NO_CONTROL_LABEL.en,
    page: (p: number) => `p. ${p}`,
    empty: 'The database holds no whitepapers yet: run <code>hakusho run &lt;folder&gt;</code> first.',
  },
} as const;

type Text = (typeof TEXT)[Lang];

function vendorName(d: DocumentRow): string {
  return d.vendor ?? d.path.split(/[\\/]/).at(-1) ?? d.path;
}

function editionText(d: DocumentRow, t: Text): string {
  return [t.edition(d.version), d.published].filter(Boolean).join(' · ') || t.editionUnknown;
}

/** Where a fact or section is: its control (or 管理策外) and page. */
const where = (control: string | null, page: number | null, t: Text) => [control ?? t.outside, page === null ? null : t.page(page)].filter(Boolean).join(' · ');

function vendorHeader(d: DocumentRow, t: Text): string {
  return `<th scope="col" class="vendor" data-doc="${d.id}"><a href="#doc-${d.id}">${h(vendorName(d))}</a><small>${h(editionText(d, t))}</small></th>`;
}

/** The documents in groups of GROUP, each with its heading when there is more than one. */
function grouped(docs: DocumentRow[], t: Text, table: (group: DocumentRow[]) => string): string {
  if (docs.length <= GROUP) return `<div class="group" data-docs="${docs.map((d) => d.id).join(' ')}">${table(docs)}</div>`;
  const out: string[] = [];
  for (let i = 0; i < docs.length; i += GROUP) {
    const group = docs.slice(i, i + GROUP);
    out.push(`<div class="group" data-docs="${group.map((d) => d.id).join(' ')}"><h3>${h(t.group(i + 1, i + group.length, docs.length))}</h3>${table(group)}</div>`);
  }
  return out.join('\n');
}

const CSS = `
:root { --ink: #1d2433; --muted: #5b6578; --line: #d9dee7; --head: #f2f4f8; --yes: #1f7a3d; --yes-bg: #e6f4ea; --no: #9aa3b2;
  --neg: #b3261e; --neg-bg: #fdecea; --accent: #1a56b0; }
* { box-sizing: border-box; }
html { font-family: "IPAexGothic", "IPAPGothic", "Noto Sans CJK JP", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, sans-serif;
  color: var(--ink); background: #fff; font-size: 15px; line-height: 1.5; }
body { margin: 0; }
header { padding: 20px 32px 12px; border-bottom: 1px solid var(--line); background: #fafbfd; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 20px 0 6px; }
.sub, .hint { color: var(--muted); margin: 4px 0; }
nav { margin-top: 10px; display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; }
nav a { color: var(--accent); text-decoration: none; font-weight: bold; }
nav label { margin-left: auto; color: var(--muted); }
nav input { font: inherit; padding: 2px 6px; margin-left: 6px; }
main { padding: 0 32px 48px; }
a { color: var(--accent); }
table { border-collapse: separate; border-spacing: 0; margin: 8px 0; }
th, td { border: 1px solid var(--line); border-width: 0 1px 1px 0; padding: 6px 8px; vertical-align: top; text-align: left; background: #fff; }
tr > :first-child { border-left-width: 1px; }
thead tr:first-child > * { border-top-width: 1px; }
/* The header sticks to the top of the window, the first column to its left: no scrolling box holds them. */
thead th { background: var(--head); position: sticky; top: 0; z-index: 2; }
tbody th:first-child, tfoot th:first-child { position: sticky; left: 0; z-index: 1; background: #fafbfd; }
thead th:first-child { left: 0; z-index: 3; }
th.vendor { min-width: 120px; max-width: 220px; }
table.documents td:nth-child(3) { white-space: nowrap; }
th.vendor a { color: var(--ink); text-decoration: none; display: block; }
th small, td small { display: block; color: var(--muted); font-weight: normal; font-size: 12px; }
ul.values { list-style: none; margin: 0; padding: 0; }
ul.values li { margin: 0 0 4px; }
a.value { font-weight: bold; text-decoration: none; color: var(--ink); border-bottom: 1px dotted var(--muted); }
a.value.negated { color: var(--neg); }
a.value.negated::before { content: "✗ "; }
li small { display: inline; margin-left: 4px; }
td.none { color: var(--no); text-align: center; }
table.coverage td { text-align: center; padding: 3px 6px; white-space: nowrap; }
table.coverage th.control { font-weight: normal; min-width: 260px; max-width: 420px; }
table.coverage th.control code { color: var(--ink); font-size: 13px; margin-right: 6px; }
table.coverage td.count { color: var(--muted); }
tr.nobody th.control, tr.nobody td.count { color: var(--no); }
.addressed-only tr.nobody { display: none; }
label.toggle { display: inline-block; margin: 4px 0; color: var(--muted); }
td.yes { background: var(--yes-bg); }
td.yes a { color: var(--yes); text-decoration: none; font-weight: bold; }
td.yes small { display: inline; }
td.no { color: var(--no); }
tfoot td, tfoot th { background: var(--head); font-weight: bold; }
table.contradictions td { max-width: 420px; }
table.policy td.verdict { text-align: center; font-weight: bold; }
td.verdict.pass { color: var(--yes); background: var(--yes-bg); }
td.verdict.fail { color: var(--neg); background: var(--neg-bg); }
td.verdict.unknown { color: var(--no); }
blockquote { margin: 4px 0 0; padding: 4px 10px; border-left: 3px solid var(--line); color: var(--ink); background: #fafbfd; }
ol.evidence li { margin: 0 0 10px; }
ol.evidence li:target, article:target { outline: 3px solid #f2c94c; background: #fffbe6; }
.tag { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 8px; background: var(--head); color: var(--muted); }
.tag.negated { background: var(--neg-bg); color: var(--neg); }
details { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; padding: 4px 12px; }
summary { cursor: pointer; font-weight: bold; padding: 4px 0; }
article { border-top: 1px solid var(--line); padding: 6px 0; }
article h4 { margin: 0; font-size: 14px; }
article p { margin: 4px 0; white-space: pre-wrap; }
.empty { color: var(--muted); font-style: italic; }
.filtered { display: none !important; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  html { font-size: 9pt; }
  header, main { padding: 0; background: none; border: 0; }
  nav, label.toggle, .hint, #sections { display: none; }
  h2 { break-before: page; break-after: avoid; font-size: 14pt; }
  section:first-of-type h2 { break-before: auto; }
  h3 { break-after: avoid; font-size: 11pt; }
  table { width: 100%; table-layout: fixed; }
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
  tr, li, blockquote { break-inside: avoid; }
  thead th, tbody th:first-child, tfoot th:first-child { position: static; }
  th, td { padding: 2px 4px; }
  th.vendor { min-width: 0; max-width: none; overflow-wrap: anywhere; font-size: 8pt; }
  th small, td small { font-size: 7pt; }
  /* Row headings take a quarter of the page; six vendor columns of about 33 mm share the rest. */
  table.matrix th.kind { width: 25%; min-width: 0; max-width: none; }
  table.coverage th.control { width: 22%; min-width: 0; max-width: none; }
  table.coverage td.count, table.coverage thead th:nth-child(2) { width: 5%; }
  table.documents th, table.documents td { overflow-wrap: anywhere; }
  a { color: inherit; text-decoration: none; border: 0; }
  .group { break-inside: auto; }
}
`;

// Opens the <details> around the element a link points to, so that the target shows; the
// coverage toggle; the vendor filter (it hides the columns and rows of vendors whose name does not
// hold the text, and a group whose vendors are all hidden).
const SCRIPT = `
function openTarget() {
  var id = decodeURIComponent(location.hash.slice(1));
  var el = id && document.getElementById(id);
  for (var p = el; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
  if (el) el.scrollIntoView();
}
addEventListener('hashchange', openTarget);
addEventListener('DOMContentLoaded', function () {
  openTarget();
  var box = document.getElementById('addressed-only');
  var coverage = document.getElementById('coverage');
  if (box && coverage) box.addEventListener('change', function () { coverage.classList.toggle('addressed-only', box.checked); });
  var filter = document.getElementById('vendor-filter');
  if (!filter) return;
  var names = {};
  document.querySelectorAll('tr[data-doc][data-name]').forEach(function (tr) { names[tr.dataset.doc] = tr.dataset.name.toLowerCase(); });
  filter.addEventListener('input', function () {
    var q = filter.value.trim().toLowerCase();
    var shown = function (id) { return !q || (names[id] || '').indexOf(q) >= 0; };
    document.querySelectorAll('[data-doc]').forEach(function (el) { el.classList.toggle('filtered', !shown(el.dataset.doc)); });
    document.querySelectorAll('.group[data-docs]').forEach(function (g) {
      g.classList.toggle('filtered', !g.dataset.docs.split(' ').some(shown));
    });
  });
});
`;

function whitepapersTable(r: ReportData, coveredBy: Map<number, number>, t: Text): string {
  const rows = r.documents.map((d) => {
    const sections = r.sections.filter((s) => s.document_id === d.id).length;
    const facts = r.facts.filter((f) => f.document_id === d.id).length;
    return `<tr id="doc-${d.id}" data-doc="${d.id}" data-name="${h(vendorName(d))}"><th scope="row">${h(vendorName(d))}</th><td>${h(d.title ?? '')}</td><td>${h(editionText(d, t))}</td>
<td>${h(d.services.join('、'))}</td><td>${sections}</td><td>${facts}</td><td>${coveredBy.get(d.id) ?? 0} / ${r.controls.length}</td>
<td><code>${h(d.path)}</code></td></tr>`;
  });
  return `<table class="documents"><thead><tr>${t.columns.map((c) => `<th scope="col">${h(c)}</th>`).join('')}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function factMatrix(r: ReportData, t: Text, lang: Lang): string {
  if (r.facts.length === 0) return `<p class="empty">${t.noFacts}</p>`;
  // The registry's order (src/facts/kinds/all.ts); a kind it does not know (an older database) last.
  const order = new Map(kinds().map((k, i) => [k.kind, i]));
  const present = [...new Set(r.facts.map((f) => f.kind))].sort((a, b) => (order.get(a) ?? 1e6) - (order.get(b) ?? 1e6) || a.localeCompare(b));
  const cell = (d: DocumentRow, kind: string) => {
    const facts = r.facts.filter((f) => f.document_id === d.id && f.kind === kind);
    if (facts.length === 0) return `<td class="none" data-doc="${d.id}">–</td>`;
    // The same label stated under the same control is shown once; its other statements are listed in the tooltip.
    const seen = new Map<string, FactRow[]>();
    for (const f of facts) {
      const key = `${f.label}\u0000${f.control_id ?? ''}`;
      seen.set(key, [...(seen.get(key) ?? []), f]);
    }
    const items = [...seen.values()].map((fs) => {
      const f = fs[0]!;
      const more = fs.length > 1 ? ` ×${fs.length}` : '';
      const tip = fs.map((x) => `${x.evidence} (${where(x.control_id, x.page, t)})`).join('\n');
      return `<li><a class="value${f.negated ? ' negated' : ''}" href="#f${f.id}" title="${h(tip)}">${h(readableLabel(f, lang))}</a><small>${h(where(f.control_id, f.page, t))}${more}</small></li>`;
    });
    return `<td data-doc="${d.id}"><ul class="values">${items.join('')}</ul></td>`;
  };
  const table = (docs: DocumentRow[]) => {
    const rows = present.map((k) => `<tr><th scope="row" class="kind">${h(kindName(k, lang))}</th>${docs.map((d) => cell(d, k)).join('')}</tr>`);
    return `<table class="matrix"><thead><tr><th scope="col" class="kind">${t.factHead}</th>${docs.map((d) => vendorHeader(d, t)).join('')}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
  };
  return `<p class="hint">${t.factsHint}</p>\n${grouped(r.documents, t, table)}`;
}

function coverageTable(r: ReportData, coveredBy: Map<number, number>, t: Text): string {
  if (r.controls.length === 0) return `<p class="empty">${t.noControls}</p>`;
  const table = (docs: DocumentRow[]) => {
    const rows = r.controls.map((c) => {
      const cells = docs.map((d) => {
        const cell = c.cells.get(d.id);
        if (!cell?.covered) return `<td class="no" data-doc="${d.id}" title="${h(`${vendorName(d)}: ${t.notAddressed}`)}">–</td>`;
        const tip = `${vendorName(d)}: ${cell.heading ?? ''}${cell.page !== null ? ` (${t.page(cell.page)})` : ''}${cell.facts ? `, ${t.factsCount(cell.facts)}` : ''}`;
        return `<td class="yes" data-doc="${d.id}"><a href="#s${cell.section_id}" title="${h(tip)}">✓${cell.page !== null ? `<small> ${t.page(cell.page)}</small>` : ''}</a></td>`;
      });
      const n = r.documents.filter((d) => c.cells.get(d.id)?.covered).length;
      return `<tr${n === 0 ? ' class="nobody"' : ''}><th scope="row" class="control"><code>${h(c.control_id)}</code>${h(c.title)}</th><td class="count">${n} / ${r.documents.length}</td>${cells.join('')}</tr>`;
    });
    const totals = docs.map((d) => `<td data-doc="${d.id}">${coveredBy.get(d.id) ?? 0}</td>`).join('');
    return `<table class="coverage"><thead><tr><th scope="col" class="control">${h(t.controlHead(r.controls.length))}</th><th scope="col">${t.vendorsHead}</th>${docs.map((d) => vendorHeader(d, t)).join('')}</tr></thead><tbody>
${rows.join('\n')}
</tbody><tfoot><tr><th>${t.covered}</th><td></td>${totals}</tr></tfoot></table>`;
  };
  const nobody = r.controls.filter((c) => r.documents.every((d) => !c.cells.get(d.id)?.covered)).length;
  return `<p class="hint">${t.coverageHint}</p>
<label class="toggle"><input type="checkbox" id="addressed-only"> ${h(t.hideNobody(nobody))}</label>
${grouped(r.documents, t, table)}`;
}

function contradictionsTable(r: ReportData, docs: Map<number, DocumentRow>, t: Text, lang: Lang): string {
  if (r.contradictions.length === 0) return `<p class="empty">${t.noContradictions}</p>`;
  const side = (id: number, control: string | null, page: number | null, evidence: string) =>
    `<td><a href="#f${id}">${h(where(control, page, t) || t.evidenceLink)}</a><blockquote>${h(evidence)}</blockquote></td>`;
  const rows = r.contradictions.map((c) => {
    const d = docs.get(c.document_id)!;
    return `<tr data-doc="${d.id}"><th scope="row">${h(vendorName(d))}<small>${h(editionText(d, t))}</small></th><td>${h(kindName(c.kind, lang))}</td>
<td>${h(c.value === null ? t.noValue : codeLabel(c.value, lang))}</td>${side(c.affirmed_fact_id, c.affirmed_control_id, c.affirmed_page, c.affirmed_evidence)}${side(c.negated_fact_id, c.negated_control_id, c.negated_page, c.negated_evidence)}</tr>`;
  });
  return `<table class="contradictions"><thead><tr>${t.contradictionColumns.map((c) => `<th scope="col">${h(c)}</th>`).join('')}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function evidenceList(r: ReportData, t: Text, lang: Lang): string {
  if (r.facts.length === 0) return `<p class="empty">${t.noEvidence}</p>`;
  return r.documents
    .map((d) => {
      const facts = r.facts.filter((f) => f.document_id === d.id);
      if (facts.length === 0) return '';
      const items = facts.map(
        (f) => `<li id="f${f.id}"><span class="tag${f.negated ? ' negated' : ''}">${h(kindName(f.kind, lang))}</span> <b>${h(readableLabel(f, lang))}</b>
<small>${h(where(f.control_id, f.page, t))}${f.section_id === null ? '' : ` · <a href="#s${f.section_id}">${t.sectionLink}</a>`}</small><blockquote>${h(f.evidence)}</blockquote></li>`,
      );
      return `<div data-doc="${d.id}"><h3>${h(vendorName(d))} <small>${h(editionText(d, t))}</small></h3><ol class="evidence">${items.join('\n')}</ol></div>`;
    })
    .join('\n');
}

function sectionTexts(r: ReportData, t: Text): string {
  return r.documents
    .map((d) => {
      const sections: SectionRow[] = r.sections.filter((s) => s.document_id === d.id);
      const articles = sections.map(
        (s) => `<article id="s${s.id}"><h4>${h(s.control_id ?? '')} ${h(s.heading)}${s.page !== null ? ` <small>${t.page(s.page)}</small>` : ''}</h4><p>${h(s.body)}</p></article>`,
      );
      return `<details id="text-${d.id}" data-doc="${d.id}"><summary>${h(vendorName(d))} — ${h(d.title ?? '')} ${h(editionText(d, t))}（${h(t.sectionsCount(sections.length))}）</summary>
${articles.join('\n') || `<p class="empty">${t.noSections}</p>`}
</details>`;
    })
    .join('\n');
}

export interface RenderOptions {
  /** The page's language: Japanese (default) or English. */
  lang?: Lang;
}

export function renderReport(r: ReportData, opts: RenderOptions = {}): string {
  const lang = opts.lang ?? 'ja';
  const t = TEXT[lang];
  const docs = new Map(r.documents.map((d) => [d.id, d]));
  const coveredBy = new Map<number, number>();
  for (const c of r.controls) {
    for (const [id, cell] of c.cells) if (cell.covered) coveredBy.set(id, (coveredBy.get(id) ?? 0) + 1);
  }
  const older = r.totalDocuments - r.documents.length;
  const parts: [string, string, string][] =
    r.documents.length === 0
      ? []
      : [
          ['whitepapers', t.whitepapers, whitepapersTable(r, coveredBy, t)],
          ...(r.policy
            ? ([['policy', `${t.policy}${r.policy.policy.name ? `: ${r.policy.policy.name}` : ''}`, policyTable(r.policy, h, (id) => vendorName(docs.get(id)!), lang)]] as [string, string, string][])
            : []),
          ['facts', t.facts, factMatrix(r, t, lang)],
          ['coverage', t.coverage, coverageTable(r, coveredBy, t)],
          ['contradictions', `${t.contradictions}（${r.contradictions.length}）`, contradictionsTable(r, docs, t, lang)],
          ['evidence', t.evidence, evidenceList(r, t, lang)],
          ['sections', t.sections, sectionTexts(r, t)],
        ];
  const body = parts.length === 0 ? `<p class="empty">${t.empty}</p>` : parts.map(([id, title, html]) => `<section id="${id}"><h2>${h(title)}</h2>${html}</section>`).join('\n');
  const nav = parts.map(([id, title]) => `<a href="#${id}">${h(id === 'contradictions' ? t.contradictions : id === 'policy' ? t.policy : title)}</a>`).join('');
  const filter = r.documents.length > 1 ? `<label>${t.filter}<input type="search" id="vendor-filter" placeholder="${h(t.filterPlaceholder)}"></label>` : '';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="hakusho">
<title>${t.title} — hakusho</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${t.title}</h1>
<p class="sub">${h(t.sub(r.documents.length, older, r.asOf ? r.asOf.slice(0, 10) : null))}</p>
<nav>${nav}${filter}</nav>
</header>
<main>
${body}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
