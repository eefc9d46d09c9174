//! The rule catalogue and the table reference are generated from the code.

use crate::util::repo;

fn check_generated(path: &str, generated: String) {
    let file = repo().join(path);
    if std::env::var_os("KINERJA_UPDATE_DOCS").is_some() {
        std::fs::write(&file, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        on_disk == generated,
        "{path} is stale: run `KINERJA_UPDATE_DOCS=1 cargo test docs_are_generated`"
    );
}

/// Guards the promise that the catalogue is generated, not hand-kept.
#[test]
fn docs_are_generated() {
    check_generated("docs/rules.md", kinerja::cmd::rules::catalogue());
    check_generated("docs/tables.md", kinerja::cmd::rules::tables_catalogue());
}

#[test]
fn rules_markdown_is_the_catalogue() {
    let out = crate::util::Dir::new().run(&["rules", "--markdown"]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        kinerja::cmd::rules::catalogue()
    );
}

#[test]
fn explain_prints_one_rule() {
    let out = crate::util::Dir::new().run(&["explain", "num001"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("NUM001 malformed-grouping (error, fix: when pinned)\n"),
        "{text}"
    );
    let out = crate::util::Dir::new().run(&["explain", "XYZ999"]);
    assert_eq!(out.status.code(), Some(2));
}

// ---------------------------------------------------------------------------
// One rule, one file

/// Every `.rs` file under `dir`, as a path relative to `root` with `/` separators.
fn rust_files(root: &std::path::Path, dir: &std::path::Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let path = e.path();
        if path.is_dir() {
            rust_files(root, &path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            let rel = path.strip_prefix(root).unwrap();
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// The rule codes a source text declares: each `code: "XXX000"` field.
fn declared_codes(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("code: \""))
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

/// What breaks "a rule is one file" in the tree at `root`: a file declaring two rules, a code declared twice or nowhere, a declared code
/// missing from `registered`, and a code quoted in a source file other than the
/// one declaring it (a stage matching rule codes).
fn one_rule_one_file(root: &std::path::Path, registered: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(root, &root.join("src"), &mut files);
    files.sort();
    let mut problems = Vec::new();
    let mut declared_in: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let texts: Vec<(String, String)> = files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(root.join(&f)).unwrap();
            (f, text)
        })
        .collect();
    for (file, text) in &texts {
        let codes = declared_codes(text);
        if codes.len() > 1 {
            problems.push(format!("{file} declares {} rules: {codes:?}", codes.len()));
        }
        for c in codes {
            declared_in.entry(c).or_default().push(file.clone());
        }
    }
    for code in registered {
        match declared_in.get(*code).map(Vec::as_slice) {
            Some([_]) => {}
            Some(files) => problems.push(format!("{code} is declared in {files:?}")),
            None => problems.push(format!("{code} is registered but declared in no file")),
        }
    }
    for (code, files) in &declared_in {
        if !registered.contains(&code.as_str()) {
            problems.push(format!(
                "{code} is declared in {files:?} but not registered"
            ));
        }
        let home = &files[0];
        let quoted = format!("\"{code}\"");
        for (file, text) in &texts {
            if file != home && text.contains(&quoted) {
                problems.push(format!("{file} quotes {code}, declared in {home}"));
            }
        }
    }
    problems
}

/// Guards "a rule is one file": every rule code is declared in exactly one file,
/// no file declares two, and no other source file quotes a rule's code.
#[test]
fn every_rule_is_declared_in_exactly_one_file() {
    let registered: Vec<&str> = kinerja::check::registry().iter().map(|r| r.code).collect();
    assert_eq!(
        one_rule_one_file(&repo(), &registered),
        Vec::<String>::new()
    );
}

/// Guards the guard: a file declaring two rules, a code declared twice and a code
/// quoted outside its file are all reported.
#[test]
fn the_one_rule_one_file_check_reports_each_breach() {
    let tmp = tempfile::tempdir().unwrap();
    let family = tmp.path().join("src/check/family");
    std::fs::create_dir_all(&family).unwrap();
    let rule = |code: &str| format!("pub const RULE: Rule = Rule {{\n    code: \"{code}\",\n}};\n");
    std::fs::write(family.join("abc001.rs"), rule("ABC001")).unwrap();
    std::fs::write(family.join("two.rs"), rule("ABC002") + &rule("ABC003")).unwrap();
    std::fs::write(family.join("again.rs"), rule("ABC001")).unwrap();
    std::fs::write(
        tmp.path().join("src/fix.rs"),
        "if f.code == \"ABC002\" {}\n",
    )
    .unwrap();
    let problems = one_rule_one_file(tmp.path(), &["ABC001", "ABC002", "ABC003", "ABC004"]);
    assert_eq!(
        problems,
        vec![
            "src/check/family/two.rs declares 2 rules: [\"ABC002\", \"ABC003\"]".to_string(),
            "ABC001 is declared in [\"src/check/family/abc001.rs\", \"src/check/family/again.rs\"]"
                .to_string(),
            "ABC004 is registered but declared in no file".to_string(),
            "src/check/family/again.rs quotes ABC001, declared in src/check/family/abc001.rs"
                .to_string(),
            "src/fix.rs quotes ABC002, declared in src/check/family/two.rs".to_string(),
        ]
    );
}

/// The top-level modules of `src/` each module names through `crate::…`, as
/// (importer, imported) pairs, sorted. `src/main.rs` (the binary) and the crate
/// root are left out: they sit above every module.
fn module_imports(root: &std::path::Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(root, &root.join("src"), &mut files);
    let mut edges = std::collections::BTreeSet::new();
    for file in files {
        let module = file
            .trim_start_matches("src/")
            .split('/')
            .next()
            .unwrap()
            .trim_end_matches(".rs")
            .to_string();
        if module == "main" || module == "lib" {
            continue;
        }
        let text = std::fs::read_to_string(root.join(&file)).unwrap();
        let mut named = Vec::new();
        for (at, _) in text.match_indices("crate::") {
            let rest = &text[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                // `use crate::{a, b::c}`: each first segment.
                let group = &group[..group.find('}').unwrap_or(group.len())];
                named.extend(group.split(',').map(|part| {
                    part.trim()
                        .split("::")
                        .next()
                        .unwrap_or_default()
                        .to_string()
                }));
            } else {
                let end = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                named.push(rest[..end].to_string());
            }
        }
        for name in named {
            // Lower-case names are modules; items of the crate root are not.
            if !name.is_empty() && name != module && name.starts_with(|c: char| c.is_lowercase()) {
                edges.insert((module.clone(), name));
            }
        }
    }
    edges.into_iter().collect()
}

/// What `docs/architecture.md` forbids: a stage importing a later stage or a
/// front end, the argument types importing the commands, and any circle.
fn import_breaches(edges: &[(String, String)]) -> Vec<String> {
    const LATER: [(&str, &[&str]); 10] = [
        (
            "read",
            &[
                "structure",
                "model",
                "check",
                "decide",
                "fix",
                "write",
                "assemble",
                "render",
                "output",
                "pipeline",
            ],
        ),
        (
            "structure",
            &[
                "model", "check", "decide", "fix", "write", "assemble", "render", "output",
                "pipeline",
            ],
        ),
        (
            "model",
            &[
                "check", "decide", "fix", "write", "assemble", "render", "output", "pipeline",
            ],
        ),
        (
            "check",
            &[
                "decide", "fix", "write", "assemble", "render", "output", "pipeline",
            ],
        ),
        (
            "decide",
            &[
                "read",
                "structure",
                "model",
                "check",
                "fix",
                "write",
                "assemble",
                "render",
                "output",
                "pipeline",
            ],
        ),
        (
            "fix",
            &[
                "check", "decide", "write", "assemble", "render", "output", "pipeline",
            ],
        ),
        (
            "write",
            &[
                "check", "decide", "assemble", "render", "output", "pipeline",
            ],
        ),
        (
            "assemble",
            &[
                "read",
                "structure",
                "check",
                "decide",
                "fix",
                "write",
                "output",
                "pipeline",
            ],
        ),
        (
            "render",
            &[
                "read",
                "structure",
                "model",
                "check",
                "decide",
                "fix",
                "write",
                "assemble",
                "output",
                "pipeline",
            ],
        ),
        ("pipeline", &[]),
    ];
    let mut breaches = Vec::new();
    for (from, to) in edges {
        let later = LATER
            .iter()
            .any(|(stage, later)| stage == from && later.contains(&to.as_str()));
        let front = (to == "cmd" || to == "cli") && from != "cmd";
        if later || front {
            breaches.push(format!("{from} imports {to}"));
        }
    }
    // A circle: a module that reaches itself through what it imports.
    let modules: std::collections::BTreeSet<&String> = edges.iter().map(|(f, _)| f).collect();
    for start in modules {
        let mut seen = std::collections::BTreeSet::new();
        let mut todo: Vec<&String> = vec![start];
        while let Some(at) = todo.pop() {
            for (_, to) in edges.iter().filter(|(f, _)| f == at) {
                if to == start {
                    breaches.push(format!("{start} is in an import circle (through {at})"));
                } else if seen.insert(to) {
                    todo.push(to);
                }
            }
        }
    }
    breaches
}

/// Guards issue 15's "no import circle anywhere" and the stage order the
/// architecture document promises.
#[test]
fn no_stage_imports_a_later_one_and_no_module_imports_itself() {
    let edges = module_imports(&repo());
    // The guard reads the real graph: the pipeline names every stage.
    for stage in [
        "read",
        "structure",
        "model",
        "check",
        "decide",
        "fix",
        "write",
        "assemble",
        "render",
        "output",
    ] {
        assert!(
            edges.contains(&("pipeline".to_string(), stage.to_string())),
            "pipeline imports {stage}: {edges:?}"
        );
    }
    assert_eq!(import_breaches(&edges), Vec::<String>::new());
}

/// Guards the guard: a later stage, a front end and a circle are each reported.
#[test]
fn the_import_check_reports_each_breach() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    std::fs::create_dir_all(src.join("model")).unwrap();
    std::fs::write(
        src.join("model/idm.rs"),
        "use crate::{check::rules, cell};\n",
    )
    .unwrap();
    std::fs::write(src.join("check.rs"), "fn f() { crate::model::x(); }\n").unwrap();
    std::fs::write(src.join("cli.rs"), "use crate::cmd::run;\n").unwrap();
    std::fs::write(src.join("lib.rs"), "use crate::cmd;\n").unwrap();
    let edges = module_imports(tmp.path());
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        edges,
        vec![
            pair("check", "model"),
            pair("cli", "cmd"),
            pair("model", "cell"),
            pair("model", "check")
        ]
    );
    assert_eq!(
        import_breaches(&edges),
        vec![
            "cli imports cmd".to_string(),
            "model imports check".to_string(),
            "check is in an import circle (through model)".to_string(),
            "model is in an import circle (through check)".to_string(),
        ]
    );
}
