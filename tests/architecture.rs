//! The shape of the code, checked: no two modules of `src/` depend on each other (directly or
//! in a circle), at the level of files and of the crate's top-level modules; and no request type
//! has a hole (a field of any JSON at all, such as `serde_json::Value`), as its schema shows.
//!
//! Dependencies are read from the source: every `crate::…`, `super::…` and `self::…` path, in
//! `use` trees and in code, outside comments, strings and `#[cfg(test)]` modules. Re-exports
//! (`pub use`) and `mod` declarations are the module tree's plumbing, not dependencies.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `src/` with its module path (`caps::check`; `""` for `lib.rs`).
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&src(), &mut files);
    files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(src()).unwrap().with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
                parts.pop();
            }
            (parts.join("::"), std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

/// The source without comments, string and char literals, and `#[cfg(test)]` modules.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"r#\"") {
            i += 3;
            while i < b.len() && !b[i..].starts_with(b"\"#") {
                i += 1;
            }
            i += 2;
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && i + 2 < b.len() && (b[i + 2] == b'\'' || b[i + 1] == b'\\') {
            // A char literal ('a', '\n'); lifetimes ('a) are left alone.
            i += 1;
            while i < b.len() && b[i] != b'\'' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
        } else {
            out.push(b[i] as char);
            i += 1;
        }
    }
    out
}

/// The paths a `use` tree names: `crate::{a, b::{c, D}}` → `crate::a`, `crate::b::c`, …
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    fn go(prefix: &str, tree: &str, out: &mut Vec<String>) {
        match tree.find('{') {
            None => out.push(format!("{prefix}{tree}")),
            Some(open) => {
                let head = &tree[..open];
                let inner = &tree[open + 1..tree.len() - 1];
                let mut depth = 0;
                let mut start = 0;
                for (i, c) in inner.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            go(&format!("{prefix}{head}"), &inner[start..i], out);
                            start = i + 1;
                        }
                        _ => {}
                    }
                }
                if start < inner.len() {
                    go(&format!("{prefix}{head}"), &inner[start..], out);
                }
            }
        }
    }
    let mut out = Vec::new();
    go("", &tree, &mut out);
    out
}

/// Every path `module`'s code uses, made absolute (`caps::check::Checker`).
fn uses(module: &str, code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    // `use` statements (not re-exports), then paths written in code.
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before = rest[..i].trim_end();
        let end = rest[i..].find(';').map_or(rest.len(), |e| i + e);
        let statement = &rest[i + 4..end];
        let is_reexport = before.ends_with("pub") || before.ends_with(')');
        let at_word = i == 0 || !rest.as_bytes()[i - 1].is_ascii_alphanumeric();
        if at_word && !is_reexport {
            paths.extend(expand(statement));
        }
        rest = &rest[end.min(rest.len())..];
        if rest.is_empty() {
            break;
        }
        rest = &rest[1..];
    }
    let bytes = code.as_bytes();
    for prefix in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(i) = code[from..].find(prefix) {
            let at = from + i;
            from = at + prefix.len();
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let len = code[at..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(code.len() - at);
            paths.push(code[at..at + len].to_string());
        }
    }
    paths
        .into_iter()
        .filter_map(|p| absolute(module, &p))
        .collect()
}

fn absolute(module: &str, path: &str) -> Option<String> {
    let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: Vec<&str> = if module.is_empty() {
        Vec::new()
    } else {
        module.split("::").collect()
    };
    match segments.first() {
        Some(&"crate") => {
            base.clear();
            segments.remove(0);
        }
        Some(&"super") => {
            while segments.first() == Some(&"super") {
                base.pop();
                segments.remove(0);
            }
        }
        Some(&"self") => {
            segments.remove(0);
        }
        _ => return None,
    }
    base.extend(segments);
    Some(base.join("::"))
}

/// The module a path belongs to: its longest prefix that is a module.
fn owner<'a>(path: &str, modules: &'a BTreeSet<String>) -> Option<&'a String> {
    let mut parts: Vec<&str> = path.split("::").collect();
    while !parts.is_empty() {
        if let Some(m) = modules.get(&parts.join("::")) {
            return Some(m);
        }
        parts.pop();
    }
    None
}

/// The cycles of a graph (strongly connected components of more than one node), by Tarjan.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'g> {
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                s.out.push(component);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.out
}

fn graph(collapse: impl Fn(&str) -> String) -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let names: BTreeSet<String> = modules.keys().cloned().collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, text) in &modules {
        let from = collapse(module);
        let entry = graph.entry(from.clone()).or_default();
        for path in uses(module, &code_of(text)) {
            if let Some(to) = owner(&path, &names) {
                let to = collapse(to);
                if to != from && !to.is_empty() {
                    entry.insert(to);
                }
            }
        }
    }
    graph
}

#[test]
fn no_two_files_depend_on_each_other() {
    let graph = graph(|m| m.to_string());
    // The reader sees real dependencies (a sanity check of the parser itself).
    assert!(graph["plan"].contains("caps::check"), "{:?}", graph["plan"]);
    assert!(
        graph["ops::quote"].contains("plan"),
        "{:?}",
        graph["ops::quote"]
    );
    assert!(
        graph["plan::input"].contains("plan"),
        "{:?}",
        graph["plan::input"]
    );
    assert_eq!(cycles(&graph), Vec::<Vec<String>>::new());
}

#[test]
fn no_two_top_level_modules_depend_on_each_other() {
    let graph = graph(|m| m.split("::").next().unwrap_or_default().to_string());
    for (low, high) in [
        ("caps", "presets"),
        ("rate_card", "presets"),
        ("simulate", "ops"),
    ] {
        assert!(!graph[low].contains(high), "{low} reaches up into {high}");
    }
    assert_eq!(cycles(&graph), Vec::<Vec<String>>::new());
}

#[test]
fn the_reader_finds_a_circle_when_there_is_one() {
    let mut graph = BTreeMap::new();
    for (a, b) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] {
        graph
            .entry(a.to_string())
            .or_insert_with(BTreeSet::new)
            .insert(b.to_string());
    }
    assert_eq!(cycles(&graph).len(), 1);
    assert_eq!(
        expand("crate::{a, b::{c, D}}"),
        ["crate::a", "crate::b::c", "crate::b::D"]
    );
    assert_eq!(absolute("x::y", "super::z::W").as_deref(), Some("x::z::W"));
}

#[test]
fn no_request_type_has_a_hole() {
    use giftsim::ops::{schema, Direction, Operation};
    fn holes(schema: &serde_json::Value, at: &str, out: &mut Vec<String>) {
        match schema {
            serde_json::Value::Bool(true) => out.push(at.to_string()),
            serde_json::Value::Object(map) => {
                let constrains = map.keys().any(|k| {
                    !matches!(
                        k.as_str(),
                        "description" | "title" | "default" | "$schema" | "examples"
                    )
                });
                if !constrains {
                    out.push(at.to_string());
                }
                for (k, v) in map {
                    if matches!(k.as_str(), "default" | "examples" | "const" | "enum") {
                        continue;
                    }
                    // A `properties` map is named by the data's keys (one may be `title`),
                    // not a schema: each of its values is.
                    if let ("properties" | "$defs", serde_json::Value::Object(named)) =
                        (k.as_str(), v)
                    {
                        for (name, s) in named {
                            holes(s, &format!("{at}/{k}/{name}"), out);
                        }
                        continue;
                    }
                    holes(v, &format!("{at}/{k}"), out);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    holes(v, &format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    for op in Operation::ALL {
        if op == Operation::Presets {
            continue;
        }
        let mut found = Vec::new();
        holes(&schema(op, Direction::Input), "", &mut found);
        // `additionalProperties: false` and the like are booleans, not holes.
        found.retain(|p| !p.ends_with("additionalProperties"));
        assert!(
            found.is_empty(),
            "{} input accepts anything at {found:?}",
            op.name()
        );
    }
}

#[test]
fn no_type_read_from_json_holds_untyped_json() {
    let mut found = Vec::new();
    for (module, text) in modules() {
        let code = code_of(&text);
        let mut rest = code.as_str();
        while let Some(i) = rest.find("#[derive(") {
            let after = &rest[i..];
            let derive_end = after.find(")]").unwrap_or(after.len());
            let reads_json = after[..derive_end].contains("Deserialize");
            // The item's body: from its first `{` to the matching `}`.
            let body = after.find('{').map(|open| {
                let mut depth = 0;
                let mut end = after.len();
                for (j, c) in after[open..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = open + j;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                &after[open..end]
            });
            if let (true, Some(body)) = (reads_json, body) {
                if body.contains("serde_json::Value") || body.contains("serde_json::Map") {
                    let name: String = after[derive_end..]
                        .split_whitespace()
                        .skip_while(|w| !matches!(*w, "struct" | "enum"))
                        .nth(1)
                        .unwrap_or_default()
                        .to_string();
                    found.push(format!("{module}::{name}"));
                }
            }
            rest = &after[derive_end.max(1)..];
        }
    }
    assert!(found.is_empty(), "these types read untyped JSON: {found:?}");
}
