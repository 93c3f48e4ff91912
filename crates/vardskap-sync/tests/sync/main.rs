//! The sync against a real LRS (Ralph on loopback, see
//! docs/testing-with-an-lrs.md) and against a fault proxy.

#![allow(clippy::unwrap_used)]

mod class_view;
mod faults;
mod lrs;
mod proxy;
mod pull;
mod syncer;

use std::time::Duration;

use vardskap_sync::{Client, ClientOptions};

/// A client as the app's, without any proxy from the environment (the tests
/// talk to loopback only), with a given total timeout.
pub fn test_client(timeout: Duration) -> Client {
    vardskap_sync::client_builder(&ClientOptions {
        connect_timeout: Duration::from_secs(5),
        timeout,
    })
    .no_proxy()
    .build()
    .unwrap()
}
