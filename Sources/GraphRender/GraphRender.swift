// Module GraphRender: see docs/DESIGN.md.
