//! Small multiples: one share-vs-rest pie or donut per row (`pie --each-row`), all the same
//! size and colours. The honest pie view of independent shares such as the article's.

use super::{Ctx, pie::draw_disc, rest_label, shares};
use crate::dataset::Dataset;
use crate::scene::{Anchor, Scene};
use crate::spec::PieOptions;
use crate::text;
use crate::theme::Sizes;

/// Lays out the grid.
pub fn layout(ds: &Dataset, opts: &PieOptions) -> anyhow::Result<Scene> {
    let spec = &opts.common;
    super::bar::check_colours(ds, spec.voice())?;
    let cells: Vec<(String, f64, usize)> = shares(ds, "each-row", spec.voice())?
        .into_iter()
        .map(|sh| (sh.label, sh.value, sh.series))
        .collect();
    let mut cx = Ctx::new(ds, spec);
    let mut legend: Vec<_> = ds
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| (capitalise(&s.name), cx.theme.color(i)))
        .collect();
    legend.push((rest_label(opts.rest.as_deref(), spec), cx.theme.rest));
    let area = cx.frame(&legend);
    let s = cx.sizes;
    let n = cells.len().max(1);
    let lh = Sizes::line(s.label);
    let text_h = lh * 2.0
        + if opts.donut {
            0.0
        } else {
            Sizes::line(s.value)
        }
        + 8.0;

    // The column count that gives the largest pies, preferring full rows (2x2 over 3+1).
    let score = |cols: usize| {
        let rows = n.div_ceil(cols);
        let cw = area.w() / cols as f64;
        let ch = area.h() / rows as f64;
        let r = ((cw * 0.8).min(ch - text_h - 10.0) / 2.0).min(s.margin * 3.5);
        (r, if n % cols == 0 { r } else { r * 0.9 })
    };
    let cols = (1..=n)
        .max_by(|&a, &b| score(a).1.total_cmp(&score(b).1))
        .unwrap_or(1);
    let r = score(cols).0;
    let r = r.max(12.0);
    let rows = n.div_ceil(cols);
    let cw = area.w() / cols as f64;
    let ch = area.h() / rows as f64;
    let inner = if opts.donut { r * 0.6 } else { 0.0 };
    for (k, (name, v, si)) in cells.iter().enumerate() {
        let (col, row) = (k % cols, k / cols);
        // Centre a short last row.
        let in_row = if row + 1 == rows {
            n - row * cols
        } else {
            cols
        };
        let offset = (cols - in_row) as f64 * cw / 2.0;
        let cxp = area.x0 + offset + cw * (col as f64 + 0.5);
        let block = 2.0 * r + text_h;
        let top = area.y0 + ch * row as f64 + (ch - block) / 2.0;
        let c = (cxp, top + r);
        draw_disc(
            &mut cx.scene,
            c,
            r,
            inner,
            &[(*v, cx.theme.color(*si)), (100.0 - v, cx.theme.rest)],
            cx.theme.background,
        );
        let value = cx.value_label(*v);
        let mut y = top + 2.0 * r + 8.0;
        if opts.donut {
            let size = (inner * 0.62).min(s.title * 1.2);
            cx.text(c.0, c.1, &value, size, cx.theme.text, Anchor::Middle, true);
        } else {
            cx.text(
                c.0,
                y + Sizes::line(s.value) / 2.0,
                &value,
                s.value,
                cx.theme.text,
                Anchor::Middle,
                true,
            );
            y += Sizes::line(s.value);
        }
        for (j, line) in text::wrap(name, s.label, false, cw * 0.92, 2)
            .iter()
            .enumerate()
        {
            cx.text(
                c.0,
                y + lh * (j as f64 + 0.5),
                line,
                s.label,
                cx.theme.text,
                Anchor::Middle,
                false,
            );
        }
    }
    Ok(cx.finish())
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
