use std::io::Read;
fn main() {
    let dir = "/work/shared/bench/article-extraction/html";
    let mut pages = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let gz = std::fs::read(e.unwrap().path()).unwrap();
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut html)
            .unwrap();
        pages.push(String::from_utf8_lossy(&html).into_owned());
    }
    let re_style = regex::Regex::new(r"(?is)(<style\b[^>]*>).*?(</style)").unwrap();
    let re_script = regex::Regex::new(r"(?is)(<script\b[^>]*>).*?(</script)").unwrap();
    let styled: Vec<String> = pages
        .iter()
        .map(|p| re_style.replace_all(p, "$1$2").into_owned())
        .collect();
    let both: Vec<String> = styled
        .iter()
        .map(|p| re_script.replace_all(p, "$1$2").into_owned())
        .collect();
    for (name, set) in [
        ("orig", &pages),
        ("nostyle", &styled),
        ("noscript+style", &both),
    ] {
        let t = std::time::Instant::now();
        for _ in 0..3 {
            for p in set.iter() {
                std::hint::black_box(dateline_extract::dom::Document::parse(p));
            }
        }
        println!(
            "{name}: {:.0} pages/s, {} MB",
            3.0 * set.len() as f64 / t.elapsed().as_secs_f64(),
            set.iter().map(|p| p.len()).sum::<usize>() / 1_000_000
        );
    }
}
