//! Prints the body extractor's reasoning for one page (HTML file, or .gz).
//! cargo run --release -p dateline-extract --example explain -- PAGE
use std::io::Read;

fn main() {
    let path = std::env::args().nth(1).expect("usage: explain PAGE");
    let raw = std::fs::read(&path).expect("read page");
    let bytes = if path.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .expect("gzip");
        out
    } else {
        raw
    };
    let text = dateline_extract::decode::decode(&bytes, None)
        .text
        .into_owned();
    print!("{}", dateline_extract::explain_body(&text));
}
