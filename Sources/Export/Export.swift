// Module Export: see docs/DESIGN.md.
