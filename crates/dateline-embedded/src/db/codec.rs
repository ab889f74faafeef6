//! How revisions are kept: the text and the rest of the article as
//! separate zstd frames, so that listing and snippets decode only the
//! text, and a whole article is its JSON with the text put back.

use dateline_model::Article;
use dateline_store::{Context, Result};

const LEVEL: i32 = 3;

pub struct Encoded {
    pub text: Vec<u8>,
    pub body: Vec<u8>,
}

pub fn encode(article: &Article) -> Result<Encoded> {
    let text =
        zstd::bulk::compress(article.text.as_bytes(), LEVEL).context("compressing a text")?;
    let mut rest = article.clone();
    rest.text = String::new();
    let json = serde_json::to_vec(&rest).context("serialising an article")?;
    let body = zstd::bulk::compress(&json, LEVEL).context("compressing an article")?;
    Ok(Encoded { text, body })
}

pub fn decode_text(text: &[u8]) -> Result<String> {
    let bytes = zstd::stream::decode_all(text).context("decompressing a stored text")?;
    String::from_utf8(bytes).context("a stored text is not UTF-8")
}

pub fn decode(text: &[u8], body: &[u8]) -> Result<Article> {
    let json = zstd::stream::decode_all(body).context("decompressing a stored article")?;
    let mut article: Article = serde_json::from_slice(&json).context("reading a stored article")?;
    article.text = decode_text(text)?;
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::{BlockKind, InputRef};

    #[test]
    fn round_trip() {
        let mut a = Article::new(InputRef::Stdin);
        a.title = Some("Title".into());
        a.set_body([
            (BlockKind::Paragraph, "Москва — first."),
            (BlockKind::Paragraph, "Second."),
        ]);
        let e = encode(&a).unwrap();
        assert_eq!(decode(&e.text, &e.body).unwrap(), a);
        assert_eq!(decode_text(&e.text).unwrap(), a.text);
    }
}
