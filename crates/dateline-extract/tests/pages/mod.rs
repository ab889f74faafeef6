//! Small pages as news portals serve them, for the language tests.

#![allow(dead_code)]

use dateline_model::{Article, InputRef, RawPage};

/// Extracts a page given as text (UTF-8).
pub fn extract(html: &str) -> Article {
    extract_bytes(html.as_bytes().to_vec(), None)
}

/// Extracts a page given as bytes, with an optional HTTP content type.
pub fn extract_bytes(bytes: Vec<u8>, content_type: Option<&str>) -> Article {
    let mut page = RawPage::new(
        InputRef::File {
            path: "page.html".to_string(),
        },
        bytes,
    );
    page.content_type = content_type.map(str::to_string);
    dateline_extract::extract(&page, &Default::default()).expect("page extracts")
}

/// A portal's article page: a header with navigation, the headline, a
/// time, the report's paragraphs, a box of related links, a footer.
/// `lang` is the page's language, `section` its breadcrumb, `published`
/// an ISO time. The body's paragraphs are given as HTML.
pub fn portal(lang: &str, title: &str, section: &str, published: &str, paras: &[&str]) -> String {
    let body: String = paras
        .iter()
        .map(|p| format!("        <p>{p}</p>\n"))
        .collect();
    article_page(lang, title, section, published, &body)
}

/// Like [`portal`], with the article's inner HTML given whole.
pub fn article_page(lang: &str, title: &str, section: &str, published: &str, body: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <title>{title} | Newsportal</title>
  <meta property="og:title" content="{title}">
  <meta property="og:site_name" content="Newsportal">
  <meta property="article:published_time" content="{published}">
  <link rel="stylesheet" href="/static/main.css">
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">Newsportal</a>
    <nav class="main-nav">
      <ul>
        <li><a href="/world">World</a></li>
        <li><a href="/politics">Politics</a></li>
        <li><a href="/business">Business</a></li>
        <li><a href="/sport">Sport</a></li>
      </ul>
    </nav>
  </header>
  <main>
    <div class="breadcrumbs"><a href="/">Newsportal</a> / <a href="/s">{section}</a></div>
    <article class="story">
      <h1>{title}</h1>
      <div class="story-meta"><time datetime="{published}">{published}</time></div>
      <div class="story-body">
{body}      </div>
    </article>
    <aside class="related">
      <h3>Related</h3>
      <ul>
        <li><a href="/a/1">Another story on the same subject</a></li>
        <li><a href="/a/2">Yet another story from the same day</a></li>
        <li><a href="/a/3">A third story readers liked</a></li>
      </ul>
    </aside>
  </main>
  <footer class="site-footer">
    <p>© 2014 Newsportal. <a href="/about">About</a> · <a href="/privacy">Privacy</a></p>
  </footer>
</body>
</html>
"#
    )
}
