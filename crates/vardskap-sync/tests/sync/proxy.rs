//! A tiny HTTP server on loopback that answers as a failing LRS would, or
//! forwards to a real one.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// How the proxy answers a request.
#[derive(Clone, Debug)]
pub enum Fault {
    /// This status and body (JSON content type).
    Reply(u16, &'static str),
    /// A redirect to a login page.
    Redirect,
    /// 200 `[]`, after this long.
    Slow(Duration),
    /// Reads the request, then closes the connection without a word.
    Drop,
    /// Something that is not HTTP.
    Garbage,
    /// This status with a body of this many bytes, written as fast as the
    /// client takes it.
    Huge(u16, u64),
    /// This status and a body that never ends (no Content-Length: the body
    /// would end when the connection closes), written as fast as the client
    /// takes it.
    Endless(u16),
    /// The status and JSON body this function gives for the request's path
    /// and query.
    Dynamic(fn(&str) -> (u16, String)),
    /// A TCP tunnel to this loopback port (a real LRS).
    Forward(u16),
    /// Passes the request to this loopback port (a real LRS), waits for the
    /// start of its reply, then drops the connection: the LRS has handled
    /// the request, the client never hears of it.
    LoseReply(u16),
}

#[derive(Default)]
pub struct Counters {
    /// Requests answered (not counting forwarded ones).
    pub requests: AtomicUsize,
    /// Body bytes of `Huge` and `Endless` replies the client accepted.
    pub huge_bytes: AtomicU64,
}

pub struct FaultProxy {
    pub port: u16,
    /// Faults for the next requests, in order, before `default`.
    queue: Arc<Mutex<VecDeque<Fault>>>,
    default: Arc<Mutex<Fault>>,
    pub counters: Arc<Counters>,
    task: JoinHandle<()>,
}

impl FaultProxy {
    pub async fn start(default: Fault) -> FaultProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let queue = Arc::new(Mutex::new(VecDeque::new()));
        let default = Arc::new(Mutex::new(default));
        let counters = Arc::new(Counters::default());
        let task = tokio::spawn({
            let (queue, default, counters) = (queue.clone(), default.clone(), counters.clone());
            async move {
                loop {
                    let Ok((socket, _)) = listener.accept().await else {
                        continue;
                    };
                    tokio::spawn(handle(
                        socket,
                        queue.clone(),
                        default.clone(),
                        counters.clone(),
                    ));
                }
            }
        });
        FaultProxy {
            port,
            queue,
            default,
            counters,
            task,
        }
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI/", self.port)
    }

    /// Answers from now on (after any queued faults).
    pub fn set(&self, fault: Fault) {
        *self.default.lock().expect("lock") = fault;
    }

    /// Answers the next requests so, one each, in order.
    pub fn queue(&self, faults: impl IntoIterator<Item = Fault>) {
        self.queue.lock().expect("lock").extend(faults);
    }

    pub fn requests(&self) -> usize {
        self.counters.requests.load(Ordering::SeqCst)
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn handle(
    mut socket: TcpStream,
    queue: Arc<Mutex<VecDeque<Fault>>>,
    default: Arc<Mutex<Fault>>,
    counters: Arc<Counters>,
) {
    // One request per connection (every reply says Connection: close), so
    // each request takes the next fault.
    if let Fault::Forward(port) = &*default.lock().expect("lock")
        && queue.lock().expect("lock").is_empty()
    {
        let port = *port;
        tokio::spawn(async move {
            if let Ok(mut upstream) = TcpStream::connect(("127.0.0.1", port)).await {
                let _ = tokio::io::copy_bidirectional(&mut socket, &mut upstream).await;
            }
        });
        return;
    }
    let Some(request) = read_request(&mut socket).await else {
        return;
    };
    let fault = {
        let next = queue.lock().expect("lock").pop_front();
        next.unwrap_or_else(|| default.lock().expect("lock").clone())
    };
    counters.requests.fetch_add(1, Ordering::SeqCst);
    match fault {
        Fault::Reply(status, body) => {
            let extra = if status == 401 {
                "WWW-Authenticate: Basic\r\n"
            } else {
                ""
            };
            reply(&mut socket, status, extra, body).await;
        }
        Fault::Redirect => {
            reply(
                &mut socket,
                302,
                "Location: http://127.0.0.1:1/login\r\n",
                "",
            )
            .await;
        }
        Fault::Slow(delay) => {
            tokio::time::sleep(delay).await;
            reply(&mut socket, 200, "", "[]").await;
        }
        Fault::Drop => drop(socket),
        Fault::Garbage => {
            let _ = socket
                .write_all(b"SMTP 220 hello there\r\n\r\nthis is not HTTP\r\n")
                .await;
        }
        Fault::Huge(status, bytes) => {
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {bytes}\r\nConnection: close\r\n\r\n"
            );
            if socket.write_all(head.as_bytes()).await.is_err() {
                return;
            }
            let chunk = vec![b'x'; 64 << 10];
            let mut left = bytes;
            while left > 0 {
                let n = left.min(chunk.len() as u64) as usize;
                if socket.write_all(&chunk[..n]).await.is_err() {
                    break;
                }
                counters.huge_bytes.fetch_add(n as u64, Ordering::SeqCst);
                left -= n as u64;
            }
        }
        Fault::Endless(status) => {
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
            );
            if socket.write_all(head.as_bytes()).await.is_err() {
                return;
            }
            let mut chunk = b"{\"statements\":[".to_vec();
            chunk.resize(64 << 10, b' ');
            while socket.write_all(&chunk).await.is_ok() {
                counters
                    .huge_bytes
                    .fetch_add(chunk.len() as u64, Ordering::SeqCst);
                chunk.fill(b' ');
            }
        }
        Fault::Dynamic(answer) => {
            let head = String::from_utf8_lossy(&request);
            let path = head.split_whitespace().nth(1).unwrap_or("");
            let (status, body) = answer(path);
            reply(&mut socket, status, "", &body).await;
        }
        Fault::LoseReply(port) => {
            if let Ok(mut upstream) = TcpStream::connect(("127.0.0.1", port)).await
                && upstream.write_all(&request).await.is_ok()
            {
                let mut first = [0u8; 1];
                let _ = upstream.read(&mut first).await;
            }
            drop(socket);
        }
        Fault::Forward(_) => unreachable!("queued forwards are not supported"),
    }
}

async fn reply(socket: &mut TcpStream, status: u16, extra: &str, body: &str) {
    let text = format!(
        "HTTP/1.1 {status} X\r\n{extra}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = socket.write_all(text.as_bytes()).await;
    let _ = socket.shutdown().await;
}

/// Reads one request (head and Content-Length body) and returns its bytes.
pub async fn read_request(socket: &mut TcpStream) -> Option<Vec<u8>> {
    let mut data = Vec::new();
    let mut buf = [0u8; 16 << 10];
    let head_end = loop {
        let n = socket.read(&mut buf).await.ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buf[..n]);
        if let Some(i) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        if data.len() > 1 << 20 {
            return None;
        }
    };
    let head = String::from_utf8_lossy(&data[..head_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    while data.len() < head_end + length {
        let n = socket.read(&mut buf).await.ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buf[..n]);
    }
    Some(data)
}
