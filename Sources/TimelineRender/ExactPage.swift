/// Figures of exactly the page's size, for styles that ask for it (`page.exact_size`: slides,
/// 16:9, 1920 × 1080 pixels at 192 dpi on a 10-inch page).
enum ExactPage {
    /// The least a figure is scaled to fit its page: its type keeps at least this share of the
    /// theme's sizes (a slide's 14 pt notes stay above 8 pt). Below it, the figure gives fewer
    /// people or topics a lane and a legend entry of their own instead.
    static let smallestScale = 0.6

    /// The figure `layout` draws in `style`, exactly `style`'s page in size when the style asks
    /// for it. A figure whose content is taller than the page is laid out again on a larger page
    /// of the same shape, where its lanes, legend rows and wrapped lines find room, and that
    /// layout is scaled down to the page: the largest such scale (in steps of 8%) at which the
    /// whole content fits. When even `smallestScale` is not enough, the lane and legend budgets
    /// shrink one at a time (the rest share the "others" lane, which the caption names) and the
    /// search starts again. Nothing is cut, nothing is stretched out of shape.
    ///
    /// - Complexity: a few layouts (each O(n log n) in the messages drawn) for a figure that fits
    ///   the page at once or after scaling; at most one scale search per lane of the budget.
    static func fit(_ style: FigureStyle, _ layout: (FigureStyle) throws -> TimelineFigure) rethrows -> TimelineFigure {
        let first = try layout(style)
        guard style.exactSize, let height = style.pageHeight else { return first }
        let width = style.pageWidth
        // Heights are rounded up to the whole point (`finalHeight`): within that, it fits.
        func fits(_ f: TimelineFigure, _ pageHeight: Double) -> Bool { f.scene.height <= pageHeight.rounded(.up) + 0.01 }
        if fits(first, height) { return first.onPage(width: width, height: height, scale: 1) }
        var budgeted = style
        var last = first
        while true {
            // The first guess gives the content the height it took; then smaller steps.
            var scale = min(1, height / last.scene.height)
            while scale >= smallestScale - 1e-9 {
                var larger = budgeted
                larger.pageWidth = width / scale
                larger.pageHeight = height / scale
                let figure = try layout(larger)
                if fits(figure, height / scale) { return figure.onPage(width: width, height: height, scale: scale) }
                last = figure
                scale *= 0.92
            }
            guard budgeted.budget.lanes > 2 || budgeted.budget.legendEntries > 2 else { break }
            budgeted.budget.lanes = max(2, budgeted.budget.lanes - 1)
            budgeted.budget.legendEntries = max(2, budgeted.budget.legendEntries - 1)
            last = try layout(budgeted)
            if fits(last, height) { return last.onPage(width: width, height: height, scale: 1) }
        }
        // Two lanes do not fit at the smallest scale (never seen): scaled to the page's height.
        return last.onPage(width: width, height: height, scale: height / last.scene.height)
    }
}

extension TimelineFigure {
    /// The figure scaled by `scale` onto a page of exactly `width` × `height` points.
    func onPage(width: Double, height: Double, scale: Double) -> TimelineFigure {
        var out = self
        out.scene = scene.scaled(by: scale)
        out.scene.width = width
        out.scene.height = height
        out.pointsPerUnit = pointsPerUnit.map { $0 * scale }
        out.legend = legend.map { $0.scaled(by: scale) }
        return out
    }
}
