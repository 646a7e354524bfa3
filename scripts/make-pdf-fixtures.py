#!/usr/bin/python3
"""Renders the corpus into PDFs from producers other than the one that made test/fixtures/pdf/,
plus the small hand-made PDFs the extraction tests need (no Unicode map, no pages, XMP, page
numbers). Run through scripts/make-pdf-fixtures.sh, which also makes the qpdf / poppler / img2pdf
fixtures. Output is deterministic (reportlab invariant mode), so a re-run changes nothing.

Needs Debian's python3-reportlab and fonts-ipaexfont: use /usr/bin/python3.
"""
import json
import re
import sys
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config

rl_config.invariant = 1  # fixed dates and ids: the same bytes on every run

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, PageTemplate,  # noqa: E402
                                Paragraph, Spacer, Table, TableStyle)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / 'corpus'
GOLD = ROOT / 'test' / 'gold'
OUT = ROOT / 'test' / 'fixtures'

pdfmetrics.registerFont(UnicodeCIDFont('HeiseiKakuGo-W5'))
pdfmetrics.registerFont(UnicodeCIDFont('HeiseiMin-W3'))
pdfmetrics.registerFont(TTFont('IPAexGothic', '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf'))
pdfmetrics.registerFont(TTFont('IPAexMincho', '/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf'))

DOCS = sorted(p.stem for p in CORPUS.glob('*.txt'))


# ---------------------------------------------------------------- corpus text → blocks

def inline(s):
    """Markdown and HTML marks the corpus carries, rendered as a word processor would show them."""
    s = re.sub(r'\[([^\]]*)\]\(([^)]*)\)', lambda m: m.group(1), s)
    s = re.sub(r'<(https?://[^>]+)>', r'\1', s)
    s = re.sub(r'</?(?:b|i|u|strong|em|br)\s*/?>', '', s)
    s = s.replace('**', '').replace('\\_', '_').replace('\\*', '*')
    return s


def blocks(text):
    """('h', level, text) | ('p', text) | ('table', rows): one block per corpus line, tables grouped."""
    out = []
    for raw in text.replace('\r\n', '\n').split('\n'):
        line = raw.rstrip()
        if '\t' in line:
            cells = [inline(c.strip()) for c in line.split('\t')]
            if out and out[-1][0] == 'table':
                out[-1][1].append(cells)
            else:
                out.append(('table', [cells]))
            continue
        line = line.strip()
        if line == '' or re.fullmatch(r'-{3,}|\*{3,}|_{3,}', line):
            continue
        m = re.match(r'^(#{1,6})\s+(.*?)\s*#*$', line)
        if m:
            out.append(('h', len(m.group(1)), inline(m.group(2))))
        elif re.match(r'^(?:CLD\.?\s*)?\d{1,2}\.\d{1,2}\.\d{1,2}\s+\S', line) and len(line) < 60:
            out.append(('h', 4, inline(line)))
        else:
            out.append(('p', inline(line)))
    return out


def cid_safe(s):
    """Non-embedded CID fonts (UniJIS-UCS2-H) have no glyph for astral or private-use characters."""
    s = s.replace('\U0001f12c', '').replace('\u26ab', '●')
    return ''.join('・' if 0xe000 <= ord(c) <= 0xf8ff else c for c in s if ord(c) <= 0xffff)


# ---------------------------------------------------------------- flowables

def styles(font, size, leading, align=TA_LEFT):
    body = ParagraphStyle('body', fontName=font, fontSize=size, leading=leading, alignment=align,
                          wordWrap='CJK', spaceAfter=size * 0.35)
    cell = ParagraphStyle('cell', parent=body, alignment=TA_LEFT, spaceAfter=0)
    heads = {lvl: ParagraphStyle(f'h{lvl}', parent=body, alignment=TA_LEFT, fontSize=size + max(1, 5 - lvl),
                                 leading=(size + max(1, 5 - lvl)) * 1.4, spaceBefore=size * 0.8,
                                 spaceAfter=size * 0.4) for lvl in range(1, 7)}
    return body, cell, heads


# Units a justified line may be spread between: a Latin word is never split or spaced out.
UNITS = re.compile(r'[A-Za-z0-9@._:/\-%+#&=?~]+| +|.', re.S)
NO_LINE_START = set('、。，．）」』】〕・ー？！：；)]}')


class JustifiedPara(Flowable):
    """A paragraph set the way Word justifies Japanese: every line but the last filled to the
    margin by widening the gaps between CJK characters (each unit drawn at its own position)."""

    def __init__(self, text, font, size, leading):
        super().__init__()
        self.text, self.font, self.size, self.leading = text, font, size, leading
        self.lines = []

    def _break(self, width):
        units = UNITS.findall(self.text)
        lines, line, w = [], [], 0.0
        for u in units:
            uw = pdfmetrics.stringWidth(u, self.font, self.size)
            if line and w + uw > width and not (len(u) == 1 and u in NO_LINE_START) and not u.isspace():
                lines.append(line)
                line, w = [], 0.0
            if not line and u.isspace():
                continue
            line.append(u)
            w += uw
        if line:
            lines.append(line)
        return lines

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.lines = self._break(availWidth)
        self.height = self.leading * len(self.lines) + self.size * 0.35
        return availWidth, self.height

    def split(self, availWidth, availHeight):
        lines = self._break(availWidth)
        fit = int((availHeight - self.size * 0.35) // self.leading)
        if fit <= 0 or fit >= len(lines):
            return [] if fit <= 0 else [self]
        head, tail = JustifiedPara('', self.font, self.size, self.leading), JustifiedPara('', self.font, self.size, self.leading)
        head.text = ''.join(''.join(l) for l in lines[:fit])
        tail.text = ''.join(''.join(l) for l in lines[fit:])
        head._fixed = lines[:fit]  # keep the same breaks: the last line of head is still justified
        return [head, tail]

    def draw(self):
        c = self.canv
        c.setFont(self.font, self.size)
        lines = getattr(self, '_fixed', None) or self.lines
        last = len(lines) - 1 if not getattr(self, '_fixed', None) else len(lines)
        for k, line in enumerate(lines):
            widths = [pdfmetrics.stringWidth(u, self.font, self.size) for u in line]
            gaps = [i for i in range(1, len(line)) if len(line[i - 1]) == 1 and len(line[i]) == 1
                    and ord(line[i - 1]) > 0x2e7f and ord(line[i]) > 0x2e7f]
            extra = (self.width - sum(widths)) / len(gaps) if k < last and gaps else 0.0
            x, y = 0.0, self.height - self.leading * (k + 1) + (self.leading - self.size)
            gapset = set(gaps)
            for i, (u, uw) in enumerate(zip(line, widths)):
                if i in gapset:
                    x += extra
                if not u.isspace():
                    c.drawString(x, y, u)
                x += uw


def flowables(doc, font, size, leading, width, align=TA_LEFT, fix=lambda s: s):
    body, cell, heads = styles(font, size, leading, align)
    text = (CORPUS / f'{doc}.txt').read_text(encoding='utf-8')
    out = []
    for b in blocks(text):
        if b[0] == 'h':
            out.append(Paragraph(escape(fix(b[2])), heads[b[1]]))
        elif b[0] == 'p' and align == TA_JUSTIFY and font.startswith('IPAex'):
            out.append(JustifiedPara(fix(b[1]), font, size, leading))
        elif b[0] == 'p':
            out.append(Paragraph(escape(fix(b[1])), body))
        else:
            rows = b[1]
            ncol = max(len(r) for r in rows)
            rows = [r + [''] * (ncol - len(r)) for r in rows]
            # Column widths from content length, none narrower than 12 % or 50 pt.
            lens = [max(4, max(len(r[i]) for r in rows)) for i in range(ncol)]
            share = [max(0.12, 50 / width, n / sum(lens)) for n in lens]
            widths = [width * s / sum(share) for s in share]
            data = [[Paragraph(escape(fix(c)), cell) for c in r] for r in rows]
            t = Table(data, colWidths=widths)
            t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.4, '#888888'),
                                   ('VALIGN', (0, 0), (-1, -1), 'TOP')]))
            out.append(Spacer(1, size * 0.3))
            out.append(t)
            out.append(Spacer(1, size * 0.5))
    return out


def numbered_canvas(furniture):
    """A canvas that draws headers/footers after layout, when the page count is known ("3 / 18")."""
    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                furniture(self, self._pageNumber, total)
                super().showPage()
            super().save()
    return NumberedCanvas


def build(path, story, frames, furniture, title, author, subject=''):
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = BaseDocTemplate(str(path), pagesize=A4, title=title, author=author, subject=subject,
                          creator='hakusho make-pdf-fixtures', leftMargin=20 * mm, rightMargin=20 * mm)
    doc.addPageTemplates([PageTemplate(id='page', frames=frames)])
    doc.build(story, canvasmaker=numbered_canvas(furniture))


def gold(doc):
    return json.loads((GOLD / f'{doc}.json').read_text(encoding='utf-8'))


W, H = A4


# (a) Non-embedded CID font (HeiseiKakuGo-W5), vendor-name header, "3 / 18" footer: every document.
def producer_cid(doc):
    vendor = gold(doc)['vendor']

    def furniture(c, n, total):
        c.setFont('HeiseiKakuGo-W5', 8)
        c.drawString(20 * mm, H - 12 * mm, vendor)
        c.drawRightString(W - 20 * mm, H - 12 * mm, 'ISO/IEC 27017 ホワイトペーパー')
        c.setFont('HeiseiKakuGo-W5', 9)
        c.drawCentredString(W / 2, 10 * mm, f'{n} / {total}')

    width = W - 40 * mm
    frame = Frame(20 * mm, 18 * mm, width, H - 38 * mm, id='body')
    story = flowables(doc, 'HeiseiKakuGo-W5', 10, 16, width, fix=cid_safe)
    build(OUT / 'pdf-producers' / f'{doc}.cid-heisei.pdf', story, [frame], furniture,
          f'{vendor} ISO/IEC 27017 ホワイトペーパー', vendor)


# (b) Embedded TrueType (IPAex Mincho subset), justified body, title header, copyright + bare number footer.
def producer_justified(doc):
    vendor = gold(doc)['vendor']

    def furniture(c, n, total):
        c.setFont('IPAexMincho', 8)
        c.drawCentredString(W / 2, H - 14 * mm, 'クラウドサービスにおける情報セキュリティ対策について')
        c.line(25 * mm, H - 16 * mm, W - 25 * mm, H - 16 * mm)
        c.drawString(25 * mm, 12 * mm, f'Copyright © 2024 {vendor}. All rights reserved.')
        c.setFont('IPAexMincho', 9)
        c.drawRightString(W - 25 * mm, 12 * mm, str(n))

    width = W - 50 * mm
    frame = Frame(25 * mm, 20 * mm, width, H - 42 * mm, id='body')
    story = flowables(doc, 'IPAexMincho', 10.5, 17, width, align=TA_JUSTIFY)
    build(OUT / 'pdf-producers' / f'{doc}.justified-mincho.pdf', story, [frame], furniture,
          'ISO/IEC 27017 ホワイトペーパー', vendor)


# (c) Chromium-style ToUnicode: glyphs are right, the text layer says ⽤ ⻑ ⽬ … instead of 用 長 目.
RADICALS = {'用': '\u2f64', '長': '\u2ed1', '目': '\u2f6c', '見': '\u2f92', '行': '\u2f8f', '入': '\u2f0a',
            '方': '\u2f45', '生': '\u2f63', '言': '\u2f94', '青': '\u2ed8', '示': '\u2f70', '・': '\u2027',
            '～': '\u301c'}


def producer_radicals(doc):
    vendor = gold(doc)['vendor']

    def furniture(c, n, total):
        c.setFont('IPAexGothic', 8)
        c.drawString(20 * mm, H - 12 * mm, f'{vendor}  ISO/IEC 27017 対応状況')
        c.drawCentredString(W / 2, 10 * mm, f'- {n} -')

    width = W - 40 * mm
    frame = Frame(20 * mm, 18 * mm, width, H - 38 * mm, id='body')
    story = flowables(doc, 'IPAexGothic', 10, 16, width)
    path = OUT / 'pdf-producers' / f'{doc}.radicals.pdf'
    old = rl_config.pageCompression
    rl_config.pageCompression = 0
    try:
        build(path, story, [frame], furniture, 'ISO/IEC 27017 ホワイトペーパー', vendor)
    finally:
        rl_config.pageCompression = old
    patch_tounicode(path, RADICALS)


def patch_tounicode(path, table):
    """Rewrites the targets of the ToUnicode CMaps in place (same length, so offsets stay valid)."""
    data = path.read_bytes()
    swaps = {f'<{ord(a):04X}>'.encode(): f'<{ord(b):04X}>'.encode() for a, b in table.items()}
    swaps.update({k.lower(): v for k, v in swaps.items()})
    count = 0

    def fix_cmap(m):
        nonlocal count
        body = m.group(0)
        for old, new in swaps.items():
            count += body.count(old)
            body = body.replace(old, new)
        return body
    data = re.sub(rb'begincmap.*?endcmap', fix_cmap, data, flags=re.S)
    if count == 0:
        raise SystemExit(f'{path}: no ToUnicode entry patched (is the CMap compressed?)')
    path.write_bytes(data)


# (d) Two columns (HeiseiMin-W3, non-embedded), "p. 3" footers.
def producer_two_columns(doc):
    vendor = gold(doc)['vendor']

    def furniture(c, n, total):
        c.setFont('HeiseiMin-W3', 8)
        c.drawCentredString(W / 2, H - 12 * mm, f'ISO/IEC 27017 ホワイトペーパー({vendor})')
        c.drawRightString(W - 18 * mm, 10 * mm, f'p. {n}')

    gap = 8 * mm
    col = (W - 36 * mm - gap) / 2
    frames = [Frame(18 * mm, 18 * mm, col, H - 36 * mm, id='left'),
              Frame(18 * mm + col + gap, 18 * mm, col, H - 36 * mm, id='right')]
    story = flowables(doc, "HeiseiMin-W3", 8, 12.5, col, align=TA_JUSTIFY, fix=cid_safe)
    build(OUT / 'pdf-producers' / f'{doc}.two-columns.pdf', story, frames, furniture,
          'ISO/IEC 27017 ホワイトペーパー', vendor)


# (e) Chromium (Skia) from HTML, with Chromium's own running header (date, title) and footer
# (file URL, "n/m"); its ToUnicode maps are where ⽤ for 用 comes from in real documents.
def producer_chromium(doc):
    import subprocess
    import tempfile
    parts = ['<!doctype html><html lang="ja"><head><meta charset="utf-8">',
             f'<title>ISO/IEC 27017 ホワイトペーパー {escape(gold(doc)["vendor"])}</title>',
             '<style>body{font-family:"IPAexGothic";font-size:10.5pt;line-height:1.6}'
             'h1,h2,h3,h4{font-size:12.5pt;margin:1em 0 .3em}p{margin:0 0 .4em}'
             'table{border-collapse:collapse;width:100%;margin:.4em 0}'
             'td{border:1px solid #888;padding:2px 6px;vertical-align:top}</style></head><body>']
    for b in blocks((CORPUS / f'{doc}.txt').read_text(encoding='utf-8')):
        if b[0] == 'h':
            parts.append(f'<h{min(b[1], 4)}>{escape(b[2])}</h{min(b[1], 4)}>')
        elif b[0] == 'p':
            parts.append(f'<p>{escape(b[1])}</p>')
        else:
            parts.append('<table>' + ''.join('<tr>' + ''.join(f'<td>{escape(c)}</td>' for c in r) + '</tr>'
                                             for r in b[1]) + '</table>')
    parts.append('</body></html>')
    out = OUT / 'pdf-producers' / f'{doc}.chromium.pdf'
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / 'whitepaper.html'
        html.write_text('\n'.join(parts), encoding='utf-8')
        subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', f'--user-data-dir={tmp}/profile',
                        f'--print-to-pdf={out}', html.as_uri()], check=True, capture_output=True, timeout=120)


# ---------------------------------------------------------------- tables over a page break

# A control table as vendors publish it: a category merged down over its rows, multi-line cells
# (<br>), a list in a cell, an empty remarks column, and one long cell. Written by hand for the
# fixtures (fictitious vendor); the same rows go into both producers' PDFs.
TABLE_HEAD = ['分類', '管理策番号', '管理策', '当社の対応', '備考']
TABLE_ROWS = [
    ('組織', '5.1.1', '情報セキュリティのための方針群', '情報セキュリティ基本方針を定め、当社ウェブサイトで公開しています。', ''),
    ('', '6.1.1', '情報セキュリティの役割及び責任', '情報セキュリティ委員会を設け、委員長を最高情報セキュリティ責任者としています。<br>委員会は四半期ごとに開催します。', '委員会規程'),
    ('', 'CLD.6.3.1', 'クラウドコンピューティング環境における役割及び責任の共有及び分担', '当社はアプリケーション及び基盤の運用に責任を負い、お客様は利用者アカウントと登録データの管理に責任を負います。', '利用規約第8条'),
    ('資産', '8.1.1', '資産目録', 'お客様が登録したデータ及び添付ファイルを、お客様データとして資産台帳に記録しています。', ''),
    ('', 'CLD.8.1.5', 'クラウドサービスカスタマの資産の除去', '契約終了後、お客様データは30日間保持した後に削除します。<br>保持期間中は管理画面からエクスポートできます。', ''),
    ('アクセス制御', '9.2.1', '利用者登録及び登録削除', '利用者の登録・削除は、お客様の管理者が管理画面から行います。', ''),
    ('', '9.4.1', '情報へのアクセス制限', '管理画面へのアクセスは、IPアドレス制限機能により、お客様が許可したネットワークからに限定できます。', 'オプション'),
    ('暗号', '10.1.1', '暗号による管理策の利用方針', '通信はTLS 1.2以上で暗号化しています。<br>保存データはAES-256で暗号化しています。', ''),
    ('運用', '12.1.2', '変更管理', 'サービス停止を伴うメンテナンスは、5営業日前までにお知らせします。', ''),
    ('', '12.3.1', '情報のバックアップ', 'バックアップは次のとおり取得しています。<br>・日次：14世代<br>・週次：8世代<br>バックアップデータは別の地域のデータセンターに保管します。', ''),
    ('', '12.4.1', 'イベントログ取得', '操作ログは1年間保管し、お客様は管理画面から検索できます。', ''),
    ('', '12.4.4', 'クロックの同期', 'サーバの時刻はNTPで同期しており、ログは日本標準時で記録します。', ''),
    ('', '12.6.1', '技術的ぜい弱性の管理', '年1回、外部の専門業者による脆弱性診断を受けています。<br>重大な脆弱性は判明から7日以内に修正します。<br>修正の状況はお客様向けポータルでお知らせします。<br>診断の結果の概要は、秘密保持契約を結んだお客様にご提供します。<br>診断の範囲には、ウェブアプリケーション、サーバ及びネットワーク機器を含みます。<br>診断の手法は、自動化されたスキャンと専門家による手動の検査を組み合わせたものです。', '診断報告書'),
    ('通信', '13.1.3', 'ネットワークの分離', '本番環境と開発環境は、別のネットワークで運用しています。', ''),
    ('', 'CLD.13.1.4', '仮想及び物理ネットワークのセキュリティ管理の整合', '仮想ネットワークの設定は構成管理ツールで管理し、変更時にはレビューを行います。', ''),
    ('インシデント', '16.1.1', '責任及び手順', '重大なインシデントは、判明から24時間以内にお客様の管理者へ連絡します。', ''),
    ('', '16.1.2', '情報セキュリティ事象の報告', 'お客様はサポート窓口から、セキュリティ事象を24時間報告できます。', ''),
    ('順守', '18.1.1', '適用法令及び契約上の要求事項の特定', '利用規約の準拠法は日本法です。', ''),
    ('', '18.2.1', '情報セキュリティの独立したレビュー', 'ISMS認証及びISMSクラウドセキュリティ認証を取得しています。', ''),
]
TABLE_INTRO = ['本章では、ISO/IEC 27017 の管理策ごとに当社の対応を一覧で記載します。表の「分類」は管理策の箇条を示します。',
               '記載のない管理策については、当社のサポート窓口までお問い合わせください。']
TABLE_VENDOR = 'サンプル株式会社 クラウドサービス セキュリティ説明書'
TABLE_CSS = '''@page { size: A4; margin: 20mm 18mm 20mm 18mm;
  @top-left { content: "%s"; font-size: 8pt; color: #555; }
  @bottom-center { content: "- " counter(page) " -"; font-size: 9pt; } }
body { font-family: "IPAexGothic", sans-serif; font-size: 10pt; line-height: 1.6; }
h2 { font-size: 13pt; margin: 4mm 0 2mm; font-weight: normal; }
p { margin: 0 0 2mm; }
table { border-collapse: collapse; width: 100%%; font-size: 9.5pt; }
th, td { border: 1px solid #777; padding: 3px 5px; vertical-align: top; text-align: left; font-weight: normal; }
th { background: #e8edf5; }''' % TABLE_VENDOR


def tables_chromium():
    """The table as HTML (<thead> repeated on the next page, 分類 merged by rowspan, a row the
    page break cuts), printed by Chromium with a CSS running header and a "- n -" footer."""
    import subprocess
    import tempfile
    spans = {}
    start = 0
    for i, r in enumerate(TABLE_ROWS):
        if r[0]:
            start = i
        spans[start] = spans.get(start, 0) + 1
    body = []
    for i, r in enumerate(TABLE_ROWS):
        first = f'<td rowspan="{spans[i]}">{r[0]}</td>' if r[0] else ''
        body.append('<tr>' + first + ''.join(f'<td>{c}</td>' for c in r[1:]) + '</tr>')
    html = '\n'.join([
        '<!doctype html>', '<html lang="ja"><head><meta charset="utf-8"><title>表のページまたぎ</title>',
        f'<style>\n{TABLE_CSS}\n</style></head><body>', '<h2>3. 管理策ごとの対応</h2>',
        *(f'<p>{p}</p>' for p in TABLE_INTRO), '<table>',
        '<thead><tr>' + ''.join(f'<th>{h}</th>' for h in TABLE_HEAD) + '</tr></thead>', '<tbody>', *body,
        '</tbody></table>', '<p>以上</p>', '</body></html>', ''])
    out = OUT / 'pdf-tables'
    out.mkdir(parents=True, exist_ok=True)
    (out / 'table-page-break.html').write_text(html, encoding='utf-8')
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', f'--user-data-dir={tmp}/profile',
                        '--no-pdf-header-footer', f'--print-to-pdf={out / "table-page-break.pdf"}',
                        (out / 'table-page-break.html').as_uri()], check=True, capture_output=True, timeout=120)


def tables_reportlab():
    """The table as a ReportLab grid with every column the same width (narrow cells wrap every
    few characters), the header repeated on each page, 分類 left empty below its first row as
    a spreadsheet writes it, a running header and an "n / m" footer."""
    body, cell, heads = styles('IPAexGothic', 10, 16)

    def furniture(c, n, total):
        c.setFont('IPAexGothic', 8)
        c.drawString(20 * mm, H - 12 * mm, TABLE_VENDOR)
        c.setFont('IPAexGothic', 9)
        c.drawCentredString(W / 2, 10 * mm, f'{n} / {total}')

    width = W - 40 * mm
    para = lambda s: Paragraph(escape(s).replace('&lt;br&gt;', '<br/>'), cell)  # noqa: E731
    data = [[para(h) for h in TABLE_HEAD]] + [[para(c) for c in r] for r in TABLE_ROWS]
    t = Table(data, colWidths=[width / len(TABLE_HEAD)] * len(TABLE_HEAD), repeatRows=1)
    t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.4, '#888888'), ('VALIGN', (0, 0), (-1, -1), 'TOP')]))
    story = [Paragraph('3. 管理策ごとの対応', heads[2]), *(Paragraph(escape(p), body) for p in TABLE_INTRO),
             Spacer(1, 4), t, Spacer(1, 6), Paragraph('以上', body)]
    frame = Frame(20 * mm, 18 * mm, width, H - 38 * mm, id='body')
    build(OUT / 'pdf-tables' / 'grid-page-break.pdf', story, [frame], furniture, '表のページまたぎ', 'サンプル株式会社')


# ---------------------------------------------------------------- small layout fixture

def layout_numbers():
    """Three pages: running header, "- n -" footers, and a body line that is only a number mid-page."""
    path = OUT / 'pdf-layout' / 'numbers.pdf'
    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle('ページ番号のテスト')
    body = [
        ['12.3.1 情報のバックアップ', 'バックアップは日次で取得し、35 世代保持します。', '保持世代数', '35',
         'これは本文です。'],
        ['12.4.1 イベントログ取得', 'ログは 1 年間保存します。', '2024', '本文の続きです。'],
        ['12.4.4 クロックの同期', 'NTP サーバーと同期しています。', '第 3 版', '以上'],
    ]
    for n, lines in enumerate(body, start=1):
        c.setFont('HeiseiKakuGo-W5', 8)
        c.drawString(20 * mm, H - 12 * mm, 'ISO/IEC 27017 ホワイトペーパー 株式会社サンプル')
        y = H - 30 * mm
        for line in lines:
            c.setFont('HeiseiKakuGo-W5', 10.5)
            c.drawString(20 * mm, y, line)
            y -= 18
        c.setFont('HeiseiKakuGo-W5', 9)
        c.drawCentredString(W / 2, 10 * mm, f'- {n} -')
        c.showPage()
    c.save()


# ---------------------------------------------------------------- hand-written PDFs

def write_pdf(path, objects, trailer_extra=b''):
    """objects: list of bytes bodies for objects 1..n; object 1 must be the catalog."""
    out = bytearray(b'%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % i + body + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    for off in offsets:
        out += b'%010d 00000 n \n' % off
    out += b'trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n' % (len(objects) + 1, trailer_extra, xref)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(out))


def stream(content, extra=b''):
    return b'<< /Length %d %s>>\nstream\n' % (len(content), extra) + content + b'\nendstream'


def pua_tounicode():
    """A ToUnicode CMap sending every byte to a private-use code point: what broken producers emit."""
    return stream(b'/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n'
                  b'/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n'
                  b'/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n'
                  b'1 begincodespacerange <00> <FF> endcodespacerange\n'
                  b'1 beginbfrange <00> <FF> <E000> endbfrange\n'
                  b'endcmap CMapName currentdict /CMap defineresource pop end end')


def text_ops(lines, font, size=11, top=780, leading=18):
    ops = [b'BT /%s %d Tf %d TL 56 %d Td' % (font, size, leading, top)]
    for line in lines:
        ops.append(b'(%s) Tj T*' % line)
    ops.append(b'ET')
    return b'\n'.join(ops)


def garbage_pages(path, readable_first):
    """Pages whose font maps every code to private use; optionally a readable page first."""
    garbled = [b'Kdvkls mxvw pdnhv qr vhqvh dw doo', b'Wklv olqh lv qrw uhdgdeoh hlwkhu',
               b'Qrwklqj khuh pdsv wr uhdo whaw', b'Hyhub fkdudfwhu lv sulydwh xvh'] * 3
    readable = [b'ISO/IEC 27017 whitepaper', b'12.3.1 Information backup',
                b'Backups are taken daily and kept for 35 generations.']
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>', None,
            b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
            b'<< /Type /Font /Subtype /Type1 /BaseFont /Courier /ToUnicode 5 0 R >>',
            pua_tounicode()]
    kids = []
    pages = ([('F1', readable)] if readable_first else []) + [('F2', garbled), ('F2', garbled[::-1])]
    for font, lines in pages:
        content = len(objs) + 2
        kids.append(len(objs) + 1)
        objs.append(b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] '
                    b'/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>' % content)
        objs.append(stream(text_ops(lines, font.encode())))
    objs[1] = b'<< /Type /Pages /Kids [%s] /Count %d >>' % (b' '.join(b'%d 0 R' % k for k in kids), len(kids))
    write_pdf(path, objs)


def no_pages(path):
    write_pdf(path, [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [] /Count 0 >>'])


def utf16(s):
    return b'<FEFF' + s.encode('utf-16-be').hex().upper().encode() + b'>'


def xmp_info(path):
    """Info dictionary and XMP packet that disagree on the title, with +09:00 dates."""
    xmp = ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
           '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
           '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:xmp="http://ns.adobe.com/xap/1.0/">\n'
           '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">IDCFクラウド ISO/IEC 27017 ホワイトペーパー</rdf:li></rdf:Alt></dc:title>\n'
           '<dc:creator><rdf:Seq><rdf:li>株式会社IDCフロンティア</rdf:li></rdf:Seq></dc:creator>\n'
           '<xmp:CreateDate>2021-01-18T10:30:00+09:00</xmp:CreateDate>\n'
           '<xmp:ModifyDate>2021-01-19T08:00:00+09:00</xmp:ModifyDate>\n'
           '</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>').encode('utf-8')
    objs = [b'<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>',
            b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
            b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
            stream(text_ops([b'XMP and Info test', b'12.3.1 Information backup'], b'F1')),
            stream(xmp, b'/Type /Metadata /Subtype /XML '),
            b'<< /Title %s /Author %s /CreationDate (D:20210118103000+09\'00\') /ModDate (D:202101191200Z) >>'
            % (utf16('Microsoft Word - whitepaper_v4.1.docx'), utf16('IDCF'))]
    write_pdf(path, objs, b'/Info 7 0 R ')


def main():
    what = set(sys.argv[1:]) or {'producers', 'chromium', 'layout', 'hand', 'tables'}
    if 'producers' in what:
        for doc in DOCS:
            producer_cid(doc)
        for doc in ('000_0e3f9a925e004c1f', '004_6a6be46e2bd93d57'):
            producer_justified(doc)
        producer_radicals('000_0e3f9a925e004c1f')  # the document with 長 (⻑) in it
        producer_two_columns('001_54f9b4840afe051d')
    if 'chromium' in what:
        producer_chromium('003_a13703324aa8d91f')
    if 'layout' in what:
        layout_numbers()
    if 'tables' in what:
        tables_chromium()
        tables_reportlab()
    if 'hand' in what:
        garbage_pages(OUT / 'pdf-errors' / 'no-unicode-map.pdf', readable_first=False)
        garbage_pages(OUT / 'pdf-errors' / 'partly-unreadable.pdf', readable_first=True)
        no_pages(OUT / 'pdf-errors' / 'no-pages.pdf')
        xmp_info(OUT / 'pdf-layout' / 'xmp-info.pdf')


if __name__ == '__main__':
    main()
