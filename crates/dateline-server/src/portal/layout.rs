//! The frame every page shares: landmarks, the search box, the stylesheet.

use maud::{html, Markup, DOCTYPE};

pub const STYLESHEET: &str = include_str!("style.css");

pub fn page(title: &str, main: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — Dateline" }
                link rel="stylesheet" href="/style.css";
            }
            body {
                a class="skip" href="#main" { "Skip to the content" }
                header {
                    a href="/" class="brand" { "Dateline" }
                    form role="search" action="/search" method="get" {
                        label for="q" { "Search the archive" }
                        input type="search" id="q" name="q";
                        button type="submit" { "Search" }
                    }
                }
                main id="main" { (main) }
                footer { p { "Dateline news archive" } }
            }
        }
    }
}
