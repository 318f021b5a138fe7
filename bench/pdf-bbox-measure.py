#!/usr/bin/env python3
"""ADR 0011: would word boxes place the PDF cells that `pdftotext -layout` puts in the wrong column?

For each corpus row the reader misreads (CorpusTests' list for the PDF shape), this takes the words of
`pdftotext -bbox-layout`, finds the row's label, takes the numbers on the same visual line (y-centre within 4 pt),
and puts each in the column whose header word's x-centre is nearest (section 三: 自然人 … 总计; section 四: the 15
结果维持 … 总计 headings). It prints what the boxes give beside the expected cells.
Usage: python3 bench/pdf-bbox-measure.py   (needs poppler-utils; run from the repository root)
"""
import json
import re
import subprocess

CORPUS = "tests/fixtures/corpus"
ROWS = [  # file, label on the row, JSON path of the expected cells
    ("seed000", "本年新收", ("applications", "received")),
    ("seed000", "（一）予以公开", ("applications", "granted")),
    ("seed000", "1.属于国家秘密", ("applications", "withheld", "stateSecret")),
    ("seed000", "2.其他法律行政法规禁止公开", ("applications", "withheld", "prohibitedByLaw")),
    ("seed000", "1.本机关不掌握相关", ("applications", "unavailable", "notHeld")),
    ("seed000", "（七）总计", ("applications", "totalHandled")),
    ("qingshan", "二、上年结转", ("applications", "carriedOver")),
    ("seed002", None, ("reviewLitigation",)),
]
APPLICANTS = ["自然人", "商业企业", "科研机", "社会公", "法律服务机", "其他", "总计"]


def words(name):
    xml = subprocess.run(["pdftotext", "-bbox-layout", f"{CORPUS}/{name}.pdf", "-"], capture_output=True, text=True).stdout
    result = []
    for page, body in enumerate(xml.split("<page ")[1:], 1):
        for a, b, c, d, w in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', body):
            result.append((page, (float(a) + float(c)) / 2, (float(b) + float(d)) / 2, w))
    return result


def expected(name, path):
    value = json.load(open(f"{CORPUS}/{name}.expected.json"))
    for key in path:
        value = value[key]
    if isinstance(value, dict):  # section 四: three groups of five
        value = [v for group in ("review", "litigationDirect", "litigationAfterReview") for v in value[group]]
    return ["·" if v is None else str(v) for v in value]


def place(numbers, centres):
    cells = [""] * len(centres)
    for _, x, _, text in numbers:
        k = min(range(len(centres)), key=lambda i: abs(centres[i] - x))
        cells[k] += text
    return [c or "·" for c in cells]


right = total = 0
for name, label, path in ROWS:
    ws = words(name)
    if label is not None:
        first = min((w for w in ws if w[3] == "自然人"), key=lambda w: (w[0], w[2]))  # the header: words beside 自然人
        centres = [min((w for w in ws if w[3].startswith(h) and w[0] == first[0] and abs(w[2] - first[2]) < 20), key=lambda w: w[2])[1] for h in APPLICANTS]
        row = next(w for w in ws if label in w[3])
        numbers = [w for w in ws if w[0] == row[0] and abs(w[2] - row[2]) < 4 and re.fullmatch(r"\d+", w[3]) and w[1] > 300]
    else:
        heads = [w for w in ws if w[3] == "总计" or w[3][:3] in ("结果维", "结果纠", "其他结", "尚未审")]
        page = max({w[0] for w in heads}, key=lambda p: sum(1 for w in heads if w[0] == p))
        heads = [w for w in heads if w[0] == page]
        centres = sorted(w[1] for w in heads)
        top = max(w[2] for w in heads)
        numbers = [w for w in ws if w[0] == page and top < w[2] < top + 40 and re.fullmatch(r"\d+", w[3])]
    got, want = place(numbers, centres), expected(name, path)
    total += len(want)
    right += sum(g == e for g, e in zip(got, want))
    print(f"{name:9} {'.'.join(path):40} boxes: {' '.join(got):32} expected: {' '.join(want)}")
print(f"cells placed as expected: {right}/{total}")
