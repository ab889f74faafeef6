//! A real browser on the portal: headless Chromium driven over WebDriver
//! (Debian's `chromium` and `chromium-driver`). It loads the front page,
//! searches, opens an article, follows an entity link, checks the marked
//! quotations and that no script ran, and saves a screenshot of each page
//! (under `target/tmp/browser/`, or `DATELINE_SCREENSHOTS`).
//!
//! Without chromedriver the test says so and passes, unless
//! `DATELINE_REQUIRE_BROWSER=1` (as CI sets it), when it fails.

mod common;

use common::{specimen_incoming, TestServer};
use fantoccini::{Client, ClientBuilder, Locator};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path).chain([PathBuf::from("/usr/lib/chromium")]) {
        for name in names {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// chromedriver on a free loopback port, once it accepts connections.
fn start_driver() -> Option<(Driver, u16, PathBuf)> {
    let required = std::env::var("DATELINE_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
    let driver = find_program(&["chromedriver"]);
    let browser = find_program(&["chromium", "chromium-browser", "google-chrome"]);
    let (Some(driver), Some(browser)) = (driver, browser) else {
        assert!(
            !required,
            "DATELINE_REQUIRE_BROWSER=1 but chromium or chromedriver is missing"
        );
        eprintln!("skipped: chromium and chromedriver not found (apt-get install chromium chromium-driver)");
        return None;
    };
    let port = free_port();
    let child = Command::new(driver)
        .arg(format!("--port={port}"))
        .arg("--allowed-ips=127.0.0.1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Driver(child);
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some((driver, port, browser));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("chromedriver did not listen on port {port} within 10 s");
}

fn screenshots_dir() -> PathBuf {
    let dir = std::env::var_os("DATELINE_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn shot(client: &Client, dir: &Path, name: &str) {
    let png = client.screenshot().await.unwrap();
    assert!(png.starts_with(b"\x89PNG"), "{name}: not a PNG");
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png).unwrap();
    eprintln!("screenshot: {}", path.display());
}

/// The element `css` once the page shows it (at most 10 s).
async fn wait_for(client: &Client, css: &str) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css} within 10 s: {e}"))
}

/// Nothing ran: no script element, and the hostile page's payload unset.
async fn no_script_ran(client: &Client, page: &str) {
    let ran = client
        .execute(
            "return [document.scripts.length, typeof window.pwned, typeof window.alerted];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        ran,
        serde_json::json!([0, "undefined", "undefined"]),
        "{page}"
    );
}

#[test]
fn a_reader_searches_reads_and_follows_an_entity() {
    let Some((_driver, port, browser)) = start_driver() else {
        return;
    };
    let server = TestServer::start(None);
    let mut hostile = common::page_incoming(
        "https://evil.example/story",
        "<html><head><title>Storm <script>window.pwned=1</script></title></head><body><article>\
             <h1>Storm warning &lt;script&gt;window.pwned=2&lt;/script&gt;</h1>\
             <p>Bogdanov said the storm <img src=x onerror=\"window.pwned=3\"> was coming, in a \
             paragraph long enough to be taken for the text of the article by the extractor.</p>\
             <p onclick=\"window.pwned=4\">More text about the storm, <a href=\"javascript:window.pwned=5\">a link</a>.</p>\
             </article></body></html>"
            .as_bytes()
            .to_vec(),
    );
    hostile.article.title = Some("Storm <script>window.pwned=6</script>".into());
    server.put(vec![specimen_incoming(), hostile]);
    let base = server.url("");
    let dir = screenshots_dir();

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": browser,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1200,1000", "--no-first-run", "--no-proxy-server",
                         // Loopback only: no name resolves, nothing phones home.
                         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                         "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--disable-default-apps", "--no-pings"],
            }),
        );
        let client = ClientBuilder::rustls()
            .expect("TLS roots")
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a WebDriver session");
        let result = walk(&client, &base, &dir).await;
        client.close().await.unwrap();
        result
    });
}

async fn walk(client: &Client, base: &str, dir: &Path) {
    // The front page: sections, the search box.
    client.goto(base).await.unwrap();
    assert_eq!(client.title().await.unwrap(), "Latest news — Dateline");
    let section = client
        .find(Locator::Css("section.sections h2 a"))
        .await
        .unwrap();
    assert!(!section.text().await.unwrap().is_empty());
    no_script_ran(client, "front page").await;
    shot(client, dir, "1-front").await;

    // Search from the header's box.
    let input = client
        .find(Locator::Css("header input[name=q]"))
        .await
        .unwrap();
    input.send_keys("Bogdanov").await.unwrap();
    client
        .find(Locator::Css("header button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(client, "ol.hits").await;
    assert!(client
        .current_url()
        .await
        .unwrap()
        .path()
        .ends_with("/search"));
    let hits = client.find_all(Locator::Css("ol.hits h3 a")).await.unwrap();
    assert!(!hits.is_empty(), "the search found nothing");
    assert!(
        client.find(Locator::Css("svg.chart")).await.is_ok(),
        "no timeline chart"
    );
    assert!(
        client.find(Locator::Css("aside.facets")).await.is_ok(),
        "no facets"
    );
    no_script_ran(client, "search page").await;
    shot(client, dir, "2-search").await;

    // The specimen's article page.
    let mut opened = false;
    for hit in hits {
        if hit
            .text()
            .await
            .unwrap()
            .starts_with("Russia Does Not Need")
        {
            hit.click().await.unwrap();
            opened = true;
            break;
        }
    }
    assert!(opened, "the specimen is not among the hits");
    wait_for(client, "article.story").await;
    let quotes = client.find_all(Locator::Css("mark.quote")).await.unwrap();
    assert!(quotes.len() >= 3, "{} quotations marked", quotes.len());
    let mut fierce = false;
    for q in &quotes {
        fierce |= q.text().await.unwrap().contains("fierce fight");
    }
    assert!(
        fierce,
        "the quotation 'We have been involved in a fierce fight' is not marked"
    );
    let published = client
        .find(Locator::Css("dl.facts"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        published.contains("UTC+04:00") && published.contains("11:01 UTC"),
        "{published}"
    );
    no_script_ran(client, "article page").await;
    shot(client, dir, "3-article").await;

    // Follow the entity link to Mikhail Bogdanov.
    let link = client
        .find(Locator::XPath(
            "//div[@class='text']//a[contains(@class,'entity') and contains(., 'Bogdanov')]",
        ))
        .await
        .expect("Bogdanov is linked in the text");
    link.click().await.unwrap();
    let name = wait_for(client, "h1").await;
    assert_eq!(name.text().await.unwrap(), "Mikhail Bogdanov");
    assert!(
        client.find(Locator::Css("svg.chart")).await.is_ok(),
        "no mentions chart"
    );
    no_script_ran(client, "entity page").await;
    shot(client, dir, "4-entity").await;

    // The hostile page: shown, inert.
    client
        .goto(&format!("{base}/search?q=storm"))
        .await
        .unwrap();
    let hostile = client.find(Locator::Css("ol.hits h3 a")).await.unwrap();
    assert!(
        hostile.text().await.unwrap().contains("<script>"),
        "the title is shown as text"
    );
    hostile.click().await.unwrap();
    wait_for(client, "article.story").await;
    // Clicking the text must not run anything either (links are left
    // alone: one leads off loopback).
    for el in client
        .find_all(Locator::Css("div.text p, div.text mark"))
        .await
        .unwrap()
    {
        el.click().await.unwrap();
    }
    no_script_ran(client, "hostile article").await;
    shot(client, dir, "5-hostile").await;
}
