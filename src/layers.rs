//! The layers of the crate, written once, and a test that holds every module to them: a module
//! imports only from its own layer or the layers below, and the top-level modules import each
//! other without a cycle. Read from the source (`use crate::` and `crate::x::` paths of every
//! file under `src/`), so a new import is checked the moment it is written.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, top to bottom. A module may import from its own layer and those after it.
const LAYERS: &[&[&str]] = &[
    // Front ends: they read what the user typed and word every message.
    &[
        "app", "cli", "manifest", "batch", "state", "watch", "preview", "report",
    ],
    // One chart from input to files.
    &["pipeline"],
    // The chart kinds and their registry.
    &["kinds"],
    // The page: frame, text measuring, numbers and words in the chart's language.
    &["layout"],
    &["render"],
    &["scene"],
    &["output"],
    &["dataset"],
    &["table"],
    &["locale"],
    &["options"],
    // Bottom: fonts, small utilities and the map data; they import nothing above.
    &["fonts", "text", "xml", "geo"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level modules named by `crate::NAME` paths in `text` (in `use` lines and inline;
/// `use crate::{a, b::c}` too).
fn imports(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        // `sharechart::crate::` cannot occur; `$crate::` is a macro's own crate.
        let before = &rest[..i];
        if !before.ends_with('$') {
            if let Some(group) = after.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                for item in group[..end].split(',') {
                    let name = ident(item.trim());
                    if !name.is_empty() {
                        out.insert(name);
                    }
                }
            } else {
                let name = ident(after);
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        }
        rest = after;
    }
    out
}

/// Every top-level module's imports of other top-level modules.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let rel = f.strip_prefix(&src).expect("under src");
        let first = rel.components().next().expect("a path");
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if matches!(module.as_str(), "lib" | "main" | "layers") {
            continue;
        }
        let text = std::fs::read_to_string(&f).expect("source is text");
        let deps = graph.entry(module.clone()).or_default();
        deps.extend(imports(&text).into_iter().filter(|d| *d != module));
    }
    graph
}

/// What breaks the layers in `graph`: a module in no layer, or importing from a layer above.
fn violations(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut wrong = Vec::new();
    for (module, deps) in graph {
        let Some(own) = layer_of(module) else {
            wrong.push(format!("{module}: in no layer (add it to LAYERS)"));
            continue;
        };
        for d in deps {
            match layer_of(d) {
                Some(l) if l < own => wrong.push(format!(
                    "{module} (layer {own}) imports {d} (layer {l}, above it)"
                )),
                Some(_) => {}
                None => wrong.push(format!("{module} imports {d}, which is in no layer")),
            }
        }
    }
    wrong
}

/// A cycle of imports in `graph`, if there is one, as the modules along it.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    // Depth-first search; a module met again while on the path closes a cycle.
    fn visit<'a>(
        m: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| *p == m) {
            let mut cycle: Vec<String> = path[i..].iter().map(|s| s.to_string()).collect();
            cycle.push(m.to_string());
            return Some(cycle);
        }
        if !done.insert(m) {
            return None;
        }
        path.push(m);
        for d in graph.get(m).into_iter().flatten() {
            if let Some(c) = visit(d, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|m| visit(m, graph, &mut Vec::new(), &mut done))
}

#[test]
fn every_module_has_a_layer_and_imports_only_from_below() {
    let graph = graph();
    assert!(graph.len() > 10, "found the modules: {graph:?}");
    let wrong = violations(&graph);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_modules_import_each_other_without_a_cycle() {
    let c = cycle(&graph());
    assert!(
        c.is_none(),
        "import cycle: {}",
        c.unwrap_or_default().join(" -> ")
    );
}

#[test]
fn the_reader_finds_every_form_of_import() {
    let text = "use crate::a::B;\nuse crate::{b, c::d};\nlet x = crate::e::f();\n$crate::g";
    let found: Vec<String> = imports(text).into_iter().collect();
    assert_eq!(found, vec!["a", "b", "c", "e"]);
}

#[test]
fn an_import_from_above_a_stray_module_and_a_cycle_are_caught() {
    let g = |edges: &[(&str, &str)]| {
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in edges {
            graph
                .entry(a.to_string())
                .or_default()
                .insert(b.to_string());
            graph.entry(b.to_string()).or_default();
        }
        graph
    };
    assert!(violations(&g(&[("kinds", "table"), ("table", "options")])).is_empty());
    let wrong = violations(&g(&[("table", "kinds")]));
    assert_eq!(wrong.len(), 1, "{wrong:?}");
    assert!(
        wrong[0].starts_with("table (layer 8) imports kinds (layer 2"),
        "{wrong:?}"
    );
    assert_eq!(violations(&g(&[("stray", "xml")])).len(), 1);
    assert_eq!(
        cycle(&g(&[("fonts", "text"), ("text", "xml"), ("xml", "text")])),
        Some(vec![
            "text".to_string(),
            "xml".to_string(),
            "text".to_string()
        ])
    );
    assert_eq!(cycle(&g(&[("fonts", "text"), ("text", "xml")])), None);
}
