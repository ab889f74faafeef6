//! Builders for WARC test files and a loopback HTTP server, so that tests
//! need no committed binary data and no network.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

static RECORD_NO: AtomicUsize = AtomicUsize::new(0);

/// One WARC record; `fields` are extra header lines.
pub fn record(warc_type: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let n = RECORD_NO.fetch_add(1, Ordering::Relaxed);
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012}>\r\n\
         WARC-Date: 2014-10-08T11:01:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An HTTP response as a crawler stores it.
pub fn http_response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n").into_bytes();
    for (n, v) in headers {
        out.extend_from_slice(format!("{n}: {v}\r\n").as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}

/// A `response` record holding an HTTP response.
pub fn response(uri: &str, status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    record(
        "response",
        uri,
        "application/http; msgtype=response",
        &http_response(status, headers, body),
    )
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// Chunked transfer coding, in chunks of `size`.
pub fn chunked(data: &[u8], size: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for c in data.chunks(size) {
        out.extend_from_slice(format!("{:x}\r\n", c.len()).as_bytes());
        out.extend_from_slice(c);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

/// Concatenates records, compressing each as its own gzip member when
/// `gz`; returns the file and each record's offset.
pub fn warc_file(records: &[Vec<u8>], gz: bool) -> (Vec<u8>, Vec<u64>) {
    let mut file = Vec::new();
    let mut offsets = Vec::new();
    for r in records {
        offsets.push(file.len() as u64);
        if gz {
            file.extend_from_slice(&gzip(r));
        } else {
            file.extend_from_slice(r);
        }
    }
    (file, offsets)
}

/// An article-sized HTML page, so the bytes look like what the tool reads.
pub fn page(title: &str) -> Vec<u8> {
    format!(
        "<!DOCTYPE html><html><head><title>{title}</title></head><body><article>\
         <h1>{title}</h1><p>MOSCOW, October 8 (RIA Novosti) – The first paragraph of the story.</p>\
         <p>A second paragraph, with more words in it than a menu would have.</p></article></body></html>"
    )
    .into_bytes()
}

/// A loopback HTTP server: `handler` gets each request head and writes the
/// whole response to the stream itself (so it can stall, dribble or lie).
/// Returns the base URL (`http://127.0.0.1:port`) and the request heads seen.
pub fn serve<F>(handler: F) -> (String, Arc<Mutex<Vec<String>>>)
where
    F: Fn(&str, &mut TcpStream) + Send + Sync + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let seen2 = Arc::clone(&seen);
    let handler = Arc::new(handler);
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let handler = Arc::clone(&handler);
            let seen = Arc::clone(&seen2);
            thread::spawn(move || {
                let head = read_head(&mut stream);
                seen.lock().unwrap().push(head.clone());
                handler(&head, &mut stream);
            });
        }
    });
    (base, seen)
}

fn read_head(stream: &mut TcpStream) -> String {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => break,
        }
    }
    String::from_utf8_lossy(&head).into_owned()
}

/// The path of a request head's request line.
pub fn path_of(head: &str) -> &str {
    head.split_whitespace().nth(1).unwrap_or("")
}

/// Writes a complete `Connection: close` response with a Content-Length.
pub fn respond(stream: &mut TcpStream, status: &str, headers: &[(&str, &str)], body: &[u8]) {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (n, v) in headers {
        out.push_str(&format!("{n}: {v}\r\n"));
    }
    out.push_str("\r\n");
    let _ = stream.write_all(out.as_bytes());
    let _ = stream.write_all(body);
    let _ = stream.flush();
}
