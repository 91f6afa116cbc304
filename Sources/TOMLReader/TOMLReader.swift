// Module TOMLReader: see docs/DESIGN.md.
