#!/usr/bin/env python3
"""Sanity check for BlindFixtures5: every keep sentence and noise string occurs in its raw text,
JSON valid, >=44 fixtures, >=20 new outlets, every paste situation >=2 times."""
import json, os, re, sys, html, unicodedata, collections, datetime
D = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
m = json.load(open(os.path.join(D, 'manifest.json'), encoding='utf-8'))
USED = ['vnexpress','tuổi trẻ','thanh niên','dân trí','vietnamplus','tin tức','ttxvn','nhân dân','vov','vtv',
        'vietnamnet','znews','báo quốc tế','tiền phong','lao động','sggp','sài gòn giải phóng','hà nội mới',
        'chính phủ','chinhphu','cafef','vneconomy','thời báo tài chính','qđnd','quân đội nhân dân','cand',
        'công an nhân dân','người lao động','plo','pháp luật tp','báo đầu tư','nhk','kinh tế & đô thị','kinh tế và đô thị']
SITS = ['html','pdf','email','social','app','bilingual','caps','dateformat']
errs = []; ws = lambda s: re.sub(r'\s+', ' ', s).strip()
fx = m['fixtures']
for f in fx:
    b = open(os.path.join(D, f['file']), 'rb').read()
    enc = f.get('encoding', 'plain')
    if (enc == 'bom') != b.startswith(b'\xef\xbb\xbf'): errs.append((f['file'], 'BOM mismatch'))
    t = b.decode('utf-8-sig')
    if (enc == 'crlf') != ('\r\n' in t): errs.append((f['file'], 'CRLF mismatch'))
    if enc == 'nfd' and unicodedata.normalize('NFD', t) != t: errs.append((f['file'], 'not NFD'))
    raw = unicodedata.normalize('NFC', t).replace('\r\n', '\n')
    view = raw
    if 'html' in f['situations']:
        view = re.sub(r'</?(p|div|br|h[1-6]|li|ul|ol|nav|footer|header|figure|figcaption|script|title|head|body|html|meta|link|span class="time"|h2)\b[^>]*>', '\n', view)
        view = html.unescape(re.sub(r'<[^>]+>', '', view)).replace('\u00a0', ' ')
    if 'pdf' in f['situations']:
        view = re.sub(r'(\w)-\n(\w)', r'\1\2', view)
    view = ws(view)
    verbatim = 'html' not in f['situations'] and 'pdf' not in f['situations']
    if not (3 <= len(f['keep']) <= 4): errs.append((f['file'], f'{len(f["keep"])} keep'))
    if not (4 <= len(f['noise']) <= 6): errs.append((f['file'], f'{len(f["noise"])} noise'))
    for k in f['keep']:
        if unicodedata.normalize('NFC', k) != k: errs.append((f['file'], 'keep not NFC'))
        if ws(k) not in view: errs.append((f['file'], 'keep missing: ' + k[:60]))
        elif verbatim and ws(k) not in ws(raw): errs.append((f['file'], 'keep not verbatim: ' + k[:60]))
    for n in f['noise']:
        if n not in raw and not (n == '\r' and enc == 'crlf'): errs.append((f['file'], 'noise missing: ' + n[:60]))
        if n != '\r':
            for k in f['keep'] + [f['title']]:
                if n in k: errs.append((f['file'], f'noise {n!r} inside keep/title'))
    if f['title'] and ws(f['title']) not in ws(view) and 'caps' not in f['situations'] and 'pdf' not in f['situations']:
        errs.append((f['file'], 'title not in text'))
    if f['date'] is not None:
        d = datetime.datetime.fromisoformat(f['date'])
        if not f['date'].endswith('+07:00'): errs.append((f['file'], 'date not +07:00'))
        if not f['has_time'] and (d.hour, d.minute) != (0, 0): errs.append((f['file'], 'has_time false but time set'))
    elif f['has_time']: errs.append((f['file'], 'null date with has_time'))
    if f['source_url'] and f['source_url'] not in raw: errs.append((f['file'], 'source_url not in text'))
    if not f['source'] or not isinstance(f['author'], list) or not f['author']: errs.append((f['file'], 'source/author shape'))
    for s in f['situations']:
        if s not in SITS: errs.append((f['file'], 'unknown situation ' + s))
    if not re.match(r'b5_\d\d_[a-z0-9_]+\.txt$', f['file']): errs.append((f['file'], 'file name'))
outlets = {f['outlet'].split(' (')[0] for f in fx}
new = {o for o in outlets if not any(u in o.lower() for u in USED)}
sc = collections.Counter(s for f in fx for s in f['situations'])
plain = sum(1 for f in fx if not f['situations'])
print(f'{len(fx)} fixtures, {len(outlets)} outlet styles ({len(new)} new), {plain} plain web copies; situations: {dict(sc)}')
print('encodings:', collections.Counter(f.get('encoding', 'plain') for f in fx))
if len(fx) < 44: errs.append(('-', 'fewer than 44 fixtures'))
if len(new) < 20: errs.append(('-', 'fewer than 20 new outlets'))
for s in SITS:
    if sc[s] < 2: errs.append(('-', f'situation {s} only {sc[s]}'))
for e in errs: print('ERROR', *e)
print('OK' if not errs else f'{len(errs)} errors'); sys.exit(1 if errs else 0)
