//! The LKjIP as a Word document, tested as a person would: LibreOffice opens and
//! converts it, its text holds every chapter and figure of the PDF report, its
//! pages are about as many, the package holds what Word requires to open it
//! without a repair prompt, and it is a draft exactly when the PDF is.

use crate::util::{convert, Dir};
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

const PDF: &str = "output/LKjIP-2023.pdf";
const DOCX: &str = "output/LKjIP-2023.docx";

fn report(dir: &Dir) -> std::process::Output {
    let out = dir.run(&["report"]);
    assert!(
        dir.path().join(DOCX).is_file(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The Word document converted to PDF by LibreOffice, headless.
fn converted(dir: &Dir) -> PathBuf {
    let into = dir.path().join("converted");
    std::fs::create_dir_all(&into).unwrap();
    convert(&dir.path().join(DOCX), "pdf", &into)
}

fn text(pdf: &Path, page: Option<usize>) -> String {
    let mut cmd = Command::new("pdftotext");
    cmd.arg("-raw");
    if let Some(p) = page {
        cmd.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    let out = cmd.arg(pdf).arg("-").output().expect("poppler-utils");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// The report's own text: without the page furniture (the draft line, the
/// running header, "Halaman 3 dari 34", a table's "(lanjutan)" caption on the
/// pages it continues on) and, where the chart is `drawn` as text (the PDF), the
/// labels inside it (the Word document has them in the chart's picture): from
/// the line after its caption to its legend "2022 2023".
fn body_text(raw: &str, drawn: bool) -> String {
    let mut out = String::new();
    let mut in_chart = false;
    for line in raw.lines() {
        let l = line.trim();
        if in_chart {
            in_chart = l != "2022 2023";
            continue;
        }
        let furniture = l.starts_with("DRAFT —")
            || l.starts_with("LKjIP Dinas PMK 2023")
            || l.starts_with("Halaman ") && l.contains(" dari")
            || l.ends_with("(lanjutan)");
        if furniture {
            continue;
        }
        if drawn && l == "Gambar 3.1 Jumlah Kampung per Status IDM" {
            in_chart = true;
        }
        out.push_str(l);
        out.push('\n');
    }
    // Dot leaders of the lists of contents.
    let mut squeezed = String::with_capacity(out.len());
    let mut dots = 0;
    for c in out.chars() {
        if c == '.' {
            dots += 1;
            continue;
        }
        if dots > 0 {
            squeezed.push_str(if dots >= 3 { " " } else { &".."[..dots] });
            dots = 0;
        }
        squeezed.push(c);
    }
    squeezed
}

/// The figures of a text: every token holding a digit, as written ("6.796.834.585",
/// "101,30%", "L.4a"), without the punctuation around it.
fn figures(text: &str) -> BTreeSet<String> {
    text.split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric() && c != '%'))
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

/// The words of a text, cut at every non-letter (the two renderers break long
/// tokens at different places).
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Guards the Word document's content: LibreOffice converts it without an error,
/// and its text holds every chapter, figure and word the PDF holds, and nothing
/// else; its pages are within a few of the PDF's.
#[test]
fn the_word_document_holds_what_the_pdf_report_holds() {
    let dir = Dir::new().with_sample();
    report(&dir);
    let pdf = dir.path().join(PDF);
    let word = converted(&dir);
    let from_pdf = body_text(&text(&pdf, None), true);
    let from_word = body_text(&text(&word, None), false);
    for chapter in [
        "KATA PENGANTAR",
        "IKHTISAR EKSEKUTIF",
        "DAFTAR ISI",
        "DAFTAR TABEL",
        "BAB I",
        "PENDAHULUAN",
        "BAB II",
        "PERENCANAAN KINERJA",
        "BAB III",
        "AKUNTABILITAS KINERJA",
        "BAB IV",
        "PENUTUP",
        "LAMPIRAN",
        "Lampiran 5. Pengukuran Kinerja 2023",
    ] {
        assert!(from_pdf.contains(chapter), "the PDF lacks {chapter}");
        assert!(
            from_word.contains(chapter),
            "the Word document lacks {chapter}"
        );
    }
    for figure in [
        "6.796.834.585",
        "101,30%",
        "Rp. 6.417.534.877,-",
        "NIP. 19751101 199503 1 001",
    ] {
        assert!(
            from_word.contains(figure),
            "the Word document lacks {figure}"
        );
    }
    let (f_pdf, f_word) = (figures(&from_pdf), figures(&from_word));
    assert!(f_pdf.len() > 300, "{}", f_pdf.len());
    let missing: Vec<&String> = f_pdf.difference(&f_word).collect();
    assert!(
        missing.is_empty(),
        "figures missing from the Word document: {missing:?}"
    );
    let extra: Vec<&String> = f_word.difference(&f_pdf).collect();
    assert!(
        extra.is_empty(),
        "figures only in the Word document: {extra:?}"
    );
    let (w_pdf, w_word) = (words(&from_pdf), words(&from_word));
    let missing: Vec<&String> = w_pdf.difference(&w_word).collect();
    assert!(
        missing.is_empty(),
        "words missing from the Word document: {missing:?}"
    );
    let extra: Vec<&String> = w_word.difference(&w_pdf).collect();
    assert!(
        extra.is_empty(),
        "words only in the Word document: {extra:?}"
    );
    let (p_pdf, p_word) = (pages(&pdf), pages(&word));
    assert!(
        p_pdf.abs_diff(p_word) <= 3,
        "the PDF has {p_pdf} pages, the Word document {p_word}"
    );
}

/// Guards the draft mark: the sample's report is a draft, and the Word
/// document says so on every page; a clean report's says it nowhere.
#[test]
fn the_word_document_is_a_draft_exactly_when_the_pdf_is() {
    let dir = Dir::new().with_sample();
    report(&dir);
    let word = converted(&dir);
    for page in 1..=pages(&word) {
        assert!(
            text(&word, Some(page)).contains("DRAFT — 4 temuan belum diselesaikan"),
            "page {page} has no draft mark"
        );
    }

    let clean = Dir::new();
    crate::report::achievement_workbook(&clean);
    let out = report(&clean);
    assert!(String::from_utf8_lossy(&out.stderr).contains("laporan ditulis ke"));
    let pdf = text(&clean.path().join(PDF), None);
    let word = text(&converted(&clean), None);
    assert!(!pdf.contains("DRAFT") && !word.contains("DRAFT"));
    assert!(word.contains("101,30%"));
}

/// Guards reproducibility: the same inputs give the same Word document, byte for
/// byte (the web page serves what `kinerja run` writes).
#[test]
fn the_same_report_gives_the_same_word_document() {
    let dir = Dir::new().with_sample();
    report(&dir);
    let first = std::fs::read(dir.path().join(DOCX)).unwrap();
    report(&dir);
    assert!(first == std::fs::read(dir.path().join(DOCX)).unwrap());
}

/// The package's parts by name.
fn parts(docx: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        assert!(
            out.insert(f.name().to_string(), bytes).is_none(),
            "{} twice",
            f.name()
        );
    }
    out
}

/// An element of a part: its namespace and local name, attributes by qualified
/// name, its children.
#[derive(Debug, Default)]
struct El {
    ns: String,
    name: String,
    attrs: HashMap<String, String>,
    children: Vec<El>,
}

impl El {
    fn all<'a>(&'a self, out: &mut Vec<&'a El>) {
        out.push(self);
        for c in &self.children {
            c.all(out);
        }
    }
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }
    fn kids(&self) -> Vec<&str> {
        self.children.iter().map(|c| c.name.as_str()).collect()
    }
}

/// Parses a part, every prefix bound to a namespace.
fn parse(name: &str, bytes: &[u8]) -> El {
    let mut reader = quick_xml::NsReader::from_reader(bytes);
    let mut stack: Vec<El> = vec![El::default()];
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_resolved_event_into(&mut buf)
            .unwrap_or_else(|e| panic!("{name} is not well-formed XML: {e}"));
        let (ns, ev) = event;
        let open = |e: &quick_xml::events::BytesStart, ns: &ResolveResult| {
            let ns = match ns {
                ResolveResult::Bound(n) => n.as_ref().to_string(),
                ResolveResult::Unbound => String::new(),
                ResolveResult::Unknown(p) => {
                    panic!("{name}: prefix {p} is not bound")
                }
            };
            let attrs = e
                .attributes()
                .map(|a| {
                    let a = a.unwrap_or_else(|e| panic!("{name}: attribute {e}"));
                    (
                        a.key.as_ref().to_string(),
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned(),
                    )
                })
                .collect();
            El {
                ns,
                name: e.local_name().into_inner().to_string(),
                attrs,
                children: Vec::new(),
            }
        };
        match ev {
            Event::Start(e) => {
                let el = open(&e, &ns);
                stack.push(el);
            }
            Event::Empty(e) => {
                let el = open(&e, &ns);
                stack.last_mut().unwrap().children.push(el);
            }
            Event::End(_) => {
                let el = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(el);
            }
            Event::Text(t) => {
                let top = stack.last_mut().unwrap();
                top.attrs
                    .entry("$text".into())
                    .or_default()
                    .push_str(&t.xml10_content());
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    assert_eq!(stack.len(), 1, "{name}: unclosed elements");
    let mut root = stack.pop().unwrap();
    assert_eq!(root.children.len(), 1, "{name}: one root element");
    root.children.pop().unwrap()
}

/// The order WordprocessingML's schema fixes for the children of the property
/// elements this document writes (ECMA-376 Part 1, 17.3–17.7): Word reports an
/// unreadable document when they come out of order.
fn schema_order(element: &str) -> Option<&'static [&'static str]> {
    Some(match element {
        "pPr" => &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
        "rPr" => &[
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
        ],
        "tcPr" => &[
            "cnfStyle",
            "tcW",
            "gridSpan",
            "hMerge",
            "vMerge",
            "tcBorders",
            "shd",
            "noWrap",
            "tcMar",
            "textDirection",
            "tcFitText",
            "vAlign",
            "hideMark",
        ],
        "tblPr" => &[
            "tblStyle",
            "tblpPr",
            "tblOverlap",
            "bidiVisual",
            "tblStyleRowBandSize",
            "tblStyleColBandSize",
            "tblW",
            "jc",
            "tblCellSpacing",
            "tblInd",
            "tblBorders",
            "shd",
            "tblLayout",
            "tblCellMar",
            "tblLook",
        ],
        "sectPr" => &[
            "headerReference",
            "footerReference",
            "footnotePr",
            "endnotePr",
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
            "sectPrChange",
        ],
        "style" => &[
            "name",
            "aliases",
            "basedOn",
            "next",
            "link",
            "autoRedefine",
            "hidden",
            "uiPriority",
            "semiHidden",
            "unhideWhenUsed",
            "qFormat",
            "locked",
            "personal",
            "personalCompose",
            "personalReply",
            "rsid",
            "pPr",
            "rPr",
            "tblPr",
            "trPr",
            "tcPr",
            "tblStylePr",
        ],
        "lvl" => &[
            "start",
            "numFmt",
            "lvlRestart",
            "pStyle",
            "isLgl",
            "suff",
            "lvlText",
            "lvlPicBulletId",
            "legacy",
            "lvlJc",
            "pPr",
            "rPr",
        ],
        "tblBorders" | "pBdr" | "pgBorders" => &[
            "top", "left", "bottom", "right", "insideH", "insideV", "between", "bar",
        ],
        "tblCellMar" => &["top", "left", "bottom", "right"],
        _ => return None,
    })
}

/// The target of a relationship of `source` (a part name), as a part name.
fn target(source: &str, target: &str) -> String {
    let folder = source.rsplit_once('/').map(|(f, _)| f).unwrap_or("");
    let mut path: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    for piece in target.split('/') {
        match piece {
            ".." => {
                path.pop();
            }
            "." | "" => {}
            p => path.push(p),
        }
    }
    path.join("/")
}

/// Guards the package against what Word requires to open it without a repair
/// prompt: a content type for every part, every relationship resolving, unique
/// ids (relationships, bookmarks, drawings), every reference (styles, lists,
/// links, PAGEREF fields, r:id) pointing at something that exists, property
/// elements in the schema's order, table rows filling their grid, and the
/// document's last section in the body.
#[test]
fn the_word_package_is_what_word_requires() {
    let dir = Dir::new().with_sample();
    report(&dir);
    let parts = parts(&dir.path().join(DOCX));
    let names: Vec<&String> = parts.keys().collect();
    assert!(parts.contains_key("[Content_Types].xml") && parts.contains_key("_rels/.rels"));

    // Content types.
    let types = parse("[Content_Types].xml", &parts["[Content_Types].xml"]);
    let mut defaults = HashMap::new();
    let mut overrides = HashMap::new();
    for t in &types.children {
        match t.name.as_str() {
            "Default" => {
                defaults.insert(
                    t.attr("Extension").unwrap().to_ascii_lowercase(),
                    t.attr("ContentType").unwrap().to_string(),
                );
            }
            "Override" => {
                let part = t
                    .attr("PartName")
                    .unwrap()
                    .trim_start_matches('/')
                    .to_string();
                assert!(
                    parts.contains_key(&part),
                    "an override for a missing part {part}"
                );
                overrides.insert(part, t.attr("ContentType").unwrap().to_string());
            }
            other => panic!("{other} in the content types"),
        }
    }
    let content_type = |part: &str| {
        overrides.get(part).cloned().or_else(|| {
            part.rsplit('.')
                .next()
                .and_then(|ext| defaults.get(&ext.to_ascii_lowercase()).cloned())
        })
    };
    for name in &names {
        if name.as_str() != "[Content_Types].xml" {
            assert!(content_type(name).is_some(), "{name} has no content type");
        }
    }
    assert_eq!(
        content_type("word/document.xml").as_deref(),
        Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
    );

    // Every XML part is well-formed with its prefixes bound; relationships resolve.
    let mut xml: BTreeMap<String, El> = BTreeMap::new();
    for (name, bytes) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            xml.insert(name.clone(), parse(name, bytes));
        } else {
            assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{name} is no PNG");
        }
    }
    let mut rels_of: HashMap<String, HashMap<String, String>> = HashMap::new();
    for (name, root) in &xml {
        let Some(source) = name.strip_suffix(".rels") else {
            continue;
        };
        let source = source.replacen("_rels/", "", 1);
        let mut ids = HashMap::new();
        for r in &root.children {
            let id = r.attr("Id").unwrap().to_string();
            let to = target(&source, r.attr("Target").unwrap());
            assert!(parts.contains_key(&to), "{name}: {id} targets missing {to}");
            assert!(ids.insert(id.clone(), to).is_none(), "{name}: {id} twice");
        }
        rels_of.insert(source, ids);
    }
    let package = &rels_of[""];
    assert!(package.values().any(|t| t == "word/document.xml"));

    // Styles and numbering defined once, each referenced one defined.
    let mut styles = HashSet::new();
    for s in &xml["word/styles.xml"].children {
        if s.name == "style" {
            assert!(
                styles.insert(s.attr("w:styleId").unwrap().to_string()),
                "style twice"
            );
        }
    }
    let mut nums = HashSet::new();
    let mut abstracts = HashSet::new();
    for n in &xml["word/numbering.xml"].children {
        match n.name.as_str() {
            "abstractNum" => {
                assert!(abstracts.insert(n.attr("w:abstractNumId").unwrap().to_string()))
            }
            "num" => assert!(nums.insert(n.attr("w:numId").unwrap().to_string())),
            _ => {}
        }
    }

    // The story parts: the document, the headers, the footer.
    let mut bookmark_ids = HashSet::new();
    let mut bookmark_names = HashSet::new();
    let mut ends = HashSet::new();
    let mut drawings = HashSet::new();
    let mut anchors = Vec::new();
    let mut pagerefs = Vec::new();
    let mut tables = 0;
    for (name, root) in &xml {
        let mut all = Vec::new();
        root.all(&mut all);
        for el in &all {
            if let Some(order) = schema_order(&el.name) {
                let ranks: Vec<usize> = el
                    .kids()
                    .iter()
                    .map(|k| {
                        order
                            .iter()
                            .position(|o| o == k)
                            .unwrap_or_else(|| panic!("{name}: {k} in {}", el.name))
                    })
                    .collect();
                assert!(
                    ranks.windows(2).all(|w| w[0] <= w[1]),
                    "{name}: {} children out of the schema's order: {:?}",
                    el.name,
                    el.kids()
                );
            }
        }
        if !name.starts_with("word/") || name.contains("_rels") {
            continue;
        }
        let rels = rels_of.get(name.as_str()).cloned().unwrap_or_default();
        for el in &all {
            for (k, v) in &el.attrs {
                if k == "r:id" || k == "r:embed" {
                    assert!(rels.contains_key(v), "{name}: {k}={v} has no relationship");
                }
            }
            match el.name.as_str() {
                "pStyle" | "rStyle" => {
                    let s = el.attr("w:val").unwrap();
                    assert!(styles.contains(s), "{name}: style {s} is not defined");
                }
                "numId" => {
                    let n = el.attr("w:val").unwrap();
                    assert!(nums.contains(n), "{name}: list {n} is not defined");
                }
                "abstractNumId" => {
                    let n = el.attr("w:val").unwrap();
                    assert!(abstracts.contains(n), "{name}: {n} is not defined");
                }
                "bookmarkStart" => {
                    assert!(bookmark_ids.insert(el.attr("w:id").unwrap().to_string()));
                    assert!(bookmark_names.insert(el.attr("w:name").unwrap().to_string()));
                }
                "bookmarkEnd" => assert!(ends.insert(el.attr("w:id").unwrap().to_string())),
                "docPr" => assert!(drawings.insert(el.attr("id").unwrap().to_string())),
                "hyperlink" => anchors.extend(el.attr("w:anchor").map(str::to_string)),
                "instrText" => {
                    let text = el.attrs.get("$text").cloned().unwrap_or_default();
                    pagerefs.push(text);
                }
                "tbl" => {
                    tables += 1;
                    let grid = el
                        .children
                        .iter()
                        .find(|c| c.name == "tblGrid")
                        .unwrap()
                        .children
                        .len();
                    for row in el.children.iter().filter(|c| c.name == "tr") {
                        let cells: Vec<&El> =
                            row.children.iter().filter(|c| c.name == "tc").collect();
                        let spanned: usize = cells
                            .iter()
                            .map(|tc| {
                                tc.children
                                    .iter()
                                    .find(|c| c.name == "tcPr")
                                    .and_then(|p| p.children.iter().find(|c| c.name == "gridSpan"))
                                    .and_then(|g| g.attr("w:val"))
                                    .map(|v| v.parse::<usize>().unwrap())
                                    .unwrap_or(1)
                            })
                            .sum();
                        assert_eq!(spanned, grid, "{name}: a row does not fill its grid");
                        for tc in cells {
                            assert_eq!(
                                tc.children.last().map(|c| c.name.as_str()),
                                Some("p"),
                                "{name}: a cell must end in a paragraph"
                            );
                        }
                    }
                }
                _ => {}
            }
        }
    }
    assert!(tables >= 20, "{tables} tables");
    assert_eq!(bookmark_ids, ends, "every bookmark is closed");
    for a in &anchors {
        assert!(
            bookmark_names.contains(a),
            "a link to the missing bookmark {a}"
        );
    }
    assert!(anchors.len() >= 50, "{} links in the lists", anchors.len());
    assert_eq!(drawings.len(), 1, "the chart's picture");
    let pagerefs: Vec<&str> = pagerefs
        .iter()
        .filter_map(|i| i.trim().strip_prefix("PAGEREF "))
        .map(|r| r.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        pagerefs.len(),
        anchors.len(),
        "each entry's page is a PAGEREF"
    );
    for r in &pagerefs {
        assert!(
            bookmark_names.contains(*r),
            "PAGEREF to the missing bookmark {r}"
        );
    }

    // The body ends with the last section's properties; every other section's
    // properties sit in the last paragraph of their section.
    let document = &xml["word/document.xml"];
    let body = &document.children[0];
    assert_eq!(body.name, "body");
    assert_eq!(body.children.last().unwrap().name, "sectPr");
    let mut all = Vec::new();
    body.all(&mut all);
    let sections = all.iter().filter(|e| e.name == "sectPr").count();
    // The cover and each chapter (Kata Pengantar … Lampiran).
    assert_eq!(sections, 1 + 9);
    assert_eq!(
        document.ns,
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    );
}
