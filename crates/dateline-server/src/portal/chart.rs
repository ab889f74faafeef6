//! Small bar charts as server-rendered SVG: the search timeline and an
//! entity's mentions over time. No script; a title on every bar says
//! its figures to a pointer and to a screen reader, and the chart as a
//! whole carries a text summary.

use maud::{html, Markup};

/// One bar: its label (a period) and its height.
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// What hovering or a screen reader tells about the bar.
    pub detail: String,
}

const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 120.0;
/// Room under the bars for the first and last labels.
const AXIS: f64 = 16.0;

/// A bar chart `description` summarises (`role="img"` with a label).
pub fn bars(description: &str, bars: &[Bar]) -> Markup {
    if bars.is_empty() {
        return html! {};
    }
    let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let step = WIDTH / bars.len() as f64;
    let gap = if step > 4.0 { 1.0 } else { 0.0 };
    let first = &bars[0].label;
    let last = &bars[bars.len() - 1].label;
    html! {
        svg class="chart" role="img" aria-label=(description)
            viewBox={ "0 0 " (WIDTH) " " (HEIGHT + AXIS) } preserveAspectRatio="none"
            xmlns="http://www.w3.org/2000/svg" {
            title { (description) }
            @for (i, bar) in bars.iter().enumerate() {
                @let h = if max > 0.0 { bar.value / max * HEIGHT } else { 0.0 };
                rect x=(fmt(i as f64 * step)) y=(fmt(HEIGHT - h))
                    width=(fmt((step - gap).max(0.5))) height=(fmt(h)) {
                    title { (bar.label) ": " (bar.detail) }
                }
            }
            text x="0" y=(fmt(HEIGHT + AXIS - 3.0)) class="axis" { (first) }
            @if bars.len() > 1 {
                text x=(fmt(WIDTH)) y=(fmt(HEIGHT + AXIS - 3.0)) class="axis" text-anchor="end" { (last) }
            }
        }
    }
}

/// Coordinates with at most two decimals: smaller pages, same picture.
fn fmt(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_highest_and_labels_are_escaped() {
        let chart = bars(
            "Mentions <per> month",
            &[
                Bar {
                    label: "2014-09".into(),
                    value: 0.0,
                    detail: "0".into(),
                },
                Bar {
                    label: "2014-10".into(),
                    value: 4.0,
                    detail: "4 & more".into(),
                },
                Bar {
                    label: "2014-11".into(),
                    value: 2.0,
                    detail: "2".into(),
                },
            ],
        )
        .into_string();
        assert!(
            chart.contains("aria-label=\"Mentions &lt;per&gt; month\""),
            "{chart}"
        );
        assert!(
            chart.contains("y=\"0\" width=\"199\" height=\"120\""),
            "{chart}"
        );
        assert!(
            chart.contains("y=\"60\" width=\"199\" height=\"60\""),
            "{chart}"
        );
        assert!(chart.contains("4 &amp; more"));
        assert_eq!(chart.matches("<rect").count(), 3);
        assert!(bars("empty", &[]).into_string().is_empty());
    }
}
