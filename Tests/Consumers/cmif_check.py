#!/usr/bin/env python3
"""Checks a CMIF export as correspSearch would take it: valid against the CMIF RELAX NG
schema (xmllint), and the rules of the CMIF Schematron (cmif.sch is XSLT2, which no tool here
runs, so its rules are applied as XPath with lxml):
  E0001/E0002 every correspDesc has a sent and a received correspAction;
  E0003 every correspDesc/@source points to a bibl/@xml:id;
  E0004 every date has @when, @from, @to, @notBefore or @notAfter;
  W0001 every bibl/@xml:id is a UUID (a warning in cmif.sch, role="warning": reported, not a
  failure; a file read and written again keeps its editions' own ids, which its letters cite).
And what harvesting needs: the idno is an http(s) URL, the publication date a day, each name's
@ref one URI, xml:ids unique, no invented "Unknown" person.

usage: cmif_check.py FILE.xml SCHEMA.rng
"""
import json, re, subprocess, sys
from lxml import etree

TEI = {"t": "http://www.tei-c.org/ns/1.0"}
XMLID = "{http://www.w3.org/XML/1998/namespace}id"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def main():
    path, schema = sys.argv[1:3]
    problems, warnings = [], []
    lint = subprocess.run(["xmllint", "--noout", "--relaxng", schema, path], capture_output=True, text=True)
    if lint.returncode != 0:
        problems.append("schema: " + lint.stderr.strip()[-500:])
    doc = etree.parse(path)
    descs = doc.xpath("//t:correspDesc", namespaces=TEI)
    bibl_ids = set(doc.xpath("//t:sourceDesc/t:bibl/@xml:id", namespaces=TEI))
    for desc in descs:
        key = desc.get("key") or desc.get(XMLID)
        if not desc.xpath("t:correspAction[@type='sent']", namespaces=TEI):
            problems.append("E0001 %s" % key)
        if not desc.xpath("t:correspAction[@type='received']", namespaces=TEI):
            problems.append("E0002 %s" % key)
        source = desc.get("source")
        if source is not None and source.partition("#")[2] not in bibl_ids:
            problems.append("E0003 %s: @source %s" % (key, source))
    for date in doc.xpath("//t:date", namespaces=TEI):
        if not any(date.get(a) for a in ("when", "from", "to", "notBefore", "notAfter")):
            problems.append("E0004 date on line %d" % date.sourceline)
    for bibl_id in sorted(bibl_ids):
        if not UUID.search(bibl_id):
            warnings.append("W0001 bibl id %s" % bibl_id)
    idno = doc.xpath("string(//t:publicationStmt/t:idno)", namespaces=TEI).strip()
    if not re.match(r"https?://\S+$", idno):
        problems.append("idno %r is not a URL correspSearch can harvest" % idno)
    published = doc.xpath("string(//t:publicationStmt/t:date/@when)", namespaces=TEI)
    if not re.match(r"\d{4}-\d{2}-\d{2}$", published):
        problems.append("publication date %r is not a day" % published)
    names = doc.xpath("//t:persName | //t:orgName | //t:placeName", namespaces=TEI)
    for name in names:
        ref = name.get("ref")
        if ref is not None and (not ref or any(c.isspace() for c in ref)):
            problems.append("%s %r: @ref %r is not one URI" % (etree.QName(name).localname, name.text, ref))
        if (name.text or "").strip().lower() in ("unknown", "unbekannt", "n.n."):
            problems.append("an invented person %r" % name.text)
    ids = doc.xpath("//@xml:id", namespaces=TEI)
    if len(ids) != len(set(ids)):
        problems.append("xml:ids repeated")
    refs = doc.xpath("//t:persName/@ref | //t:orgName/@ref", namespaces=TEI)
    print(json.dumps({"file": path, "letters": len(descs), "bibls": len(bibl_ids), "names": len(names),
                      "names_with_ref": len(refs), "idno": idno, "published": published, "problems": problems[:20], "warnings": warnings[:20]},
                     ensure_ascii=False))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
