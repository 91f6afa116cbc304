#!/usr/bin/env python3
"""Writes a synthetic CMIF file of about SIZE megabytes (default 200) to PATH: letters between
a pool of people with GND and VIAF refs, co-senders and co-addressees, organisations, places
with GeoNames refs, and every date form of TEI att.datable.w3c (day, month, year, dateTime,
notBefore/notAfter, open bounds). Deterministic (fixed seed). Usage: cmif-synth.py PATH [SIZE_MB]"""
import random, sys
from xml.sax.saxutils import escape, quoteattr

path = sys.argv[1]
target = int(float(sys.argv[2]) * 1_000_000) if len(sys.argv) > 2 else 200_000_000
rng = random.Random(1729)
first = ["Anna", "Karl", "Marie", "Johann", "Clara", "Friedrich", "Luise", "Wilhelm", "Sophie", "Heinrich", "Élise", "Jürgen"]
last = ["Müller", "Schmidt", "Weber", "Fischer", "Wagner", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter", "Klein", "Wolf"]
people = [(f"{rng.choice(last)}, {rng.choice(first)}", f"http://d-nb.info/gnd/{100000000 + i}") for i in range(6000)]
orgs = [(f"Verlag {rng.choice(last)} & Co.", f"http://viaf.org/viaf/{900000 + i}") for i in range(200)]
places = [(f"Ort {i}", f"http://www.geonames.org/{2800000 + i}") for i in range(800)]

def name(entry, org=False):
    tag = "orgName" if org else "persName"
    return f'<{tag} ref={quoteattr(entry[1])}>{escape(entry[0])}</{tag}>'

def date():
    y = rng.randint(1750, 1950); m = rng.randint(1, 12); d = rng.randint(1, 28)
    form = rng.random()
    if form < 0.70: return f'<date when="{y:04d}-{m:02d}-{d:02d}"/>'
    if form < 0.80: return f'<date when="{y:04d}-{m:02d}"/>'
    if form < 0.85: return f'<date when="{y:04d}"/>'
    if form < 0.88: return f'<date when="{y:04d}-{m:02d}-{d:02d}T{rng.randint(0,23):02d}:30:00"/>'
    if form < 0.95: return f'<date notBefore="{y:04d}-{m:02d}-{d:02d}" notAfter="{y + 1:04d}-{m:02d}-{d:02d}"/>'
    if form < 0.97: return f'<date notBefore="{y:04d}-{m:02d}"/>'
    if form < 0.99: return f'<date notAfter="{y:04d}"/>'
    return ""

with open(path, "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<teiHeader>\n<fileDesc>\n'
              '<titleStmt><title>Synthetic CMIF</title><editor>Bench <email>bench@example.org</email></editor></titleStmt>\n'
              '<publicationStmt><publisher>Epistolary benchmarks</publisher><idno type="url">https://example.org/synth.xml</idno>'
              '<date when="2024-01-01"/><availability><licence target="https://creativecommons.org/licenses/by/4.0/">CC-BY 4.0</licence></availability></publicationStmt>\n'
              '<sourceDesc><bibl type="online" xml:id="synth">Synthetic edition</bibl></sourceDesc>\n</fileDesc>\n<profileDesc>\n')
    written, n = 0, 0
    while written < target:
        n += 1
        senders = [name(rng.choice(people))] + ([name(rng.choice(people))] if rng.random() < 0.1 else [])
        if rng.random() < 0.03: senders = [name(rng.choice(orgs), org=True)]
        recipients = [name(rng.choice(people))] + ([name(rng.choice(people))] if rng.random() < 0.08 else [])
        place = rng.choice(places)
        rec = (f'<correspDesc key="{n}" ref="https://example.org/letter/{n}" source="#synth">\n'
               f'  <correspAction type="sent">\n    {"".join(senders)}\n'
               f'    <placeName ref={quoteattr(place[1])}>{escape(place[0])}</placeName>\n    {date()}\n  </correspAction>\n'
               f'  <correspAction type="received">\n    {"".join(recipients)}\n  </correspAction>\n</correspDesc>\n')
        out.write(rec)
        written += len(rec.encode("utf-8"))
    out.write('</profileDesc>\n</teiHeader>\n<text><body><p/></body></text>\n</TEI>\n')
print(f"{path}: {n} letters, {written / 1e6:.0f} MB", file=sys.stderr)
