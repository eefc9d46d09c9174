//! A grouped bar chart drawn with filled rectangles: gridlines with round steps,
//! one bar per series in each category, the value over each bar, the category
//! names under the axis and a legend.

use super::fonts::{Face, Rgb};
use super::layout::{line_height, Entry, Flow, Op, GREY_TEXT, LEFT, RIGHT, WIDTH};
use super::report::BarChart;
use super::text::wrap;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

const CAPTION: u8 = 10;
const LABEL: u8 = 8;
const PLOT_H: f64 = 62.0;
/// Series colours: dark blue, orange, green, grey — apart in greyscale too.
const PALETTE: [Rgb; 4] = [
    Rgb(31, 73, 125),
    Rgb(237, 125, 49),
    Rgb(112, 173, 71),
    Rgb(127, 127, 127),
];
const GRID: Rgb = Rgb(200, 200, 200);

fn caption_lh() -> f64 {
    line_height(CAPTION, 1.3)
}

fn label_lh() -> f64 {
    line_height(LABEL, 1.25)
}

/// A round step (1, 2, 2.5 or 5 times a power of ten) giving at most six intervals.
fn nice_step(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let raw = max / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * mag >= raw {
            return m * mag;
        }
    }
    10.0 * mag
}

impl<'a> Flow<'a> {
    fn category_lines(&self, c: &BarChart) -> Vec<Vec<super::text::Line>> {
        let n = c.categories.len().max(1);
        let gw = (WIDTH - 20.0) / n as f64;
        c.categories
            .iter()
            .map(|cat| wrap(self.f, Face::Regular, LABEL, cat, gw - 1.5, 0.0))
            .collect()
    }

    pub(crate) fn chart_height(&self, c: &BarChart) -> f64 {
        let caption = wrap(
            self.f,
            Face::Bold,
            CAPTION,
            &format!("{} {}", c.number, c.title),
            WIDTH - 10.0,
            0.0,
        );
        let label_lines = self
            .category_lines(c)
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(1);
        caption.len() as f64 * caption_lh()
            + 9.0
            + PLOT_H
            + 2.0
            + label_lines as f64 * label_lh()
            + 4.0
            + 6.0
            + 3.0
    }

    pub(crate) fn bar_chart(&mut self, c: &BarChart) {
        let h = self.chart_height(c);
        self.gap(4.0);
        self.ensure(h);
        let page = self.page_no();
        self.index.figures.push(Entry {
            level: 0,
            label: c.number.trim().to_string(),
            text: c.title.trim().to_string(),
            page,
        });
        let clh = caption_lh();
        for l in wrap(self.f, Face::Bold, CAPTION, &c.caption(), WIDTH - 10.0, 0.0) {
            let b = self.baseline(self.y, clh, Face::Bold, CAPTION);
            self.line(
                &l,
                LEFT + 5.0,
                WIDTH - 10.0,
                b,
                Face::Bold,
                CAPTION,
                Rgb::BLACK,
                false,
                0.5,
            );
            self.y += clh;
        }
        self.plot(c);
    }

    /// The chart under its caption: the value axis and its label, the bars with
    /// their values, the category names and the legend.
    pub(crate) fn plot(&mut self, c: &BarChart) {
        let values: Vec<Vec<f64>> = (0..c.series.len())
            .map(|s| {
                (0..c.categories.len())
                    .map(|k| {
                        c.values
                            .get(s)
                            .and_then(|v| v.get(k))
                            .and_then(|d| d.to_f64())
                            .unwrap_or(0.0)
                            .max(0.0)
                    })
                    .collect()
            })
            .collect();
        let max = values.iter().flatten().copied().fold(0.0, f64::max);
        let step = nice_step(max);
        let intervals = ((max / step).ceil() as usize).max(1);
        let top_value = step * intervals as f64;

        // Axis label above the value axis.
        let llh = label_lh();
        let x0 = LEFT + 16.0;
        let x1 = RIGHT - 4.0;
        let b = self.baseline(self.y + 1.0, llh, Face::Italic, LABEL);
        self.text(
            LEFT,
            b,
            Face::Italic,
            LABEL,
            GREY_TEXT,
            c.value_label.clone(),
        );
        let plot_top = self.y + 9.0;
        let base = plot_top + PLOT_H;

        for k in 0..=intervals {
            let v = step * k as f64;
            let y = base - v / top_value * PLOT_H;
            if k > 0 {
                self.push(Op::Line {
                    x1: x0,
                    y1: y,
                    x2: x1,
                    y2: y,
                    width_pt: 0.4,
                    color: GRID,
                });
            }
            let label = crate::words::format_decimal(
                Decimal::from_f64_retain(v).unwrap_or_default().round_dp(2),
            );
            let w = self.f.width(Face::Regular, LABEL, &label);
            let b = self.baseline(y - llh / 2.0, llh, Face::Regular, LABEL);
            self.text(x0 - 2.0 - w, b, Face::Regular, LABEL, GREY_TEXT, label);
        }

        let ncat = c.categories.len().max(1);
        let nser = c.series.len().max(1);
        let gw = (x1 - x0) / ncat as f64;
        let inner = gw * 0.74;
        let bw = inner / nser as f64;
        for (k, _) in c.categories.iter().enumerate() {
            let gx = x0 + k as f64 * gw + (gw - inner) / 2.0;
            for (s, series) in values.iter().enumerate() {
                let v = series[k];
                let bh = v / top_value * PLOT_H;
                let bx = gx + s as f64 * bw;
                let color = PALETTE[s % PALETTE.len()];
                if bh > 0.0 {
                    self.push(Op::Fill {
                        x: bx + 0.4,
                        y: base - bh,
                        w: bw - 0.8,
                        h: bh,
                        color,
                    });
                }
                let d = c
                    .values
                    .get(s)
                    .and_then(|v| v.get(k))
                    .copied()
                    .unwrap_or_default();
                let label = crate::words::format_decimal(d);
                let w = self.f.width(Face::Bold, LABEL, &label);
                let b = base - bh - 1.2;
                self.text(bx + (bw - w) / 2.0, b, Face::Bold, LABEL, Rgb::BLACK, label);
            }
        }
        self.push(Op::Line {
            x1: x0,
            y1: base,
            x2: x1,
            y2: base,
            width_pt: 0.9,
            color: Rgb::BLACK,
        });
        self.push(Op::Line {
            x1: x0,
            y1: plot_top - 2.0,
            x2: x0,
            y2: base,
            width_pt: 0.9,
            color: Rgb::BLACK,
        });

        // Category names under the axis.
        let cats = self.category_lines(c);
        let label_lines = cats.iter().map(Vec::len).max().unwrap_or(1);
        for (k, lines) in cats.iter().enumerate() {
            let gx = x0 + k as f64 * gw;
            let mut y = base + 2.0;
            for l in lines {
                let b = self.baseline(y, llh, Face::Regular, LABEL);
                self.line(
                    l,
                    gx + 0.75,
                    gw - 1.5,
                    b,
                    Face::Regular,
                    LABEL,
                    Rgb::BLACK,
                    false,
                    0.5,
                );
                y += llh;
            }
        }

        // Legend, centred under the chart.
        let y = base + 2.0 + label_lines as f64 * llh + 4.0;
        let sq = 3.5;
        let items: Vec<(f64, &String)> = c
            .series
            .iter()
            .map(|s| (self.f.width(Face::Regular, 9, s), s))
            .collect();
        let total: f64 = items.iter().map(|(w, _)| sq + 1.5 + w).sum::<f64>()
            + 8.0 * (items.len().saturating_sub(1)) as f64;
        let mut x = LEFT + (WIDTH - total) / 2.0;
        for (s, (w, name)) in items.iter().enumerate() {
            self.push(Op::Fill {
                x,
                y,
                w: sq,
                h: sq,
                color: PALETTE[s % PALETTE.len()],
            });
            let b = self.baseline(y - 0.5, sq + 1.0, Face::Regular, 9);
            self.text(
                x + sq + 1.5,
                b,
                Face::Regular,
                9,
                Rgb::BLACK,
                (*name).clone(),
            );
            x += sq + 1.5 + w + 8.0;
        }
        self.y = y + 6.0 + 3.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn numbers_use_indonesian_separators() {
        assert_eq!(crate::words::format_decimal(dec!(97)), "97");
        assert_eq!(crate::words::format_decimal(dec!(43.89)), "43,89");
        assert_eq!(
            crate::words::format_decimal(dec!(1234567.50)),
            "1.234.567,5"
        );
        assert_eq!(crate::words::format_decimal(dec!(-1000)), "-1.000");
    }

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(154.0), 50.0);
        assert_eq!(nice_step(26.0), 10.0);
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(12.0), 2.5);
    }
}
