#!/usr/bin/env python3
"""Deterministic generator of a correspondence network with many people and no central person,
for checking figures on a corpus unlike the bundled one (no one takes part in more than half of
the letters, so no figure may speak of "X and correspondents").

    python3 Tests/Fixtures/csv/many-people.py [N] [K] [--seed 3] > many-people.csv

Writes a CSV in Epistolary's own layout (id, sender, recipients, date), UTF-8, N letters (700)
among K invented people (150; a few of the least active may take part in none), dated 1750-1799. Activity is Zipf-like (the busiest person takes
part in about a tenth of the letters); a letter has one addressee, sometimes two. Dates use the
forms published corpora carry: most a whole day, some a month or a year only, EDTF intervals
(`1761-03/1762-01`), open ends (`../1770-05-03`, `1770-05-03/..`), uncertain and approximate
years (`1771?`, `1771~`). Every choice comes from one seeded generator: the output is a pure
function of (N, K, seed). `Tests/Fixtures/csv/many-people.csv` is this script's output with the
defaults.
"""
import argparse
import csv
import random
import sys

FIRST = ["Amalie", "Benedikt", "Cäcilie", "Dorothea", "Eberhard", "Franziska", "Gottlieb", "Henriette",
         "Ignaz", "Johanna", "Kaspar", "Leopoldine", "Matthias", "Nanette", "Oswald", "Philippine",
         "Quirin", "Rosalie", "Sebastian", "Theresia", "Ulrich", "Walburga", "Xaver", "Zacharias"]
LAST = ["Albrecht", "Brenner", "Dietz", "Eckhart", "Fauth", "Gruber", "Hallwachs", "Imhof", "Jordan",
        "Kessler", "Lindner", "Mayr", "Nägele", "Oberlin", "Pfister", "Reuß", "Sailer", "Tanner",
        "Unger", "Vogler", "Wendt", "Zeller"]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("n", nargs="?", type=int, default=700)
    p.add_argument("k", nargs="?", type=int, default=150)
    p.add_argument("--seed", type=int, default=3)
    a = p.parse_args()
    rng = random.Random(a.seed)
    names = sorted({f"{l}, {f}" for f in FIRST for l in LAST})
    rng.shuffle(names)
    people = names[: a.k]
    weights = [1.0 / (i + 4) for i in range(a.k)]

    def pick(exclude=()):
        while True:
            q = rng.choices(people, weights)[0]
            if q not in exclude:
                return q

    def date():
        y = rng.randint(1750, 1799)
        m = rng.randint(1, 12)
        d = rng.randint(1, 28)
        r = rng.random()
        if r < 0.70:
            return f"{y:04d}-{m:02d}-{d:02d}"
        if r < 0.80:
            return f"{y:04d}-{m:02d}"
        if r < 0.85:
            return f"{y:04d}"
        if r < 0.90:
            m2 = m + rng.randint(2, 10)
            return f"{y:04d}-{m:02d}/{y + (m2 - 1) // 12:04d}-{(m2 - 1) % 12 + 1:02d}"
        if r < 0.94:
            return f"../{y:04d}-{m:02d}-{d:02d}"
        if r < 0.97:
            return f"{y:04d}-{m:02d}-{d:02d}/.."
        return f"{y:04d}" + ("?" if rng.random() < 0.5 else "~")

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["id", "sender", "recipients", "date"])
    for i in range(a.n):
        sender = pick()
        recipients = [pick((sender,))]
        if rng.random() < 0.08:
            recipients.append(pick((sender, recipients[0])))
        out.writerow([f"L{i + 1:04d}", sender, ";".join(recipients), date()])


if __name__ == "__main__":
    main()
