#!/usr/bin/env python3
"""Checks a TimelineJS export against TimelineJS 3's documented JSON format
(timeline.knightlab.com/docs/json-format.html): the keys it defines and nothing else, date
objects with an integer year and valid month and day, end dates not before start dates, unique
`unique_id`s, eras with start and end, and what its users expect of ours: every event in a
group once any is (no unlabelled row), headlines whole (no "…").

usage: timelinejs_check.py FILE.json
"""
import calendar, json, sys

TOP = {"events", "title", "eras", "scale"}
SLIDE = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id"}
DATE = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format"}
TEXT = {"headline", "text"}
ERA = {"start_date", "end_date", "text"}


def check_date(value, where, problems):
    if not isinstance(value, dict):
        problems.append("%s: not a date object" % where)
        return None
    if set(value) - DATE:
        problems.append("%s: unknown keys %s" % (where, sorted(set(value) - DATE)))
    year, month, day = value.get("year"), value.get("month"), value.get("day")
    if not isinstance(year, int):
        problems.append("%s: year must be an integer" % where)
        return None
    if month is not None and not (isinstance(month, int) and 1 <= month <= 12):
        problems.append("%s: month %r" % (where, month))
        return None
    if day is not None:
        if month is None or not (isinstance(day, int) and 1 <= day <= calendar.monthrange(year, month)[1]):
            problems.append("%s: day %r" % (where, day))
            return None
    return (year, month or 1, day or 1)


def check_text(value, where, problems):
    if not isinstance(value, dict) or set(value) - TEXT:
        problems.append("%s: text must be an object with headline and text" % where)
        return
    for key in TEXT & set(value):
        if not isinstance(value[key], str):
            problems.append("%s.%s: not a string" % (where, key))


def main():
    document = json.load(open(sys.argv[1], encoding="utf-8"))
    problems = []
    if set(document) - TOP:
        problems.append("unknown top-level keys %s" % sorted(set(document) - TOP))
    events = document.get("events")
    if not isinstance(events, list) or not events:
        problems.append("events must be a non-empty list")
        events = []
    if "title" in document:
        check_text(document["title"].get("text", {}), "title.text", problems)
    ids, groups, headlines = set(), [], []
    for index, event in enumerate(events):
        where = "events[%d]" % index
        if set(event) - SLIDE:
            problems.append("%s: unknown keys %s" % (where, sorted(set(event) - SLIDE)))
        start = check_date(event.get("start_date"), where + ".start_date", problems)
        if "end_date" in event:
            end = check_date(event["end_date"], where + ".end_date", problems)
            if start and end and end < start:
                problems.append("%s: ends before it starts" % where)
        if "text" in event:
            check_text(event["text"], where + ".text", problems)
            headlines.append(event["text"].get("headline", ""))
        if "unique_id" in event:
            if event["unique_id"] in ids:
                problems.append("%s: unique_id %s repeated" % (where, event["unique_id"]))
            ids.add(event["unique_id"])
        groups.append(event.get("group"))
    if any(g is not None for g in groups) and any(not g for g in groups):
        problems.append("%d events without a group beside grouped ones (an unlabelled row)" % sum(1 for g in groups if not g))
    cut = [h for h in headlines if h.endswith("…") or h.endswith("...")]
    if cut:
        problems.append("%d headlines cut short, e.g. %r" % (len(cut), cut[0]))
    eras = document.get("eras", [])
    for index, era in enumerate(eras):
        where = "eras[%d]" % index
        if set(era) - ERA:
            problems.append("%s: unknown keys %s" % (where, sorted(set(era) - ERA)))
        start = check_date(era.get("start_date"), where + ".start_date", problems)
        end = check_date(era.get("end_date"), where + ".end_date", problems)
        if start and end and end < start:
            problems.append("%s: ends before it starts" % where)
        if "text" in era:
            check_text(era["text"], where + ".text", problems)
    print(json.dumps({"file": sys.argv[1], "events": len(events), "eras": len(eras),
                      "groups": len({g for g in groups if g}), "longest_headline": max(map(len, headlines), default=0),
                      "problems": problems[:20]}, ensure_ascii=False))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
