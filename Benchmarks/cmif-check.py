#!/usr/bin/env python3
"""Checks the CMIF reader against an independent parse (Python's xml.etree): for every
correspDesc, in document order, the letter is there, with every sender and recipient (as many,
and never two different authority records or names merged into one person), the date bounds
(@when, @notBefore/@from, @notAfter/@to at year, month or day precision, open bounds open) and
the place of writing. Compares with `epistolary messages --corpus FILE --format jsonl`.
Usage: cmif-check.py EPISTOLARY_BINARY FILE.xml [FILE.xml ...]; exit 1 below 99.5 % agreement
or on any merge."""
import calendar, json, re, subprocess, sys
import xml.etree.ElementTree as ET

TEI = "{http://www.tei-c.org/ns/1.0}"

def span(value):
    """First and last day of an xs:date, gYearMonth, gYear or dateTime, as ISO text; None if not one."""
    m = re.fullmatch(r"(-?)(\d{1,7})(?:-(\d\d)(?:-(\d\d)(?:T.*)?)?)?(?:Z|[+-]\d\d:\d\d)?", value.strip())
    if not m:
        return None
    sign, y, mo, d = m.group(1), int(m.group(2)), m.group(3), m.group(4)
    year = -y if sign else y
    def iso(yy, mm, dd):
        return f"{'-' if yy < 0 else ''}{abs(yy):04d}-{mm:02d}-{dd:02d}"
    def days(yy, mm):  # proleptic Gregorian, astronomical years
        leap = yy % 4 == 0 and (yy % 100 != 0 or yy % 400 == 0)
        return [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm - 1]
    if mo is None:
        return iso(year, 1, 1), iso(year, 12, 31)
    mo = int(mo)
    if not 1 <= mo <= 12:
        return None
    if d is None:
        return iso(year, mo, 1), iso(year, mo, days(year, mo))
    d = int(d)
    if not 1 <= d <= days(year, mo):
        return None
    return iso(year, mo, d), iso(year, mo, d)

def bounds(date):
    if date is None:
        return None, None
    if date.get("when") is not None:
        s = span(date.get("when"))
        return (s[0], s[1]) if s else (None, None)
    lo = date.get("notBefore", date.get("from"))
    hi = date.get("notAfter", date.get("to"))
    a = span(lo) if lo else None
    b = span(hi) if hi else None
    if (lo and not a) or (hi and not b):
        return None, None
    return (a[0] if a else None), (b[1] if b else None)

def text(e):
    return " ".join("".join(e.itertext()).split())

def key(e):
    ref = (e.get("ref") or "").split()
    if ref:
        return "ref:" + re.sub(r"^https?://(www\.)?", "", ref[0]).rstrip("/")
    return "name:" + text(e).casefold()

def letters(path):
    for desc in ET.parse(path).getroot().iter(TEI + "correspDesc"):
        acts = desc.findall(TEI + "correspAction")
        sent = [a for a in acts if (a.get("type") or "").strip().lower() == "sent"]
        received = [a for a in acts if (a.get("type") or "").strip().lower() == "received"]
        names = lambda group: [n for a in group for n in a if n.tag in (TEI + "persName", TEI + "orgName")]
        date = next((d for a in sent for d in a.findall(TEI + "date") if any(d.get(k) for k in ("when", "notBefore", "notAfter", "from", "to"))), None)
        place = next((p for a in sent for p in a if p.tag in (TEI + "placeName", TEI + "settlement")), None)
        yield {"senders": names(sent), "recipients": names(received), "bounds": bounds(date),
               "place": text(place) if place is not None and text(place) else None}

def main():
    binary, files = sys.argv[1], sys.argv[2:]
    worst = 1.0
    merges = 0
    for path in files:
        run = subprocess.run([binary, "messages", "--corpus", path, "--format", "jsonl"], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"{path}: exit {run.returncode}: {run.stderr.strip()[:300]}")
            worst = 0
            continue
        got = sorted((json.loads(line) for line in run.stdout.splitlines() if line.strip()), key=lambda r: r["start_line"])
        want = list(letters(path))
        checks = agree = 0
        person_keys = {}
        def check(ok):
            nonlocal checks, agree
            checks += 1
            agree += 1 if ok else 0
        check(len(got) == len(want))
        for g, w in zip(got, want):
            for role, ids in (("senders", g.get("senders", [g["sender"]])), ("recipients", g["recipients"])):
                names = w[role]
                # A letter with no one named gets one unidentified person of its own.
                check(len(ids) == max(1, len(names)))
                for pid, n in zip(ids, names):
                    k = key(n)
                    if k != "name:" and not pid.startswith("unidentified"):
                        person_keys.setdefault(pid, set()).add(k)
            check((g.get("not_before"), g.get("not_after")) == w["bounds"])
            check(g.get("place") == w["place"])
        merged = {pid: ks for pid, ks in person_keys.items() if len(ks) > 1}
        merges += len(merged)
        share = agree / checks if checks else 0
        worst = min(worst, share)
        print(f"{path}: {len(want)} letters in the XML, {len(got)} read; {agree}/{checks} checks agree ({100 * share:.2f} %); "
              f"{len(person_keys)} people with a ref or name, {len(merged)} merged")
        for pid, ks in list(merged.items())[:5]:
            print(f"  merged: {pid} <- {sorted(ks)}")
    print(f"lowest agreement {100 * worst:.2f} %, {merges} merges")
    sys.exit(0 if worst >= 0.995 and merges == 0 else 1)

main()
