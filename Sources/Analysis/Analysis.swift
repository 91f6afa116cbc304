// Module Analysis: see docs/DESIGN.md.
