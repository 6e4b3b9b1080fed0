//! What the integration tests that run the `giftsim` binary share.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the built `giftsim` with `args`, `stdin` on its standard input.
pub fn giftsim(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_giftsim"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("giftsim starts");
    // The process may exit before reading all of a large input; that is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}
