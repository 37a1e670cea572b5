//! A loopback HTTP server with canned answers, for the tests that fetch pages (shared
//! with the generator's tests).

#![allow(dead_code)] // each test file uses its own part

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

/// A canned answer.
pub struct Answer {
    /// `200 OK`, `404 Not Found`, ...
    pub status: &'static str,
    /// The `Content-Type` header.
    pub content_type: &'static str,
    /// The body.
    pub body: Vec<u8>,
    /// How long to wait before answering.
    pub delay: Duration,
    /// A `Location` header (for a redirect).
    pub location: Option<&'static str>,
    /// Sends `body` over and over without a length, pausing this long between copies,
    /// as a server that never stops sending; it stops when the client hangs up, or after
    /// 60 s or 256 MiB, so that no test leaves it running.
    pub endless: Option<Duration>,
}

impl Answer {
    /// `200 OK` with `body`.
    pub fn ok(content_type: &'static str, body: impl Into<Vec<u8>>) -> Answer {
        Answer {
            status: "200 OK",
            content_type,
            body: body.into(),
            delay: Duration::ZERO,
            location: None,
            endless: None,
        }
    }

    /// `302 Found` to `location` (a path on this server, or a URL).
    pub fn redirect(location: &'static str) -> Answer {
        Answer {
            status: "302 Found",
            location: Some(location),
            ..Answer::ok("text/html", b"<a>moved</a>".to_vec())
        }
    }

    /// `200 OK`, sending `chunk` over and over, `pause` apart, until the client hangs up.
    pub fn endless(
        content_type: &'static str,
        chunk: impl Into<Vec<u8>>,
        pause: Duration,
    ) -> Answer {
        Answer {
            endless: Some(pause),
            ..Answer::ok(content_type, chunk)
        }
    }

    /// The same answer, after `delay`.
    pub fn after(self, delay: Duration) -> Answer {
        Answer { delay, ..self }
    }
}

/// Serves `routes` (path, answer) on 127.0.0.1 for the life of the test process; any
/// other path is `404 Not Found`. Returns the base URL, `http://127.0.0.1:PORT`.
pub fn serve(routes: Vec<(&'static str, Answer)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let routes = Arc::new(routes);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let routes = Arc::clone(&routes);
            std::thread::spawn(move || {
                let Ok(read) = stream.try_clone() else { return };
                let mut reader = BufReader::new(read);
                let mut request = String::new();
                let _ = reader.read_line(&mut request);
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                }
                let path = request.split_whitespace().nth(1).unwrap_or("/");
                let not_found = Answer {
                    status: "404 Not Found",
                    content_type: "text/plain",
                    body: b"not found".to_vec(),
                    delay: Duration::ZERO,
                    location: None,
                    endless: None,
                };
                let answer = routes
                    .iter()
                    .find(|(p, _)| *p == path)
                    .map_or(&not_found, |(_, a)| a);
                std::thread::sleep(answer.delay);
                let location = answer
                    .location
                    .map_or(String::new(), |l| format!("Location: {l}\r\n"));
                let length = match answer.endless {
                    Some(_) => String::new(),
                    None => format!("Content-Length: {}\r\n", answer.body.len()),
                };
                let head = format!(
                    "HTTP/1.1 {}\r\nContent-Type: {}\r\n{length}{location}Connection: close\r\n\r\n",
                    answer.status, answer.content_type,
                );
                let _ = stream.write_all(head.as_bytes());
                match answer.endless {
                    None => {
                        let _ = stream.write_all(&answer.body);
                    }
                    Some(pause) => {
                        let started = std::time::Instant::now();
                        let mut sent = 0;
                        while started.elapsed() < Duration::from_secs(60) && sent < 256 << 20 {
                            if stream.write_all(&answer.body).is_err() {
                                break;
                            }
                            sent += answer.body.len();
                            std::thread::sleep(pause);
                        }
                    }
                }
            });
        }
    });
    format!("http://{addr}")
}
