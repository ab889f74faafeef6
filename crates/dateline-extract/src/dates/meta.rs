//! Which `<meta>` names and `itemprop`s carry which date.
//!
//! Names are compared lowercased. The lists were drawn up from the Open
//! Graph and Dublin Core vocabularies, schema.org, and what publishing
//! systems (WordPress, Parse.ly, Sailthru, Highwire/citation tags) emit.
//! Strength tells names made for exactly this ("article:published_time")
//! from loose ones ("date", "timestamp") that sites also fill with the
//! time the page was served.

use dateline_model::DateField;

/// Names that say "first published", and were made to.
const PUBLISHED_STRONG: &[&str] = &[
    "article:published_time",
    "article:published",
    "article:published_date",
    "article:publicationdate",
    "article:post_date",
    "article.published",
    "og:published_time",
    "og:article:published_time",
    "og:article:published",
    "og:publish_date",
    "og:pubdate",
    "og:datepublished",
    "datepublished",
    "date_published",
    "date-published",
    "published_time",
    "published_date",
    "published-date",
    "publisheddate",
    "publish_date",
    "publish-date",
    "publishdate",
    "publish_time",
    "publication_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "rnews:datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.publication",
    "citation_publication_date",
    "citation_online_date",
    "citation_date",
    "prism.publicationdate",
    "shareaholic:article_published_time",
    "vr:published_time",
    "mediator_published_time",
    "cxenseparse:recs:publishtime",
    "article_date_original",
    "originalpublicationdate",
    "original-publish-date",
    "dcsext.articlefirstpublished",
    "analyticsattributes.articledate",
    "bt:pubdate",
    "rbpubdate",
    "twt-published-at",
    "video:release_date",
    "og:video:release_date",
];

/// Names that usually hold the publication date, but are loose enough
/// that some sites put other dates in them.
const PUBLISHED_WEAK: &[&str] = &[
    "date",
    "dc.date",
    "dc:date",
    "dcterms.date",
    "dc.date.created",
    "dc.created",
    "dc:created",
    "dcterms.created",
    "datecreated",
    "date_created",
    "created",
    "content_create_date",
    "article.created",
    "displaydate",
    "dateposted",
    "doc_date",
    "pdate",
    "ptime",
    "release_date",
    "timestamp",
    "gentime",
    "pubyear",
];

/// Names that say "last changed".
const UPDATED: &[&str] = &[
    "article:modified_time",
    "article:modified",
    "article:modified_date",
    "article:post_modified",
    "og:updated_time",
    "og:modified_time",
    "og:article:modified_time",
    "datemodified",
    "dateupdate",
    "date_modified",
    "modified_time",
    "updated_time",
    "modificationdate",
    "dcterms.modified",
    "dc.date.modified",
    "dc.modified",
    "lastmod",
    "lastmodified",
    "last-modified",
    "last_modified",
    "modified",
    "revision_date",
    "bt:moddate",
    "utime",
    "parsely-updated-date",
];

/// How strongly a meta key states a date: lower is stronger.
pub(crate) const STRONG: u8 = 0;
pub(crate) const WEAK: u8 = 1;
/// `http-equiv` headers copied into the page: the server's, not the
/// author's, date.
pub(crate) const HTTP: u8 = 2;

/// The date a `<meta name|property|itemprop>` key carries, and how strongly.
pub(crate) fn classify(key: &str) -> Option<(DateField, u8)> {
    let k = key.trim().to_ascii_lowercase();
    // RDFa and microdata spell schema.org's terms with a prefix or in full.
    let k = k
        .strip_prefix("schema:")
        .or_else(|| k.strip_prefix("https://schema.org/"))
        .or_else(|| k.strip_prefix("http://schema.org/"))
        .unwrap_or(&k);
    if PUBLISHED_STRONG.contains(&k) {
        Some((DateField::Published, STRONG))
    } else if UPDATED.contains(&k) {
        Some((DateField::Updated, STRONG))
    } else if PUBLISHED_WEAK.contains(&k) {
        Some((DateField::Published, WEAK))
    } else {
        None
    }
}

/// The date an `http-equiv` header carries.
pub(crate) fn classify_http_equiv(key: &str) -> Option<(DateField, u8)> {
    match key.trim().to_ascii_lowercase().as_str() {
        "date" => Some((DateField::Published, HTTP)),
        "last-modified" => Some((DateField::Updated, HTTP)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_case_insensitively() {
        assert_eq!(
            classify("article:published_time"),
            Some((DateField::Published, STRONG))
        );
        assert_eq!(
            classify("DC.date.issued"),
            Some((DateField::Published, STRONG))
        );
        assert_eq!(
            classify("og:updated_time"),
            Some((DateField::Updated, STRONG))
        );
        assert_eq!(classify("dateModified"), Some((DateField::Updated, STRONG)));
        assert_eq!(classify("date"), Some((DateField::Published, WEAK)));
        assert_eq!(classify("description"), None);
        assert_eq!(
            classify("schema:datePublished"),
            Some((DateField::Published, STRONG))
        );
        assert_eq!(
            classify_http_equiv("Last-Modified"),
            Some((DateField::Updated, HTTP))
        );
    }

    #[test]
    fn lists_do_not_overlap() {
        for k in PUBLISHED_STRONG.iter().chain(PUBLISHED_WEAK).chain(UPDATED) {
            let n = [PUBLISHED_STRONG, PUBLISHED_WEAK, UPDATED]
                .iter()
                .filter(|l| l.contains(k))
                .count();
            assert_eq!(n, 1, "{k}");
            assert_eq!(k.to_ascii_lowercase(), *k);
        }
    }
}
