//! Every command in the README's `sh` blocks that runs the CLI is run here, so the README never
//! shows a command that fails.

use std::process::Command;

#[test]
fn readme_cli_examples_run() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let bin = env!("CARGO_BIN_EXE_giftsim");
    let mut in_sh = false;
    let mut ran = 0;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_sh = line == "```sh";
            continue;
        }
        if !in_sh || !line.contains("cargo run -q --") {
            continue;
        }
        // Drop a trailing comment, run with the built binary.
        let command = line
            .split("  #")
            .next()
            .unwrap()
            .replace("cargo run -q --", bin);
        let out = Command::new("bash")
            .arg("-c")
            .arg(&command)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{line}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let _: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{line}: output is not JSON: {e}"));
        ran += 1;
    }
    assert!(ran >= 6, "only {ran} README commands found");
}
