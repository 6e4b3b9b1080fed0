//! The JS edge (wasm-bindgen): JS values in → `ops` → JS values out; nothing else.
