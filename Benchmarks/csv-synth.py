#!/usr/bin/env python3
# Usage: python3 Benchmarks/csv-synth.py ROWS > big.csv  (300000 rows: 331 MB; issue 13, docs/DESIGN.md stop 28)
# A large table for the memory measurement: ROWS letters (default 250,000) among 2,000 people, each with a
# text of about 1.2 KB (several lines, quoted), some rows with characters of several bytes.
import random, sys
random.seed(13)
rows = int(sys.argv[1]) if len(sys.argv) > 1 else 250_000
people = [f"Person {i:04d}, Vorname{i % 97}" for i in range(2000)]
words = "the letter arrived yesterday and we read it at once über café 𝔊 — weather news family harvest market".split()
out = sys.stdout
out.write("id,sender,addressee,date,place,text\n")
for k in range(rows):
    s, r = random.sample(people, 2)
    y, m, d = 1800 + k % 100, 1 + k % 12, 1 + k % 28
    body = "\n".join(" ".join(random.choices(words, k=30)) for _ in range(6)).replace('"', '""')
    out.write(f'L{k:07d},"{s}","{r}",{y}-{m:02d}-{d:02d},Berlin,"{body}"\n')
