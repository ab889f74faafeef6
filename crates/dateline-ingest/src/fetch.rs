//! Fetching pages over HTTP(S) with reqwest's blocking client.
//!
//! The blocking client fits the CLI's model (rayon workers that each
//! fetch one page at a time) without making the whole crate async. TLS is
//! rustls with reqwest's default crypto provider, aws-lc-rs: it builds with
//! the C compiler alone (no cmake) on the project's machines, so there was
//! no reason to swap in ring or leave reqwest for ureq.

use crate::error::{io_message, ErrorKind, IngestError};
use crate::http;
use crate::Options;
use chrono::Utc;
use dateline_model::{InputRef, RawPage};
use reqwest::blocking::{Client, Response};
use reqwest::header::{HeaderMap, ACCEPT, CONTENT_TYPE, DATE, LAST_MODIFIED};
use std::error::Error as _;
use std::io::{self, Read};
use std::time::Instant;

/// Pages are what we want; anything else is accepted only so that the
/// server's answer can be reported.
const ACCEPT_HTML: &str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";

/// Fetches pages over HTTP(S).
///
/// One `Fetcher` holds one connection pool and one background runtime
/// thread (reqwest's blocking client), and is meant to be shared by every
/// worker thread of a batch: `fetch` takes `&self`.
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: Client,
    options: Options,
}

impl Fetcher {
    /// Builds the HTTP client: the user agent, timeouts and redirect limit
    /// of `options`. Fails only if TLS cannot be set up.
    pub fn new(options: &Options) -> Result<Fetcher, IngestError> {
        let client = Client::builder()
            .user_agent(&options.user_agent)
            .timeout(options.timeout)
            .connect_timeout(options.connect_timeout.min(options.timeout))
            .redirect(reqwest::redirect::Policy::limited(options.max_redirects))
            .build()
            .map_err(|e| {
                IngestError::new(
                    "HTTP client",
                    ErrorKind::Network(format!("cannot start: {}", chain(&e))),
                )
            })?;
        Ok(Fetcher {
            client,
            options: options.clone(),
        })
    }

    /// Fetches one page.
    ///
    /// Errors, each naming `url`: a status outside 2xx; a content type that
    /// is not HTML (a missing one is accepted, for extraction to sniff); a
    /// body over [`Options::max_bytes`] after decompression (the read stops
    /// there, so a huge or endless body costs no more than the limit); more
    /// than [`Options::max_redirects`] redirects; and running out of time.
    ///
    /// [`Options::timeout`] bounds the whole fetch, body included: the
    /// client's own timeout bounds the wait for the response head and each
    /// read of the body, and the body is abandoned at the first read that
    /// ends after the deadline.
    pub fn fetch(&self, url: &str) -> Result<RawPage, IngestError> {
        let fail = |kind| IngestError::new(url, kind);
        let started = Instant::now();
        let mut response = self
            .client
            .get(url)
            .header(ACCEPT, ACCEPT_HTML)
            .send()
            .map_err(|e| fail(self.classify(&e)))?;
        let status = response.status();
        if !status.is_success() {
            return Err(fail(ErrorKind::Status {
                code: status.as_u16(),
                reason: status.canonical_reason().map(str::to_string),
            }));
        }
        let headers = response.headers();
        let content_type = header(headers, CONTENT_TYPE.as_str());
        if let Some(ct) = &content_type {
            if !http::is_html_type(ct) {
                return Err(fail(ErrorKind::NotHtml(http::mime_type(ct))));
            }
        }
        let fetched = header(headers, DATE.as_str())
            .and_then(|d| http::parse_http_date(&d))
            .unwrap_or_else(|| Utc::now().fixed_offset());
        let last_modified =
            header(headers, LAST_MODIFIED.as_str()).and_then(|d| http::parse_http_date(&d));
        let final_url = response.url().to_string();
        if response
            .content_length()
            .is_some_and(|n| n > self.options.max_bytes)
        {
            return Err(fail(ErrorKind::TooLarge(self.options.max_bytes)));
        }
        let bytes = self.read_body(&mut response, started).map_err(fail)?;

        let mut page = RawPage::new(
            InputRef::Url {
                url: url.to_string(),
            },
            bytes,
        );
        page.url = Some(final_url);
        page.content_type = content_type;
        page.fetched = Some(fetched);
        page.last_modified = last_modified;
        Ok(page)
    }

    /// Reads the (already decompressed) body, stopping at the size limit
    /// and the deadline.
    fn read_body(&self, response: &mut Response, started: Instant) -> Result<Vec<u8>, ErrorKind> {
        let max = self.options.max_bytes;
        let mut body = Vec::new();
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            if started.elapsed() > self.options.timeout {
                return Err(ErrorKind::Timeout(self.options.timeout));
            }
            match response.read(&mut chunk) {
                Ok(0) => return Ok(body),
                Ok(n) => {
                    if (body.len() + n) as u64 > max {
                        return Err(ErrorKind::TooLarge(max));
                    }
                    body.extend_from_slice(&chunk[..n]);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(self.classify_io(e)),
            }
        }
    }

    fn classify(&self, e: &reqwest::Error) -> ErrorKind {
        if e.is_timeout() {
            ErrorKind::Timeout(self.options.timeout)
        } else if e.is_redirect() {
            ErrorKind::TooManyRedirects(self.options.max_redirects)
        } else if e.is_connect() {
            ErrorKind::Network(format!("cannot connect: {}", root_cause(e)))
        } else if e.is_decode() {
            ErrorKind::Encoding(format!("cannot decode the body: {}", root_cause(e)))
        } else {
            ErrorKind::Network(chain(e))
        }
    }

    /// Body reads report reqwest's errors wrapped in `io::Error`.
    fn classify_io(&self, e: io::Error) -> ErrorKind {
        if let Some(inner) = e.get_ref().and_then(|i| i.downcast_ref::<reqwest::Error>()) {
            return self.classify(inner);
        }
        if e.kind() == io::ErrorKind::TimedOut {
            return ErrorKind::Timeout(self.options.timeout);
        }
        ErrorKind::Network(io_message(&e))
    }
}

fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).trim().to_string())
}

/// The innermost cause: `connection refused`, not three layers of
/// "error sending request".
fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    match cur.downcast_ref::<io::Error>() {
        Some(io) => io_message(io),
        None => cur.to_string(),
    }
}

/// Every cause below reqwest's own message (which repeats the URL the
/// error message already starts with).
fn chain(e: &reqwest::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur = e.source();
    while let Some(err) = cur {
        let text = match err.downcast_ref::<io::Error>() {
            Some(io) => io_message(io),
            None => err.to_string(),
        };
        if parts.last() != Some(&text) {
            parts.push(text);
        }
        cur = err.source();
    }
    if parts.is_empty() {
        e.to_string()
    } else {
        parts.join(": ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{page, path_of, respond, serve};
    use std::io::Write;
    use std::time::Duration;

    /// One server for every scenario, routed by path.
    fn server() -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
        serve(|head, stream| {
            let html = [("Content-Type", "text/html; charset=utf-8")];
            match path_of(head) {
                "/ok" => respond(
                    stream,
                    "200 OK",
                    &[
                        ("Content-Type", "text/html; charset=utf-8"),
                        ("Date", "Wed, 08 Oct 2014 11:01:00 GMT"),
                        ("Last-Modified", "Wed, 08 Oct 2014 10:00:00 GMT"),
                    ],
                    &page("OK"),
                ),
                "/no-type" => respond(stream, "200 OK", &[], &page("Untyped")),
                "/gzipped" => respond(
                    stream,
                    "200 OK",
                    &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                    &crate::testutil::gzip(&page("Zipped")),
                ),
                "/missing" => respond(stream, "404 Not Found", &html, b"<p>gone</p>"),
                "/r1" => respond(stream, "302 Found", &[("Location", "/r2")], b""),
                "/r2" => respond(stream, "301 Moved Permanently", &[("Location", "/r3")], b""),
                "/r3" => respond(
                    stream,
                    "307 Temporary Redirect",
                    &[("Location", "/ok")],
                    b"",
                ),
                p if p.starts_with("/loop/") => {
                    let n: u32 = p[6..].parse().unwrap();
                    let next = format!("/loop/{}", n + 1);
                    respond(stream, "302 Found", &[("Location", &next)], b"");
                }
                "/pdf" => respond(
                    stream,
                    "200 OK",
                    &[("Content-Type", "application/pdf")],
                    b"%PDF-1.4",
                ),
                "/big-declared" => respond(stream, "200 OK", &html, &vec![b'x'; 200_000]),
                "/big-streamed" => {
                    // No Content-Length: only the capped read can stop it.
                    let _ = stream.write_all(
                        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n",
                    );
                    let chunk = vec![b'x'; 16 * 1024];
                    for _ in 0..64 {
                        if stream.write_all(&chunk).is_err() {
                            break;
                        }
                    }
                }
                "/slow-head" => {
                    std::thread::sleep(Duration::from_secs(3));
                    respond(stream, "200 OK", &html, &page("Slow"));
                }
                "/slow-body" => {
                    let _ = stream.write_all(
                        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<p>",
                    );
                    let _ = stream.flush();
                    std::thread::sleep(Duration::from_secs(3));
                }
                _ => respond(stream, "500 Internal Server Error", &html, b""),
            }
        })
    }

    fn fetcher(options: Options) -> Fetcher {
        Fetcher::new(&options).unwrap()
    }

    #[test]
    fn fetches_a_page_with_its_metadata() {
        let (base, seen) = server();
        let url = format!("{base}/ok");
        let page = fetcher(Options::default()).fetch(&url).unwrap();
        assert_eq!(page.bytes, crate::testutil::page("OK"));
        assert_eq!(page.input, InputRef::Url { url: url.clone() });
        assert_eq!(page.url.as_deref(), Some(url.as_str()));
        assert_eq!(
            page.content_type.as_deref(),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(
            page.fetched.unwrap().to_rfc3339(),
            "2014-10-08T11:01:00+00:00"
        );
        assert_eq!(
            page.last_modified.unwrap().to_rfc3339(),
            "2014-10-08T10:00:00+00:00"
        );
        let head = seen.lock().unwrap()[0].to_ascii_lowercase();
        let ua = format!("user-agent: {}", crate::USER_AGENT.to_ascii_lowercase());
        assert!(head.contains(&ua), "{head}");
        assert!(crate::USER_AGENT.starts_with("Dateline/0."));
    }

    #[test]
    fn no_content_type_is_accepted_and_fetch_time_defaults_to_now() {
        let (base, _) = server();
        let before = Utc::now();
        let page = fetcher(Options::default())
            .fetch(&format!("{base}/no-type"))
            .unwrap();
        assert_eq!(page.content_type, None);
        assert!(page.fetched.unwrap() >= before - chrono::Duration::seconds(1));
    }

    #[test]
    fn compressed_responses_are_decompressed() {
        let (base, seen) = server();
        let page = fetcher(Options::default())
            .fetch(&format!("{base}/gzipped"))
            .unwrap();
        assert_eq!(page.bytes, crate::testutil::page("Zipped"));
        let head = seen.lock().unwrap()[0].to_ascii_lowercase();
        assert!(head.contains("accept-encoding: gzip,br"), "{head}");
    }

    #[test]
    fn status_errors_name_the_url() {
        let (base, _) = server();
        let url = format!("{base}/missing");
        let err = fetcher(Options::default()).fetch(&url).unwrap_err();
        assert_eq!(err.to_string(), format!("{url}: HTTP 404 Not Found"));
    }

    #[test]
    fn follows_a_redirect_chain_to_the_final_url() {
        let (base, _) = server();
        let page = fetcher(Options::default())
            .fetch(&format!("{base}/r1"))
            .unwrap();
        assert_eq!(page.url.as_deref(), Some(format!("{base}/ok").as_str()));
        assert_eq!(
            page.input,
            InputRef::Url {
                url: format!("{base}/r1")
            }
        );
    }

    #[test]
    fn too_many_redirects() {
        let (base, seen) = server();
        let url = format!("{base}/loop/0");
        let err = fetcher(Options::default()).fetch(&url).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::TooManyRedirects(10)),
            "{err}"
        );
        assert_eq!(
            err.to_string(),
            format!("{url}: too many redirects (more than 10)")
        );
        assert_eq!(
            seen.lock().unwrap().len(),
            11,
            "the first request and 10 redirects"
        );
        // Three redirects are too many for a limit of two.
        let opts = Options {
            max_redirects: 2,
            ..Options::default()
        };
        let err = fetcher(opts).fetch(&format!("{base}/r1")).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::TooManyRedirects(2)),
            "{err}"
        );
    }

    #[test]
    fn non_html_is_refused_by_type() {
        let (base, _) = server();
        let url = format!("{base}/pdf");
        let err = fetcher(Options::default()).fetch(&url).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{url}: not an HTML page: content type application/pdf")
        );
    }

    #[test]
    fn oversized_bodies_are_cut_off() {
        let (base, _) = server();
        let opts = Options {
            max_bytes: 64 * 1024,
            ..Options::default()
        };
        let f = fetcher(opts);
        for path in ["/big-declared", "/big-streamed"] {
            let err = f.fetch(&format!("{base}{path}")).unwrap_err();
            assert!(
                matches!(err.kind(), ErrorKind::TooLarge(65536)),
                "{path}: {err}"
            );
        }
    }

    #[test]
    fn slow_servers_time_out() {
        let (base, _) = server();
        let timeout = Duration::from_millis(400);
        let f = fetcher(Options {
            timeout,
            ..Options::default()
        });
        for path in ["/slow-head", "/slow-body"] {
            let started = Instant::now();
            let err = f.fetch(&format!("{base}{path}")).unwrap_err();
            assert!(
                matches!(err.kind(), ErrorKind::Timeout(t) if *t == timeout),
                "{path}: {err}"
            );
            assert!(
                started.elapsed() < Duration::from_millis(2500),
                "{path}: {:?}",
                started.elapsed()
            );
            assert!(err.to_string().ends_with("timed out after 0.4 s"), "{err}");
        }
    }

    #[test]
    fn refused_connections_are_clean_errors() {
        let err = fetcher(Options::default())
            .fetch("http://127.0.0.1:1/")
            .unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Network(_)), "{err}");
        let msg = err.to_string();
        assert!(
            msg.starts_with("http://127.0.0.1:1/: cannot connect: "),
            "{msg}"
        );
    }
}
