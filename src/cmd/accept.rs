//! `kinerja accept`: the office's decisions on findings, in `keputusan.toml` of
//! the input folder. `ID... --reason TEXT [--by NAME]` accepts findings as they
//! are, `--list` shows the decisions and whether each still applies, `--remove ID`
//! takes one back. The only command that writes into the input folder, and only
//! that file.

use crate::cli::{AcceptArgs, Common};
use crate::date::DocumentDate;
use crate::decide::{self, Decisions, Standing, Target};
use crate::error::Error;
use crate::finding::{Acceptance, Lang, Message};
use crate::Analysis;
use std::path::PathBuf;

pub fn run(args: &AcceptArgs) -> Result<i32, Error> {
    let lang: Lang = args.lang.into();
    let common = Common {
        config: args.config.clone(),
        lang: args.lang,
        quiet: args.quiet,
        ..Common::default()
    };
    let cfg = super::load_config(&common)?;
    let folder = args.input.clone().unwrap_or_else(|| cfg.input.clone());
    if !folder.is_dir() {
        return Err(Error::InputMissing { path: folder });
    }
    let path = folder.join(decide::FILE_NAME);
    if !args.remove.is_empty() {
        return remove(&path, &args.remove, lang);
    }
    let files = crate::pipeline::files(std::slice::from_ref(&folder))?;
    let decisions = crate::pipeline::decisions(Some(&path), &files, &cfg)?;
    let analysis = super::with_progress(args.quiet, files.len(), |progress| {
        crate::pipeline::check(&files, &cfg, &decisions, progress)
    });
    if args.list {
        list(&decisions, &analysis, lang);
        return Ok(0);
    }
    let reason = args.reason.as_deref().unwrap_or_default().trim();
    if reason.is_empty() {
        return Err(Error::Decisions {
            path,
            line: None,
            message: Message::new(
                "alasan kosong; tulis alasannya dengan --reason \"…\"",
                "the reason is empty; give it with --reason \"…\"",
            ),
        });
    }
    let acceptance = Acceptance {
        reason: reason.to_string(),
        by: args
            .by
            .clone()
            .or_else(login_name)
            .unwrap_or_else(|| "(tanpa nama)".into())
            .trim()
            .to_string(),
        date: args.date.unwrap_or_else(DocumentDate::today),
    };
    accept(decisions, &analysis, &args.ids, &acceptance, lang)
}

/// The name the user logged in with.
fn login_name() -> Option<String> {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.trim().is_empty())
}

fn accept(
    mut decisions: Decisions,
    analysis: &Analysis,
    ids: &[String],
    acceptance: &Acceptance,
    lang: Lang,
) -> Result<i32, Error> {
    let mut targets = Vec::new();
    let mut unknown = Vec::new();
    for id in ids {
        match analysis.findings.iter().find(|f| f.id == *id) {
            Some(f) => targets.push(Target::of(f)),
            None => unknown.push(id.clone()),
        }
    }
    if !unknown.is_empty() {
        return Err(Error::NoSuchFinding { ids: unknown });
    }
    for t in &targets {
        decisions.accept(t, acceptance)?;
    }
    decisions.save()?;
    let mut out = String::new();
    for t in &targets {
        let said = Message::new(
            format!(
                "diterima: {} {} {} ({}): {}",
                t.id,
                t.code,
                t.place(),
                t.found,
                acceptance.reason
            ),
            format!(
                "accepted: {} {} {} ({}): {}",
                t.id,
                t.code,
                t.place(),
                t.found,
                acceptance.reason
            ),
        );
        out.push_str(said.get(lang));
        out.push('\n');
    }
    super::print(&out);
    let said = Message::new(
        format!(
            "{} keputusan dicatat di {}",
            targets.len(),
            decisions.path.display()
        ),
        format!(
            "{} decisions recorded in {}",
            targets.len(),
            decisions.path.display()
        ),
    );
    eprintln!("{}", said.get(lang));
    Ok(0)
}

fn list(decisions: &Decisions, analysis: &Analysis, lang: Lang) {
    let en = lang == Lang::En;
    if decisions.is_empty() {
        let said = Message::new(
            format!("belum ada keputusan di {}", decisions.path.display()),
            format!("no decisions in {} yet", decisions.path.display()),
        );
        super::print(&format!("{}\n", said.get(lang)));
        return;
    }
    let mut out = String::new();
    for (d, standing) in decisions
        .entries
        .iter()
        .zip(decide::standing(decisions, &analysis.findings))
    {
        let t = &d.target;
        let a = &d.acceptance;
        let state = match (standing, en) {
            (Standing::Applies, false) => "berlaku".to_string(),
            (Standing::Applies, true) => "applies".to_string(),
            (Standing::Lapsed { now, .. }, false) => {
                format!("TIDAK BERLAKU LAGI: nilainya sekarang {now}")
            }
            (Standing::Lapsed { now, .. }, true) => {
                format!("NO LONGER APPLIES: its value is now {now}")
            }
            (Standing::Unmatched, false) => "tidak cocok dengan temuan mana pun".to_string(),
            (Standing::Unmatched, true) => "matches no finding".to_string(),
        };
        let (found, reason, by) = if en {
            ("value", "reason", "by")
        } else {
            ("nilai", "alasan", "oleh")
        };
        out.push_str(&format!(
            "{} {} {} ({found} {}): {state}\n    {reason}: {} ({by} {}, {})\n",
            t.id,
            t.code,
            t.place(),
            t.found,
            a.reason,
            a.by,
            a.date.iso()
        ));
    }
    super::print(&out);
}

fn remove(path: &std::path::Path, ids: &[String], lang: Lang) -> Result<i32, Error> {
    let mut decisions = Decisions::load(path)?;
    let mut removed = Vec::new();
    for id in ids {
        if !decisions.remove(id)? {
            return Err(Error::Decisions {
                path: PathBuf::from(path),
                line: None,
                message: Message::new(
                    format!("tidak ada keputusan dengan id {id}; tidak ada yang dihapus (kinerja accept --list menampilkannya)"),
                    format!("there is no decision with the id {id}; nothing was removed (kinerja accept --list shows them)"),
                ),
            });
        }
        removed.push(id.as_str());
    }
    decisions.save()?;
    let said = Message::new(
        format!("dihapus: {}", removed.join(", ")),
        format!("removed: {}", removed.join(", ")),
    );
    super::print(&format!("{}\n", said.get(lang)));
    Ok(0)
}
