#!/usr/bin/env python3
"""Checks a CSV export folder (nodes.csv, edges.csv, messages.csv) as its users' tools take it:
- every table parses as RFC 4180 with Python's csv module, every row as wide as the header;
- Gephi's Data Laboratory: nodes.csv has Id and Label, edges.csv Source, Target and Type, and
  every edge's ends are nodes;
- Palladio: messages.csv's date, not_before and not_after are whole days (YYYY-MM-DD, the one
  form Palladio's date check accepts; negative years allowed), not_before <= date <= not_after,
  coordinates "lat,lon" within range when given;
- with --excel: each file starts with a UTF-8 byte order mark and ends its lines with CRLF (what
  Excel needs to open UTF-8 by double-click); without it, no BOM.

usage: csv_check.py FOLDER [--excel]
"""
import csv, io, json, re, sys

DAY = re.compile(r"-?\d{4}-\d{2}-\d{2}$")


def table(path, excel, problems):
    data = open(path, "rb").read()
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom != excel:
        problems.append("%s: byte order mark %s" % (path, "present" if bom else "missing"))
    if excel and b"\n" in data.replace(b"\r\n", b""):
        problems.append("%s: a line ends without CR" % path)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    for n, row in enumerate(body, 2):
        if len(row) != len(header):
            problems.append("%s row %d: %d fields, header has %d" % (path, n, len(row), len(header)))
    return [dict(zip(header, row)) for row in body], header


def main():
    folder = sys.argv[1]
    excel = "--excel" in sys.argv[2:]
    problems = []
    nodes, nh = table(folder + "/nodes.csv", excel, problems)
    edges, eh = table(folder + "/edges.csv", excel, problems)
    messages, mh = table(folder + "/messages.csv", excel, problems)
    for column in ("Id", "Label"):
        if column not in nh:
            problems.append("nodes.csv: no %s column" % column)
    for column in ("Source", "Target", "Type"):
        if column not in eh:
            problems.append("edges.csv: no %s column" % column)
    ids = {n.get("Id") for n in nodes}
    for e in edges:
        if e.get("Source") not in ids or e.get("Target") not in ids:
            problems.append("edge %s-%s: an end is not a node" % (e.get("Source"), e.get("Target")))
    dated = 0
    for m in messages:
        values = [m.get(c, "") for c in ("date", "not_before", "not_after")]
        for c, v in zip(("date", "not_before", "not_after"), values):
            if v and not DAY.match(v):
                problems.append("message %s: %s %r is not YYYY-MM-DD" % (m.get("id"), c, v))
        if all(values):
            dated += 1
            if not (values[1] <= values[0] <= values[2]):
                problems.append("message %s: date outside its bounds" % m.get("id"))
        coordinates = m.get("coordinates", "")
        if coordinates:
            try:
                lat, lon = (float(x) for x in coordinates.split(","))
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise ValueError
            except ValueError:
                problems.append("message %s: coordinates %r are not lat,lon" % (m.get("id"), coordinates))
    print(json.dumps({"folder": folder, "excel": excel, "nodes": len(nodes), "edges": len(edges), "messages": len(messages),
                      "dated": dated, "with_coordinates": sum(1 for m in messages if m.get("coordinates")),
                      "problems": problems[:20]}, ensure_ascii=False))
    sys.exit(1 if problems or not messages else 0)


if __name__ == "__main__":
    main()
