//! The JSON path of a byte position in a document, for error messages: serde_json says *where*
//! in the text a value was wrong; this says *which field* that is (`gifts[0].count`). One small
//! generic scanner instead of path-tracking code generated for every request type.

/// Deepest nesting followed (serde_json refuses more than 128 levels anyway).
const MAX_DEPTH: usize = 200;

#[derive(Debug, Clone)]
enum Segment {
    Key(String),
    Index(usize),
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    target: usize,
    /// Find the value that starts at `target` rather than the innermost one holding it.
    starting: bool,
    path: Vec<Segment>,
    found: Option<String>,
}

/// The path of the innermost value containing byte `target` of `text` (or, for a position in an
/// object's key, the object's path). Empty for the document itself or an unparsable prefix.
pub fn path_at(text: &str, target: usize) -> String {
    scan(text, target, false)
}

/// The path of the list or object whose opening bracket is byte `target`, if one is; else
/// [`path_at`]. serde_json reports a container a visitor refused just after reading its
/// bracket, where `path_at` would name its first element.
pub fn path_of_container(text: &str, target: usize) -> String {
    match text.as_bytes().get(target) {
        Some(b'[' | b'{') => scan(text, target, true),
        _ => path_at(text, target),
    }
}

fn scan(text: &str, target: usize, starting: bool) -> String {
    let mut s = Scanner {
        bytes: text.as_bytes(),
        at: 0,
        target,
        starting,
        path: Vec::new(),
        found: None,
    };
    s.value(0, 0);
    s.found.unwrap_or_default()
}

/// Byte offset of serde_json's 1-based (line, column), pointing at the character it last read.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column).saturating_sub(1)
}

impl Scanner<'_> {
    fn render(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            match seg {
                Segment::Key(k) if out.is_empty() => out.push_str(k),
                Segment::Key(k) => {
                    out.push('.');
                    out.push_str(k);
                }
                Segment::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }

    fn done(&self) -> bool {
        self.found.is_some() || self.at > self.target + 1
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    /// A value starting here; records its path if it holds the target and nothing inside did.
    /// Its span begins at `lead`, the `:`, `[` or `,` before it: serde_json reports a container
    /// of the wrong type at the last byte it read before the container.
    fn value(&mut self, depth: usize, lead: usize) {
        self.skip_ws();
        let first = self.at;
        if self.starting && first == self.target && self.found.is_none() {
            self.found = Some(self.render());
            return;
        }
        match self.peek() {
            Some(b'{') if depth < MAX_DEPTH => self.object(depth),
            Some(b'[') if depth < MAX_DEPTH => self.array(depth),
            Some(b'"') => self.string(),
            Some(_) => {
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                        break;
                    }
                    self.at += 1;
                }
            }
            None => return,
        }
        let end = self.at.max(first + 1) - 1;
        if self.found.is_none() && (lead..=end).contains(&self.target) {
            self.found = Some(self.render());
        }
    }

    fn string(&mut self) {
        self.at += 1;
        while let Some(b) = self.peek() {
            self.at += 1;
            match b {
                b'\\' => self.at += 1,
                b'"' => return,
                _ => {}
            }
        }
    }

    fn object(&mut self, depth: usize) {
        self.at += 1;
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'}') => {
                    self.at += 1;
                    return;
                }
                Some(b'"') => {}
                _ => return,
            }
            let key_start = self.at;
            self.string();
            if self.found.is_none() && (key_start..self.at).contains(&self.target) {
                // A position in a key: the object (an unknown or duplicate field).
                self.found = Some(self.render());
            }
            let key = String::from_utf8_lossy(
                &self.bytes[key_start + 1..self.at.saturating_sub(1).max(key_start + 1)],
            )
            .into_owned();
            self.skip_ws();
            if self.peek() != Some(b':') {
                return;
            }
            let colon = self.at;
            self.at += 1;
            self.path.push(Segment::Key(key));
            self.value(depth + 1, colon);
            self.path.pop();
            if self.done() {
                return;
            }
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return;
                }
                _ => return,
            }
        }
    }

    fn array(&mut self, depth: usize) {
        let mut lead = self.at;
        self.at += 1;
        let mut index = 0;
        loop {
            self.skip_ws();
            if self.peek() == Some(b']') {
                self.at += 1;
                return;
            }
            if self.peek().is_none() {
                return;
            }
            self.path.push(Segment::Index(index));
            self.value(depth + 1, lead);
            self.path.pop();
            if self.done() {
                return;
            }
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    lead = self.at;
                    self.at += 1;
                    index += 1;
                }
                Some(b']') => {
                    self.at += 1;
                    return;
                }
                _ => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_map_to_paths() {
        let text =
            r#"{"a": "5", "items": [{"count": 1.5, "name": "x"}, {"count": 2}], "ch": "fax"}"#;
        let at = |needle: &str, offset: usize| text.find(needle).unwrap() + offset;
        assert_eq!(path_at(text, at(r#""5""#, 2)), "a");
        assert_eq!(path_at(text, at("1.5", 2)), "items[0].count");
        assert_eq!(path_at(text, at(r#""name""#, 5)), "items[0]");
        assert_eq!(path_at(text, at("{\"count\": 2}", 11)), "items[1]");
        assert_eq!(path_at(text, at("[{", 0)), "items[0]");
        assert_eq!(path_at(text, at(r#""items":"#, 7)), "items");
        assert_eq!(path_at(text, at(r#""fax""#, 4)), "ch");
        assert_eq!(path_at(text, 0), "");
        // A container of the wrong type is reported at the byte before it.
        assert_eq!(path_at(r#"{"gifts": {}}"#, 9), "gifts");
        assert_eq!(path_at(r#"{"gifts":{}}"#, 8), "gifts");
        assert_eq!(path_at(r#"{"g": [1,{}]}"#, 8), "g[1]");
        // A container refused after its bracket was read is named, not its first element.
        assert_eq!(path_of_container(r#"{"g": [[1]]}"#, 6), "g");
        assert_eq!(path_of_container(r#"{"g": [[1]]}"#, 7), "g[0]");
        assert_eq!(path_of_container(r#"{"g": {"h": 1}}"#, 6), "g");
        assert_eq!(
            path_at(
                "{\n \"a\": \n  [1, \"x\"]}",
                offset_of("{\n \"a\": \n  [1, \"x\"]}", 3, 9)
            ),
            "a[1]"
        );
    }
}
