#!/usr/bin/env python3
"""Search a topic palette that meets the rules the theme sheets state (issue 14).

Usage: Benchmarks/palette-search.py [--people HEX,...] [--other HEX] [--ink HEX] [--count N]
(the defaults are the paper sheet's: people of base.toml, others #666666, ink #000000; about
ten seconds). `--people-normal-only` applies rule 4 under normal vision only.

Rules, the same ones PaletteQualityTests applies (Tests/StylingTests):
  1. every colour at least 3:1 against the white page (WCAG 2.1, 1.4.11: graphical objects);
  2. every pair of topic colours at least 12 CIELAB (D65, ΔE*76) units apart under normal
     vision and under protanopia, deuteranopia and tritanopia, simulated with the full-severity
     matrices of Machado, Oliveira & Fernandes (2009) applied to linear RGB;
  3. every topic colour that far from the "others" grey and from the ink (rule 2's measure), so
     a named topic never reads as the unnamed ones or as the text;
  4. every topic colour that far from every colour of the people palette (rule 2's measure):
     a colour means one kind of thing.
Taste, not rules: a topic is a colour, not a grey (CIELAB chroma 40 to 90 under normal vision:
no neon primaries), and not a near-black (CIELAB lightness at least 30); and under normal
vision every distance of rules 2-4 is at least 30, so the hues have different names.
Among the palettes that meet all this, the search keeps the one whose smallest distance at
the worst of the four visions (over all pairs of rules 2-4) is largest: a max-min search over the 4,096
colours #rgb of 16 levels a channel (a greedy start from each candidate, then swaps until no
swap raises the minimum). Deterministic: same arguments, same palette.
"""
import argparse
import numpy as np

MATRICES = {
    "normal": np.eye(3),
    "protan": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
    "deutan": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
    "tritan": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]),
}


def linear(c):
    c = np.asarray(c, dtype=float)
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(rgb_linear):
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = rgb_linear @ m.T
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16.0 / 116)
    return np.stack([116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]), 200 * (f[:, 1] - f[:, 2])], axis=1)


def seen(rgb):
    """CIELAB of each colour under each vision: shape (visions, colours, 3)."""
    lin = linear(rgb)
    return np.stack([lab(np.clip(lin @ m.T, 0, 1)) for m in MATRICES.values()])


def luminance(rgb):
    return linear(rgb) @ np.array([0.2126, 0.7152, 0.0722])


def contrast_on_white(rgb):
    return 1.05 / (luminance(rgb) + 0.05)


def parse(hexes):
    return np.array([[int(h[i:i + 2], 16) / 255 for i in (1, 3, 5)] for h in hexes])


def hexes(rgb):
    return ["#%02x%02x%02x" % tuple(int(round(v * 255)) for v in c) for c in rgb]


def min_distance(views, a, b):
    """Smallest distance between colours a and b over the visions."""
    return np.sqrt(((views[:, a, :] - views[:, b, :]) ** 2).sum(-1)).min(0)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--people", default="#332288,#cc6677,#117733,#882255,#999933,#aa4499")
    p.add_argument("--other", default="#666666")
    p.add_argument("--ink", default="#000000")
    p.add_argument("--chroma", type=float, default=40.0)
    p.add_argument("--lightness", type=float, default=30.0)
    p.add_argument("--max-chroma", type=float, default=90.0)
    p.add_argument("--count", type=int, default=6)
    p.add_argument("--floor", type=float, default=12.0)
    p.add_argument("--normal-floor", type=float, default=30.0)
    p.add_argument("--people-normal-only", action="store_true")
    p.add_argument("--objective", choices=["worst", "normal"], default="worst")
    args = p.parse_args()

    levels = np.arange(16) * 17 / 255
    grid = np.array([[r, g, b] for r in levels for g in levels for b in levels])
    grid = grid[contrast_on_white(grid) >= 3.0]
    # A topic reads as a colour, not as a grey or a brown next to the ink: CIELAB chroma.
    normal = seen(grid)[0]
    chroma = np.hypot(normal[:, 1], normal[:, 2])
    grid = grid[(chroma >= args.chroma) & (chroma <= args.max_chroma) & (normal[:, 0] >= args.lightness)]
    fixed = parse(args.people.split(",") + [args.other, args.ink])
    views_grid, views_fixed = seen(grid), seen(fixed)

    # Each candidate's distance to every fixed colour (people, others, ink): at the worst
    # vision (the rule) and under normal vision (what the search maximises).
    def distances(views_a, views_b):
        d = np.sqrt(((views_a[:, :, None, :] - views_b[:, None, :, :]) ** 2).sum(-1))
        return d.min(0), d[0]
    worst_fixed, normal_fixed = distances(views_grid, views_fixed)
    people_count = len(args.people.split(","))
    # Rule 4 under normal vision only when asked (--people-normal-only).
    fixed_floor = worst_fixed.copy()
    if args.people_normal_only:
        fixed_floor[:, :people_count] = normal_fixed[:, :people_count]
    keep = fixed_floor.min(1) >= args.floor
    keep &= normal_fixed.min(1) >= args.normal_floor
    chosen_fixed = (fixed_floor if args.objective == "worst" else normal_fixed)[keep].min(1)
    grid, views_grid, to_fixed = grid[keep], views_grid[:, keep, :], chosen_fixed
    n = len(grid)
    worst, normal = distances(views_grid, views_grid)
    # A pair under a floor may not be chosen together.
    pair = np.where((worst >= args.floor) & (normal >= args.normal_floor), worst if args.objective == "worst" else normal, -np.inf)
    np.fill_diagonal(pair, np.inf)

    def score(chosen):
        if len(set(chosen)) < len(chosen):
            return -np.inf
        sub = pair[np.ix_(chosen, chosen)]
        return min(sub.min(), to_fixed[chosen].min())

    best, best_score = None, -np.inf
    for start in range(n):
        chosen = [start]
        while len(chosen) < args.count:
            gain = np.minimum(pair[chosen].min(0), to_fixed)
            gain[chosen] = -np.inf
            chosen.append(int(gain.argmax()))
        current = score(chosen)
        improved = True
        while improved:
            improved = False
            for i in range(args.count):
                rest = chosen[:i] + chosen[i + 1:]
                gain = np.minimum(pair[rest].min(0), to_fixed)
                gain[rest] = -np.inf
                j = int(gain.argmax())
                candidate = rest[:i] + [j] + rest[i:]
                s = score(candidate)
                if s > current + 1e-9:
                    chosen, current, improved = candidate, s, True
        if current > -np.inf and (best is None or current > best_score + 1e-9):
            best, best_score = chosen, current
    if best is None:
        raise SystemExit("no palette meets the rules")
    sub = worst[np.ix_(best, best)] + np.diag([np.inf] * args.count)
    worst_all = min(sub.min(), fixed_floor[keep][best].min())
    sub = normal[np.ix_(best, best)] + np.diag([np.inf] * args.count)
    normal_all = min(sub.min(), normal_fixed[keep][best].min())

    # The busiest topics take the first entries: start with the pair farthest apart (worst
    # vision), then each next entry the farthest from those before it, so a figure of few
    # topics uses the most distinct colours.
    sub = worst[np.ix_(best, best)].copy()
    np.fill_diagonal(sub, -np.inf)
    a, b = np.unravel_index(np.argmax(sub), sub.shape)
    order = [int(a), int(b)]
    np.fill_diagonal(sub, np.inf)
    while len(order) < args.count:
        rest = [i for i in range(args.count) if i not in order]
        order.append(max(rest, key=lambda i: sub[i, order].min()))
    chosen = grid[best][order]
    print("palette:", ", ".join(hexes(chosen)))
    print("least distance (topics, people, others, ink), normal vision: %.1f" % normal_all)
    print("least distance (topics, people, others, ink), any of the four visions: %.1f" % worst_all)
    print("contrast on white:", ", ".join("%.2f" % c for c in contrast_on_white(chosen)))


if __name__ == "__main__":
    main()
