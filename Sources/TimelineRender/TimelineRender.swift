// Module TimelineRender: see docs/DESIGN.md.
