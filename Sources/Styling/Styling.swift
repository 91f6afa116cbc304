// Module Styling: see docs/DESIGN.md.
