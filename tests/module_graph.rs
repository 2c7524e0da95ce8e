//! The core's modules import each other without a cycle.
//!
//! Reads every file under `src/`, takes each `crate::…` path outside comments, and resolves it to
//! the longest module that has a file (`crate::keyring::error::KeyringError` → `keyring::error`).
//! A reference between a module and its own parent or child is not an edge (a parent declares its
//! children; a child may use its parent's items). The remaining graph must have no cycle: e.g.
//! `error` names `keyring::error::KeyringError`, and `keyring` returns `error::Error`, so the
//! keyring's own error lives in the leaf `keyring::error`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Module path (`eth::tx`) → source text without `//` comments.
fn modules(dir: &Path, prefix: &[String], out: &mut BTreeMap<String, String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            let mut inner = prefix.to_vec();
            inner.push(name);
            modules(&path, &inner, out);
        } else if let Some(stem) = name.strip_suffix(".rs") {
            let mut parts = prefix.to_vec();
            if stem != "mod" && stem != "lib" {
                parts.push(stem.to_owned());
            }
            let text = fs::read_to_string(&path).unwrap();
            let code: Vec<&str> = text
                .lines()
                .map(|l| l.split("//").next().unwrap())
                .collect();
            out.insert(parts.join("::"), code.join("\n"));
        }
    }
}

/// Every `crate::a::b::…` path in `code`, as its segments.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let preceded = code[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        if preceded {
            continue;
        }
        let rest = &code[i + "crate::".len()..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        found.push(
            rest[..end]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        );
    }
    found
}

fn related(a: &str, b: &str) -> bool {
    a.is_empty()
        || b.is_empty()
        || a.starts_with(&format!("{b}::"))
        || b.starts_with(&format!("{a}::"))
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut sources = BTreeMap::new();
    modules(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &[],
        &mut sources,
    );
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, code) in &sources {
        for path in crate_paths(code) {
            let target = (1..=path.len())
                .rev()
                .map(|n| path[..n].join("::"))
                .find(|candidate| sources.contains_key(candidate));
            if let Some(target) = target {
                if target != *module && !related(module, &target) {
                    edges.entry(module.clone()).or_default().insert(target);
                }
            }
        }
    }
    edges
}

/// A cycle through `node`, if the depth-first search from it finds one.
fn cycle_from(
    node: &str,
    edges: &BTreeMap<String, BTreeSet<String>>,
    stack: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    if let Some(at) = stack.iter().position(|n| n == node) {
        let mut cycle = stack[at..].to_vec();
        cycle.push(node.to_owned());
        return Some(cycle);
    }
    if done.contains(node) {
        return None;
    }
    stack.push(node.to_owned());
    for next in edges.get(node).into_iter().flatten() {
        if let Some(cycle) = cycle_from(next, edges, stack, done) {
            return Some(cycle);
        }
    }
    stack.pop();
    done.insert(node.to_owned());
    None
}

#[test]
fn the_module_graph_has_no_cycle() {
    let edges = graph();
    assert!(
        edges
            .get("error")
            .is_some_and(|e| e.contains("keyring::error")),
        "the scan reads the imports (error → keyring::error)"
    );
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        let cycle = cycle_from(node, &edges, &mut Vec::new(), &mut done);
        assert!(
            cycle.is_none(),
            "import cycle: {}",
            cycle.unwrap().join(" → ")
        );
    }
}

#[test]
fn the_scan_finds_a_cycle_when_there_is_one() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    edges
        .entry("error".into())
        .or_default()
        .insert("keyring".into());
    edges
        .entry("keyring".into())
        .or_default()
        .insert("error".into());
    let cycle = cycle_from("error", &edges, &mut Vec::new(), &mut BTreeSet::new());
    assert_eq!(cycle.unwrap(), ["error", "keyring", "error"]);
    assert_eq!(
        crate_paths("use crate::keyring::error::KeyringError;\nmy_crate::y"),
        [vec!["keyring", "error", "KeyringError"]]
    );
}
