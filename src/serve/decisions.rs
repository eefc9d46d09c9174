//! The page's decisions: a run's findings accepted with a reason and a name give
//! the new `keputusan.toml`, which the page uploads with the workbooks to check
//! them again (so the decision is applied exactly as `kinerja run` applies the
//! input folder's), and which the office downloads to keep.

use crate::date::DocumentDate;
use crate::decide::{Decisions, Target};
use crate::finding::{Acceptance, Lang};
use serde_json::Value;
use std::path::Path;

/// Whether an uploaded file is the decisions file: a `.toml`, whatever the
/// browser named it (`keputusan (1).toml` after a second download).
pub fn is_decisions_file(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

/// The run's decisions (in its output folder `dir`, none when it had none) with
/// the findings `body` names accepted: `{"ids": [...], "reason": "...", "by":
/// "..."}`. The findings are the run's `temuan.json`. A message in `lang` when the
/// request cannot be followed.
pub fn accepted(dir: &Path, body: &[u8], lang: Lang) -> Result<String, String> {
    let say = |id: String, en: String| match lang {
        Lang::Id => id,
        Lang::En => en,
    };
    let request: Value = serde_json::from_slice(body).map_err(|_| {
        say(
            "kirim keputusan sebagai JSON {\"ids\": […], \"reason\": \"…\", \"by\": \"…\"}".into(),
            "send the decision as JSON {\"ids\": […], \"reason\": \"…\", \"by\": \"…\"}".into(),
        )
    })?;
    let text = |key: &str| request[key].as_str().unwrap_or_default().trim().to_string();
    let (reason, by) = (text("reason"), text("by"));
    if reason.is_empty() || by.is_empty() {
        return Err(say(
            "tulis alasan dan nama yang memutuskan".into(),
            "give the reason and who decided".into(),
        ));
    }
    let ids: Vec<&str> = request["ids"]
        .as_array()
        .map(|ids| ids.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if ids.is_empty() {
        return Err(say(
            "pilih temuan yang diterima".into(),
            "choose the findings to accept".into(),
        ));
    }
    let findings: Value = std::fs::read(dir.join("temuan.json"))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or(Value::Null);
    let findings = findings["findings"].as_array().cloned().unwrap_or_default();
    let mut targets = Vec::new();
    for id in ids {
        let Some(f) = findings.iter().find(|f| f["id"] == id) else {
            return Err(say(
                format!("tidak ada temuan dengan id {id} di pemeriksaan ini"),
                format!("this run has no finding with the id {id}"),
            ));
        };
        let field = |key: &str| f[key].as_str().unwrap_or_default().to_string();
        targets.push(Target {
            id: id.to_string(),
            code: field("code"),
            file: field("file"),
            sheet: field("sheet"),
            cell: field("cell"),
            found: field("found"),
        });
    }
    let path = dir.join(crate::decide::FILE_NAME);
    let describe = |e: crate::error::Error| super::without_paths(&e, lang);
    let mut decisions = Decisions::load(&path).map_err(describe)?;
    let acceptance = Acceptance {
        reason,
        by,
        date: DocumentDate::today(),
    };
    for t in &targets {
        decisions.accept(t, &acceptance).map_err(describe)?;
    }
    Ok(decisions.text().to_string())
}
