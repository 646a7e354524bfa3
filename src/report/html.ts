// The comparison report: one self-contained HTML page (inline CSS and a few lines of inline JS,
// nothing fetched), vendors side by side. Every piece of text from the database is escaped.
import type { DocumentRow, FactRow, SectionRow } from '../export/data.ts';
import type { ReportData } from './data.ts';
import { policyTable } from './policy-table.ts';

export function escapeHtml(s: string | number | null | undefined): string {
  if (s === null || s === undefined) return '';
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const h = escapeHtml;

/** Fact kinds in the order of gold/FACTS.md, with a Japanese name; others follow alphabetically. */
export const KIND_NAMES: [string, string][] = [
  ['backup_generations', 'バックアップ世代数'],
  ['retention_days', '保存期間（日）'],
  ['backup_frequency', 'バックアップ頻度'],
  ['tls', 'TLS'],
  ['region', 'データの所在'],
  ['cloud_provider', 'クラウド基盤'],
  ['governing_law', '準拠法'],
  ['mfa', '多要素認証'],
  ['ip_restriction', 'IP アドレス制限'],
  ['encryption_at_rest', '保存データの暗号化'],
  ['time_sync', '時刻同期'],
  ['notification_days', '通知期限（日）'],
  ['vulnerability_assessment', '脆弱性診断'],
];
const KIND_ORDER = new Map(KIND_NAMES.map(([k], i) => [k, i]));
const KIND_JA = new Map(KIND_NAMES);

function vendorName(d: DocumentRow): string {
  return d.vendor ?? d.path.split(/[\\/]/).at(-1) ?? d.path;
}

function editionText(d: DocumentRow): string {
  const v = d.version === null ? null : /^\d/.test(d.version) ? `第${d.version}版` : d.version;
  return [v, d.published].filter(Boolean).join(' · ') || 'edition unknown';
}

const pageText = (page: number | null) => (page === null ? '' : `p. ${page}`);
const where = (control: string | null, page: number | null) => [control, pageText(page)].filter(Boolean).join(' · ');

function factTooltip(f: FactRow): string {
  const at = where(f.control_id, f.page);
  return `${f.evidence}${at ? ` (${at})` : ''}`;
}

function vendorHeader(d: DocumentRow): string {
  return `<th scope="col" class="vendor"><a href="#doc-${d.id}">${h(vendorName(d))}</a><small>${h(editionText(d))}</small></th>`;
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
nav { margin-top: 10px; display: flex; flex-wrap: wrap; gap: 6px 18px; }
nav a { color: var(--accent); text-decoration: none; font-weight: bold; }
main { padding: 0 32px 48px; }
a { color: var(--accent); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: left; }
thead th { background: var(--head); position: sticky; top: 0; z-index: 1; }
th.vendor { min-width: 140px; max-width: 240px; }
table.documents td:nth-child(3) { white-space: nowrap; }
th.vendor a { color: var(--ink); text-decoration: none; display: block; }
th small, td small { display: block; color: var(--muted); font-weight: normal; font-size: 12px; }
th.kind code, td code { font-size: 12px; color: var(--muted); }
ul.values { list-style: none; margin: 0; padding: 0; }
ul.values li { margin: 0 0 4px; }
a.value { font-weight: bold; text-decoration: none; color: var(--ink); border-bottom: 1px dotted var(--muted); }
a.value.negated { color: var(--neg); }
a.value.negated::before { content: "✗ "; }
li small { display: inline; margin-left: 4px; }
td.none { color: var(--no); text-align: center; }
table.coverage td { text-align: center; padding: 3px 6px; white-space: nowrap; }
table.coverage th.vendor { min-width: 110px; }
table.coverage th.control { font-weight: normal; min-width: 260px; max-width: 420px; }
table.coverage th.control code { color: var(--ink); font-size: 13px; margin-right: 6px; }
table.coverage td.count { color: var(--muted); }
tr.nobody th.control, tr.nobody td.count { color: var(--no); }
table.coverage.addressed-only tr.nobody { display: none; }
label.toggle { display: inline-block; margin: 4px 0; color: var(--muted); }
td.yes { background: var(--yes-bg); }
td.yes a { color: var(--yes); text-decoration: none; font-weight: bold; }
td.yes small { display: inline; }
td.no { color: var(--no); }
tfoot td, tfoot th { background: var(--head); font-weight: bold; }
table.contradictions td { max-width: 420px; }
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
`;

// Opens the <details> around the element a link points to, so that the target shows.
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
  var table = document.getElementById('coverage-table');
  if (box && table) box.addEventListener('change', function () { table.classList.toggle('addressed-only', box.checked); });
});
`;

function whitepapersTable(r: ReportData, coveredBy: Map<number, number>): string {
  const rows = r.documents.map((d) => {
    const sections = r.sections.filter((s) => s.document_id === d.id).length;
    const facts = r.facts.filter((f) => f.document_id === d.id).length;
    return `<tr id="doc-${d.id}"><th scope="row">${h(vendorName(d))}</th><td>${h(d.title ?? '')}</td><td>${h(editionText(d))}</td>
<td>${h(d.services.join('、'))}</td><td>${sections}</td><td>${facts}</td><td>${coveredBy.get(d.id) ?? 0} / ${r.controls.length}</td>
<td><code>${h(d.path)}</code></td></tr>`;
  });
  return `<div class="scroll"><table class="documents"><thead><tr><th>Vendor</th><th>Whitepaper</th><th>Edition</th><th>Services</th>
<th>Sections</th><th>Facts</th><th>Controls covered</th><th>File</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

function factMatrix(r: ReportData): string {
  if (r.facts.length === 0) {
    return '<p class="empty">No facts have been extracted from these whitepapers yet.</p>';
  }
  const kinds = [...new Set(r.facts.map((f) => f.kind))].sort(
    (a, b) => (KIND_ORDER.get(a) ?? 1e6) - (KIND_ORDER.get(b) ?? 1e6) || a.localeCompare(b),
  );
  const cell = (d: DocumentRow, kind: string) => {
    const facts = r.facts.filter((f) => f.document_id === d.id && f.kind === kind);
    if (facts.length === 0) return '<td class="none">–</td>';
    // The same label stated under the same control is shown once; its other statements are listed in the tooltip.
    const seen = new Map<string, FactRow[]>();
    for (const f of facts) {
      const key = `${f.label}\u0000${f.control_id ?? ''}`;
      seen.set(key, [...(seen.get(key) ?? []), f]);
    }
    const items = [...seen.values()].map((fs) => {
      const f = fs[0]!;
      const more = fs.length > 1 ? ` ×${fs.length}` : '';
      return `<li><a class="value${f.negated ? ' negated' : ''}" href="#f${f.id}" title="${h(fs.map(factTooltip).join('\n'))}">${h(f.label)}</a><small>${h(where(f.control_id, f.page))}${more}</small></li>`;
    });
    return `<td><ul class="values">${items.join('')}</ul></td>`;
  };
  const rows = kinds.map(
    (k) =>
      `<tr><th scope="row" class="kind">${h(KIND_JA.get(k) ?? k)}<small><code>${h(k)}</code></small></th>${r.documents.map((d) => cell(d, k)).join('')}</tr>`,
  );
  return `<p class="hint">Each value links to the sentence it was read from (hover to read it here). Values in red with ✗ are stated as not provided.</p>
<div class="scroll"><table class="matrix"><thead><tr><th>Fact</th>${r.documents.map(vendorHeader).join('')}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

function coverageTable(r: ReportData, coveredBy: Map<number, number>): string {
  if (r.controls.length === 0) return '<p class="empty">The control catalog is empty.</p>';
  const rows = r.controls.map((c) => {
    const cells = r.documents.map((d) => {
      const cell = c.cells.get(d.id);
      if (!cell?.covered) return `<td class="no" title="${h(`${vendorName(d)}: not addressed`)}">–</td>`;
      const tip = `${vendorName(d)}: ${cell.heading ?? ''}${cell.page !== null ? ` (p. ${cell.page})` : ''}${cell.facts ? `, ${cell.facts} facts` : ''}`;
      return `<td class="yes"><a href="#s${cell.section_id}" title="${h(tip)}">✓${cell.page !== null ? `<small> p. ${cell.page}</small>` : ''}</a></td>`;
    });
    const n = r.documents.filter((d) => c.cells.get(d.id)?.covered).length;
    return `<tr${n === 0 ? ' class="nobody"' : ''}><th scope="row" class="control"><code>${h(c.control_id)}</code>${h(c.title)}</th><td class="count">${n} / ${r.documents.length}</td>${cells.join('')}</tr>`;
  });
  const totals = r.documents.map((d) => `<td>${coveredBy.get(d.id) ?? 0}</td>`).join('');
  const nobody = r.controls.filter((c) => r.documents.every((d) => !c.cells.get(d.id)?.covered)).length;
  return `<p class="hint">✓ links to the section that addresses the control (hover for its heading); – means the whitepaper has no section for it. Grey controls are addressed by no whitepaper.</p>
<label class="toggle"><input type="checkbox" id="addressed-only"> hide the ${nobody} controls no whitepaper addresses</label>
<div class="scroll"><table class="coverage" id="coverage-table"><thead><tr><th>Control (${r.controls.length})</th><th>Vendors</th>${r.documents.map(vendorHeader).join('')}</tr></thead><tbody>
${rows.join('\n')}
</tbody><tfoot><tr><th>Controls covered</th><td></td>${totals}</tr></tfoot></table></div>`;
}

function contradictionsTable(r: ReportData, docs: Map<number, DocumentRow>): string {
  if (r.contradictions.length === 0) {
    return '<p class="empty">None: no whitepaper both states and denies the same fact.</p>';
  }
  const side = (id: number, control: string | null, page: number | null, evidence: string) =>
    `<td><a href="#f${id}">${h(where(control, page) || 'evidence')}</a><blockquote>${h(evidence)}</blockquote></td>`;
  const rows = r.contradictions.map((c) => {
    const d = docs.get(c.document_id)!;
    return `<tr><th scope="row">${h(vendorName(d))}<small>${h(editionText(d))}</small></th><td><code>${h(c.kind)}</code><small>${h(KIND_JA.get(c.kind) ?? '')}</small></td>
<td>${h(c.value ?? '(no value)')}</td>${side(c.affirmed_fact_id, c.affirmed_control_id, c.affirmed_page, c.affirmed_evidence)}${side(c.negated_fact_id, c.negated_control_id, c.negated_page, c.negated_evidence)}</tr>`;
  });
  return `<div class="scroll"><table class="contradictions"><thead><tr><th>Vendor</th><th>Fact</th><th>Value</th><th>Stated</th><th>Denied</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

function evidenceList(r: ReportData): string {
  if (r.facts.length === 0) return '<p class="empty">No facts, so no evidence yet.</p>';
  return r.documents
    .map((d) => {
      const facts = r.facts.filter((f) => f.document_id === d.id);
      if (facts.length === 0) return '';
      const items = facts.map(
        (f) => `<li id="f${f.id}"><span class="tag${f.negated ? ' negated' : ''}">${h(f.kind)}</span> <b>${h(f.label)}</b>
<small>${h(where(f.control_id, f.page))} · <a href="#s${f.section_id}">section text</a></small><blockquote>${h(f.evidence)}</blockquote></li>`,
      );
      return `<h3>${h(vendorName(d))} <small>${h(editionText(d))}</small></h3><ol class="evidence">${items.join('\n')}</ol>`;
    })
    .join('\n');
}

function sectionTexts(r: ReportData): string {
  return r.documents
    .map((d) => {
      const sections: SectionRow[] = r.sections.filter((s) => s.document_id === d.id);
      const articles = sections.map(
        (s) => `<article id="s${s.id}"><h4>${h(s.control_id ?? '')} ${h(s.heading)}${s.page !== null ? ` <small>p. ${s.page}</small>` : ''}</h4><p>${h(s.body)}</p></article>`,
      );
      return `<details id="text-${d.id}"><summary>${h(vendorName(d))} — ${h(d.title ?? '')} ${h(editionText(d))} (${sections.length} sections)</summary>
${articles.join('\n') || '<p class="empty">No sections.</p>'}
</details>`;
    })
    .join('\n');
}

export function renderReport(r: ReportData): string {
  const docs = new Map(r.documents.map((d) => [d.id, d]));
  const coveredBy = new Map<number, number>();
  for (const c of r.controls) {
    for (const [id, cell] of c.cells) if (cell.covered) coveredBy.set(id, (coveredBy.get(id) ?? 0) + 1);
  }
  const older = r.totalDocuments - r.documents.length;
  const body =
    r.documents.length === 0
      ? '<p class="empty">The database holds no whitepapers yet: run <code>hakusho run &lt;folder&gt;</code> first.</p>'
      : `<section id="whitepapers"><h2>Whitepapers</h2>${whitepapersTable(r, coveredBy)}</section>
${r.policy ? `<section id="policy"><h2>Policy${r.policy.policy.name ? `: ${h(r.policy.policy.name)}` : ''}</h2>${policyTable(r.policy, h, (id) => vendorName(docs.get(id)!), 'en')}</section>\n` : ''}<section id="facts"><h2>Key facts</h2>${factMatrix(r)}</section>
<section id="coverage"><h2>Control coverage</h2>${coverageTable(r, coveredBy)}</section>
<section id="contradictions"><h2>Contradictions (${r.contradictions.length})</h2>${contradictionsTable(r, docs)}</section>
<section id="evidence"><h2>Evidence</h2>${evidenceList(r)}</section>
<section id="sections"><h2>Section text</h2>${sectionTexts(r)}</section>`;
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="hakusho">
<title>ISO/IEC 27017 whitepapers compared — hakusho</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>ISO/IEC 27017 whitepapers compared</h1>
<p class="sub">${r.documents.length} whitepapers, the latest edition of each${older > 0 ? ` (${older} older editions stored are left out)` : ''}${r.asOf ? ` · data as of ${h(r.asOf.slice(0, 10))}` : ''} · made by hakusho</p>
<nav><a href="#whitepapers">Whitepapers</a><a href="#facts">Key facts</a><a href="#coverage">Control coverage</a><a href="#contradictions">Contradictions</a><a href="#evidence">Evidence</a><a href="#sections">Section text</a></nav>
</header>
<main>
${body}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
