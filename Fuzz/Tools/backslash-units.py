#!/usr/bin/env python3
"""Writes FuzzDOT inputs whose names end in odd runs of backslashes (issue 17), the same ones
every run: 3,000 units by default. Run FuzzDOT over them as a corpus (-runs=0): before
DOTWriter doubled backslashes in HTML-like labels and tooltips, Graphviz 2.43 read and copied
past the end of such strings, and AddressSanitizer found the heap corrupted within one pass
(Fuzz/README.md).

    python3 Fuzz/Tools/backslash-units.py /tmp/backslash-units [COUNT]
"""
import os
import random
import sys

folder = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
os.makedirs(folder, exist_ok=True)
rng = random.Random(7)
pieces = ['a', 'b', '<b>', '&', '>', 'ype', '"', '$', 'é', 'ж', ' ', 'QW', '%', '\\']
for k in range(count):
    names = [''.join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) + '\\' * rng.choice([1, 1, 3, 5])
             for _ in range(rng.randint(1, 8))]
    with open(os.path.join(folder, f'u{k:04d}'), 'wb') as f:
        f.write(b'\0'.join(n.encode() for n in names))
