//! The rows of a table as a hierarchy: which row is a parent of which, which is a
//! total, told once for every table from whatever the sheet has: codes in one or
//! several columns (`2.16`, `2.16.01`, `2.16.01.2.01.0001`, `5.1.02.01`; their
//! order in the sheet does not matter), outline numbering (`I`, `1.`, `a.`,
//! `1)`), the words a name starts with (Urusan, Bidang, Program, Kegiatan, Sub
//! Kegiatan), `Jumlah` / `Total` / `Sub Total` rows, SUM and SUBTOTAL formulas, a
//! heading row without figures over the rows that have them.

use super::holds::Holds;
use super::{Field, Row};
use crate::read::{Formula, Sheet, Value};
use crate::table::normalize_header;
use std::borrow::Cow;
use std::collections::HashMap;

/// What a body row is in its table's hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowRole {
    /// A row of its own: a sub kegiatan, a village, an account.
    Item,
    /// A row over others: an urusan, a program, a heading row.
    Parent,
    /// A `Jumlah` / `Total` row, or a SUBTOTAL over rows: the sum of its children.
    Total,
}

/// How a row's place in the hierarchy was told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placed {
    Code,
    Outline,
    Words,
    /// The name column its name stands in (a name further right is a level
    /// down), where rows fill one name column each.
    Column,
    Formula,
    /// A heading row without figures over the rows that have them, or simply
    /// the row above.
    Position,
}

/// One body row's place.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub role: RowRole,
    /// Index into the table's rows.
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Depth below the top rows (0 for them and for total rows).
    pub depth: u8,
    /// The row's own code (its deepest code cell), as written.
    pub code: Option<String>,
    pub placed: Placed,
}

/// Something in the rows that the hierarchy could not place cleanly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TreeProblem {
    /// Two rows carry the same code path; the later one is kept as a row of its own.
    SameCode { first: usize, again: usize },
    /// A code fits under no other row's code and is not a top code.
    Orphan { row: usize },
}

/// The hierarchy of a table's rows, with what could not be placed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tree {
    pub nodes: Vec<Node>,
    pub problems: Vec<TreeProblem>,
}

impl Tree {
    /// The rows under `i`, all levels down.
    pub fn descendants(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut todo = self.nodes[i].children.clone();
        while let Some(c) = todo.pop() {
            out.push(c);
            todo.extend(self.nodes[c].children.iter().copied());
        }
        out.sort_unstable();
        out
    }
}

/// What a row says of itself.
struct Facts {
    codes: Vec<String>,
    /// A name column holds something.
    named: bool,
    /// Which name column holds its name, when it fills exactly one.
    column: Option<u8>,
    /// Words in two or more name columns (a program and its indicator).
    spread: bool,
    outline: Option<OutlineStyle>,
    words: Option<u8>,
    total: bool,
    has_figures: bool,
}

/// The hierarchy of `rows` (a table's body) given what its fields hold.
pub fn build(rows: &[Row], fields: &[Field], sheet: &Sheet) -> Tree {
    let n = rows.len();
    let code_cols: Vec<u32> = fields
        .iter()
        .filter(|f| f.holds == Holds::Code)
        .map(|f| f.index)
        .collect();
    let name_cols: Vec<u32> = fields
        .iter()
        .filter(|f| matches!(f.holds, Holds::Name | Holds::Label | Holds::Mixed))
        .map(|f| f.index)
        .collect();
    let number_cols: Vec<u32> = fields
        .iter()
        .filter(|f| f.holds == Holds::Numbering)
        .map(|f| f.index)
        .collect();
    let figure_cols: Vec<u32> = fields
        .iter()
        .filter(|f| f.holds.is_figure())
        .map(|f| f.index)
        .collect();
    let additive_cols: Vec<u32> = fields
        .iter()
        .filter(|f| f.holds.is_additive())
        .map(|f| f.index)
        .collect();
    let of = |r: &Row| facts(r, &code_cols, &name_cols, &number_cols, &figure_cols);
    // A long table's rows are read on every core (a country's villages).
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut facts: Vec<Facts> = if n >= 20_000 && cores > 1 {
        let chunk = n.div_ceil(cores);
        std::thread::scope(|scope| {
            let parts: Vec<_> = rows
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().map(of).collect::<Vec<_>>()))
                .collect();
            parts
                .into_iter()
                .flat_map(|p| p.join().expect("reading a row's facts does not panic"))
                .collect()
        })
    } else {
        rows.iter().map(of).collect()
    };
    if code_cols.len() == 1 {
        scope_one_column(&mut facts);
    }
    let mut tree = Tree {
        nodes: (0..n)
            .map(|i| Node {
                role: RowRole::Item,
                parent: None,
                children: Vec::new(),
                depth: 0,
                code: facts[i].codes.last().cloned(),
                placed: Placed::Position,
            })
            .collect(),
        problems: Vec::new(),
    };
    let coded = facts.iter().filter(|f| !f.codes.is_empty()).count();
    let totals: Vec<bool> = facts.iter().map(|f| f.total).collect();
    if coded * 2 >= n.saturating_sub(totals.iter().filter(|t| **t).count()) && coded > 0 {
        by_codes(&facts, &mut tree);
    } else {
        let summed = formula_children(rows, &additive_cols, sheet);
        by_outline(&facts, &summed, &mut tree);
    }
    mark_totals(rows, &facts, &additive_cols, sheet, &mut tree);
    for i in 0..n {
        if tree.nodes[i].role == RowRole::Item && !tree.nodes[i].children.is_empty() {
            tree.nodes[i].role = RowRole::Parent;
        }
    }
    set_depths(&mut tree);
    tree
}

fn facts(
    row: &Row,
    code_cols: &[u32],
    name_cols: &[u32],
    number_cols: &[u32],
    figure_cols: &[u32],
) -> Facts {
    // Borrowed where the cell holds text: this runs on every row of every table.
    let text = |col: u32| -> Option<Cow<'_, str>> {
        let c = row.at(col)?;
        let t = match &c.value {
            Value::Text(t) => Cow::Borrowed(t.trim()),
            Value::Number { value } => Cow::Owned(value.to_string()),
            _ => return None,
        };
        (!t.is_empty()).then_some(t)
    };
    let codes: Vec<String> = code_cols
        .iter()
        .filter_map(|&c| text(c))
        .filter(|t| is_code_like(t))
        .map(Cow::into_owned)
        .collect();
    // A form may hold several name columns (sasaran, then the program's name):
    // any of them may carry the level's words or a total's label.
    let names: Vec<(usize, Cow<'_, str>)> = name_cols
        .iter()
        .enumerate()
        .filter_map(|(k, &c)| Some((k, text(c)?)))
        .collect();
    let name = names.first().map(|(_, n)| n.as_ref());
    // (A figure typed as text in a mixed column is no name.)
    let mut worded = names
        .iter()
        .filter(|(_, t)| t.chars().any(char::is_alphabetic))
        .map(|(k, _)| *k);
    let (first, second) = (worded.next(), worded.next());
    let column = first
        .filter(|_| second.is_none())
        .and_then(|k| u8::try_from(k).ok());
    let spread = second.is_some();
    let numbered = number_cols.iter().find_map(|&c| text(c));
    let outline = numbered
        .as_deref()
        .and_then(outline_style)
        .or_else(|| name.and_then(leading_outline));
    let words = names.iter().find_map(|(_, n)| level_of_words(n));
    let total = names.iter().any(|(_, n)| is_total_label(n))
        || (codes.is_empty()
            && row
                .cells
                .iter()
                .any(|c| matches!(&c.value, Value::Text(t) if is_total_label(t))));
    let has_figures = figure_cols.iter().any(|&c| {
        row.at(c).is_some_and(|x| match &x.value {
            Value::Number { .. } | Value::Error(_) => true,
            Value::Text(t) => t.chars().any(|c| c.is_ascii_digit()),
            _ => false,
        })
    });
    Facts {
        codes,
        named: name.is_some(),
        column,
        spread,
        outline,
        words,
        total,
        has_figures,
    }
}

/// Codes of one undotted part each, as many per row (a village list's `KODE
/// DESA`, or `KODE KEC | KODE DESA`): no path extends another, so no row is
/// another's parent.
fn codes_cannot_nest(facts: &[Facts]) -> bool {
    let mut width = None;
    facts
        .iter()
        .filter(|f| !f.codes.is_empty() && !f.total)
        .all(|f| {
            f.codes
                .iter()
                .all(|c| !c.trim_end_matches('.').contains('.'))
                && *width.get_or_insert(f.codes.len()) == f.codes.len()
        })
}

/// A code as a hierarchy reads it: digits in dotted segments (`2`, `2.16`,
/// `5.1.02.01.001.00024`), or a long identifier.
fn is_code_like(t: &str) -> bool {
    let t = t.trim().trim_end_matches('.');
    !t.is_empty()
        && t.split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Parents from codes: a row's parent is the row whose code path is the longest
/// one its own extends, wherever that row stands.
fn by_codes(facts: &[Facts], tree: &mut Tree) {
    // A village list's codes cannot nest: no parent is looked for (a path's
    // prefixes cost a national list dearly).
    let can_nest = !codes_cannot_nest(facts);
    // The first row of each path; a later one is the same code again, kept apart
    // with the rows under it.
    let mut first_of: HashMap<&[String], usize> = HashMap::with_capacity(facts.len());
    let mut again_of: HashMap<&[String], Vec<usize>> = HashMap::new();
    for (i, f) in facts.iter().enumerate() {
        if f.codes.is_empty() || f.total {
            continue;
        }
        match first_of.get(f.codes.as_slice()) {
            Some(&first) => {
                tree.problems
                    .push(TreeProblem::SameCode { first, again: i });
                again_of.entry(f.codes.as_slice()).or_default().push(i);
            }
            None => {
                first_of.insert(f.codes.as_slice(), i);
            }
        }
    }
    let mut last_coded: Option<usize> = None;
    let mut orphans = Vec::new();
    // Rows of a repeated block: its head (a code again) stands apart, the rows
    // under it are its own.
    let mut apart = vec![false; facts.len()];
    for (i, f) in facts.iter().enumerate() {
        if f.total {
            continue;
        }
        if f.codes.is_empty() {
            // A row without a code details the coded row above it.
            if let Some(p) = last_coded {
                link(tree, p, i, Placed::Position);
            }
            continue;
        }
        last_coded = Some(i);
        tree.nodes[i].placed = Placed::Code;
        let again = first_of[f.codes.as_slice()] != i;
        // Of the rows of a parent's path, the nearest above (a repeated block's own
        // row), else the first.
        let row_of = |key: &[String]| {
            let first = *first_of.get(key)?;
            let nearer = again_of
                .get(key)
                .and_then(|rows| rows.iter().rev().find(|&&r| r < i));
            Some(nearer.copied().unwrap_or(first))
        };
        let parent = if can_nest {
            code_parent(&f.codes, &row_of)
        } else {
            None
        };
        match parent {
            Some(p) if !again || apart[p] => {
                apart[i] = apart[p];
                link(tree, p, i, Placed::Code);
            }
            _ if again => apart[i] = true,
            Some(_) => {}
            None if f.codes.len() > 1 || f.codes[0].contains('.') => orphans.push(i),
            None => {}
        }
    }
    // `2.16.01` with no `2.16` anywhere, in a table whose codes do nest: placed at
    // the top, and told. (A list of villages by region codes nests nothing.)
    if tree
        .nodes
        .iter()
        .any(|n| n.placed == Placed::Code && n.parent.is_some())
    {
        tree.problems
            .extend(orphans.into_iter().map(|row| TreeProblem::Orphan { row }));
    }
}

/// Codes in one column carry no path of their own where their rows nest by
/// place: an organisation row (`2.16.2.20.2.21.01.0000`) sits under the bidang
/// above it and over the programs below it, whose codes do not extend its own;
/// accounts (`5.1.02`, again under every sub kegiatan) belong to the sub kegiatan
/// (or program, kegiatan, organisation) above them. Each such row's path becomes
/// the path of the row it sits under followed by its own code, as a sheet that
/// splits its codes over several columns writes it. A table without organisation
/// or budget codes keeps its codes as they are.
fn scope_one_column(facts: &mut [Facts]) {
    use super::codes::{level, CodeLevel};
    let levels: Vec<Option<CodeLevel>> = facts
        .iter()
        .map(|f| f.codes.first().and_then(|c| level(c)))
        .collect();
    let budget = levels.iter().any(|l| {
        matches!(
            l,
            Some(
                CodeLevel::Organisasi
                    | CodeLevel::Program
                    | CodeLevel::Kegiatan
                    | CodeLevel::SubKegiatan
            )
        )
    });
    if !budget {
        return;
    }
    let coded: Vec<usize> = (0..facts.len())
        .filter(|&i| !facts[i].total && facts[i].codes.len() == 1)
        .collect();
    // The path of the bidang (or urusan) row above, of the open organisation, of
    // each bidang's latest organisation (a block moved below another bidang still
    // finds its own), and of the row accounts below would sit under.
    let mut affair: Vec<String> = Vec::new();
    let mut open: Option<Vec<String>> = None;
    let mut by_bidang: HashMap<String, Vec<String>> = HashMap::new();
    let mut anchor: Option<Vec<String>> = None;
    let mut in_accounts = false;
    for (k, &i) in coded.iter().enumerate() {
        let code = facts[i].codes[0].clone();
        let next = coded.get(k + 1).and_then(|&j| levels[j]);
        let account = match levels[i] {
            Some(CodeLevel::Akun(_)) => anchor.is_some(),
            // `5` is an akun under a sub kegiatan when accounts follow it.
            Some(CodeLevel::Urusan) => {
                anchor.is_some() && !in_accounts && matches!(next, Some(CodeLevel::Akun(_)))
            }
            _ => false,
        };
        let path = if account {
            in_accounts = true;
            let mut p = anchor.clone().unwrap_or_default();
            p.push(code);
            p
        } else {
            in_accounts = false;
            match levels[i] {
                Some(CodeLevel::Urusan | CodeLevel::Bidang) => {
                    open = None;
                    anchor = None;
                    affair = vec![code];
                    affair.clone()
                }
                Some(CodeLevel::Organisasi) => {
                    let mut p = affair.clone();
                    p.push(code);
                    if let Some(b) = affair.last() {
                        by_bidang.insert(b.clone(), p.clone());
                    }
                    open = Some(p.clone());
                    anchor = Some(p.clone());
                    p
                }
                Some(CodeLevel::Program | CodeLevel::Kegiatan | CodeLevel::SubKegiatan) => {
                    let bidang: String = code.split('.').take(2).collect::<Vec<_>>().join(".");
                    let mut p = by_bidang
                        .get(&bidang)
                        .or(open.as_ref())
                        .cloned()
                        .unwrap_or_default();
                    p.push(code);
                    anchor = Some(p.clone());
                    p
                }
                _ => {
                    anchor = None;
                    vec![code]
                }
            }
        };
        facts[i].codes = path;
    }
}

/// The row whose code path is the longest proper ancestor of `path`: the same
/// codes in the columns before, and in the last column a dotted prefix (or the
/// path one column shorter).
fn code_parent(path: &[String], row_of: &dyn Fn(&[String]) -> Option<usize>) -> Option<usize> {
    let mut key: Vec<String> = path.to_vec();
    loop {
        let last = key.pop()?;
        // Dotted prefixes of the last code, longest first; the code itself only
        // when a column was dropped.
        let segments: Vec<&str> = last.trim_end_matches('.').split('.').collect();
        let whole = key.len() + 1 < path.len();
        let upto = if whole {
            segments.len()
        } else {
            segments.len() - 1
        };
        for k in (1..=upto).rev() {
            key.push(segments[..k].join("."));
            if let Some(p) = row_of(key.as_slice()) {
                return Some(p);
            }
            key.pop();
        }
        if key.is_empty() {
            return None;
        }
        if let Some(p) = row_of(key.as_slice()) {
            return Some(p);
        }
    }
}

/// For each row, the rows below it that most of its additive formulas add up in
/// their own column; rows inside the span those formulas name that the majority
/// skips (hidden rows of zeros) are its children too.
fn formula_children(rows: &[Row], additive_cols: &[u32], sheet: &Sheet) -> Vec<Option<Vec<usize>>> {
    let by_row: HashMap<u32, usize> = rows.iter().enumerate().map(|(i, r)| (r.row, i)).collect();
    rows.iter()
        .map(|r| {
            let mut votes: HashMap<Vec<usize>, usize> = HashMap::new();
            let mut named: Vec<usize> = Vec::new();
            for &col in additive_cols {
                let at = crate::cell::CellRef::new(r.row, col);
                let Some(f) = sheet.formula(at).and_then(Formula::parse) else {
                    continue;
                };
                let Some(cells) = f.cells() else { continue };
                if !f.additive || cells.iter().any(|c| c.col != col || c.row <= r.row) {
                    continue;
                }
                let below: Vec<usize> = cells
                    .iter()
                    .filter_map(|c| by_row.get(&c.row).copied())
                    .collect();
                if !below.is_empty() {
                    named.extend(&below);
                    *votes.entry(below).or_default() += 1;
                }
            }
            let (mut children, _) = votes
                .into_iter()
                .max_by(|(a, x), (b, y)| x.cmp(y).then(b.cmp(a)))?;
            // Rows between the parent and the last child that only some columns
            // name are children the others skipped.
            let end = *children.iter().max()?;
            named.sort_unstable();
            named.dedup();
            for k in named {
                let i = by_row[&r.row];
                if k > i && k < end && !children.contains(&k) {
                    children.push(k);
                }
            }
            children.sort_unstable();
            Some(children)
        })
        .collect()
}

/// Parents from outline numbering, the words a name starts with, SUM formulas
/// and headings without figures; failing all, a row is a sibling of the one above.
fn by_outline(facts: &[Facts], summed: &[Option<Vec<usize>>], tree: &mut Tree) {
    let n = facts.len();
    // Outline styles take depths in the order they first appear.
    let mut styles: Vec<OutlineStyle> = Vec::new();
    for f in facts {
        if let Some(s) = f.outline {
            if !styles.contains(&s) {
                styles.push(s);
            }
        }
    }
    let any_words = facts.iter().any(|f| f.words.is_some());
    let any_outline = styles.len() > 1;
    // Names set in two or more columns, every row filling one (a bidang in the
    // first, its kegiatan in the second): the column is the level, before any
    // word a name starts with. (Rows naming a program and its indicator side by
    // side are no such outline.)
    let mut columns: Vec<u8> = facts.iter().filter_map(|f| f.column).collect();
    columns.sort_unstable();
    columns.dedup();
    let by_column = columns.len() > 1 && !facts.iter().any(|f| f.spread);
    let mut claimed = vec![false; n];
    // The open parents: (row, rank); a lower rank is higher in the tree.
    let mut stack: Vec<(usize, u32)> = Vec::new();
    let ranks: Vec<Option<(u32, Placed)>> = facts
        .iter()
        .map(|f| {
            if by_column && f.column.is_some() {
                f.column.map(|k| (u32::from(k) * 10, Placed::Column))
            } else if any_words && f.words.is_some() {
                f.words.map(|w| (u32::from(w) * 10, Placed::Words))
            } else if any_outline && f.outline.is_some() {
                f.outline.map(|s| {
                    let d = styles.iter().position(|x| *x == s).unwrap_or(0);
                    (d as u32 * 10 + 1, Placed::Outline)
                })
            } else {
                None
            }
        })
        .collect();
    for i in 0..n {
        let f = &facts[i];
        if f.total {
            stack.clear();
            continue;
        }
        let rank = ranks[i];
        if claimed[i] {
            // Placed by its parent's formulas; its level still closes the groups
            // below it.
            if let Some((r, _)) = rank {
                while stack.last().is_some_and(|(_, x)| *x >= r) {
                    stack.pop();
                }
                stack.push((i, r));
            }
        } else {
            match rank {
                Some((r, placed)) => place_ranked(tree, &mut stack, i, r, placed),
                // A heading without figures opens a group over the rows with them.
                None if !f.has_figures && f.named && next_has_figures(facts, i) => {
                    let r = stack.last().map_or(0, |(_, r)| r + 1);
                    place_ranked(tree, &mut stack, i, r, Placed::Position);
                }
                None => {
                    // A plain row: a sibling of the row above when a formula placed
                    // that one (a hidden row its parent's formulas skip), else a
                    // child of the open group. (A row adding rows of its own is no
                    // such leaf: it stands beside the parent of the row above.)
                    let above = i
                        .checked_sub(1)
                        .filter(|&k| claimed[k] && !facts[k].total)
                        .and_then(|k| tree.nodes[k].parent)
                        .and_then(|p| match summed[i] {
                            Some(_) => tree.nodes[p].parent,
                            None => Some(p),
                        });
                    let parent = above.or_else(|| {
                        stack
                            .iter()
                            .rev()
                            .find(|(p, _)| is_group(facts, tree, *p))
                            .map(|(p, _)| *p)
                    });
                    if let Some(p) = parent {
                        link(tree, p, i, Placed::Position);
                        claimed[i] = above.is_some();
                    }
                }
            }
        }
        // Its formulas' rows are its children, but never a row whose own words or
        // numbering put it at its level or above (one formula adding the next
        // kegiatan's row does not make that kegiatan a child).
        if let Some(children) = &summed[i] {
            let below: Vec<usize> = children
                .iter()
                .copied()
                .filter(|&c| match (rank, ranks[c]) {
                    (Some((r, _)), Some((rc, _))) => rc > r,
                    _ => true,
                })
                .collect();
            claim(tree, i, &below, &mut claimed);
        }
    }
}

fn place_ranked(
    tree: &mut Tree,
    stack: &mut Vec<(usize, u32)>,
    i: usize,
    rank: u32,
    placed: Placed,
) {
    while stack.last().is_some_and(|(_, r)| *r >= rank) {
        stack.pop();
    }
    if let Some(&(p, _)) = stack.last() {
        link(tree, p, i, placed);
    } else {
        tree.nodes[i].placed = placed;
    }
    stack.push((i, rank));
}

fn next_has_figures(facts: &[Facts], i: usize) -> bool {
    facts.get(i + 1).is_some_and(|f| f.has_figures && !f.total)
}

/// A row that opened a group: placed by words, outline or as a heading.
fn is_group(facts: &[Facts], tree: &Tree, p: usize) -> bool {
    !facts[p].has_figures
        || matches!(
            tree.nodes[p].placed,
            Placed::Words | Placed::Outline | Placed::Column
        )
        || facts[p].words.is_some()
        || facts[p].outline.is_some()
}

/// `children` (rows below `i` its formulas add up) become `i`'s, taken from any
/// parent they had.
fn claim(tree: &mut Tree, i: usize, children: &[usize], claimed: &mut [bool]) {
    for &c in children {
        if c <= i || claimed[c] {
            continue;
        }
        claimed[c] = true;
        if let Some(old) = tree.nodes[c].parent.take() {
            tree.nodes[old].children.retain(|&x| x != c);
        }
        link(tree, i, c, Placed::Formula);
    }
    tree.nodes[i].placed = Placed::Formula;
}

fn link(tree: &mut Tree, parent: usize, child: usize, placed: Placed) {
    if tree.nodes[child].parent.is_some() || parent == child {
        return;
    }
    tree.nodes[child].parent = Some(parent);
    tree.nodes[child].placed = placed;
    tree.nodes[parent].children.push(child);
}

/// Total rows and what they add up: a SUM or SUBTOTAL naming rows (the rows
/// named), else every top row since the previous total.
fn mark_totals(
    rows: &[Row],
    facts: &[Facts],
    additive_cols: &[u32],
    sheet: &Sheet,
    tree: &mut Tree,
) {
    let by_row: HashMap<u32, usize> = rows.iter().enumerate().map(|(i, r)| (r.row, i)).collect();
    let mut since = 0;
    for i in 0..rows.len() {
        if !facts[i].total && !sums_rows_above(&rows[i], additive_cols, sheet) {
            continue;
        }
        if let Some(p) = tree.nodes[i].parent.take() {
            tree.nodes[p].children.retain(|&x| x != i);
        }
        tree.nodes[i].role = RowRole::Total;
        // The rows its formulas name above it, as most columns name them.
        let mut votes: HashMap<Vec<usize>, usize> = HashMap::new();
        for &col in additive_cols {
            let at = crate::cell::CellRef::new(rows[i].row, col);
            let Some(f) = sheet.formula(at).and_then(Formula::parse) else {
                continue;
            };
            let Some(cells) = f.cells() else { continue };
            let named: Vec<usize> = cells
                .iter()
                .filter(|c| c.col == col && c.row < rows[i].row)
                .filter_map(|c| by_row.get(&c.row).copied())
                .collect();
            if !named.is_empty() {
                *votes.entry(named).or_default() += 1;
            }
        }
        let children: Vec<usize> = match votes.into_iter().max_by_key(|(_, n)| *n) {
            Some((named, _)) => named,
            None => (since..i)
                .filter(|&k| tree.nodes[k].parent.is_none() && !facts[k].total)
                .collect(),
        };
        tree.nodes[i].children = children;
        since = i + 1;
    }
}

/// A row without a total's label whose additive cells are formulas adding rows
/// above it (`=SUM(K12+K91+K96)` at the foot of a form): a total all the same.
fn sums_rows_above(row: &Row, additive_cols: &[u32], sheet: &Sheet) -> bool {
    let mut up = 0;
    let mut other = 0;
    for &col in additive_cols {
        let at = crate::cell::CellRef::new(row.row, col);
        let Some(f) = sheet.formula(at).and_then(Formula::parse) else {
            continue;
        };
        match f.cells() {
            Some(cells)
                if f.additive
                    && cells.len() >= 2
                    && cells.iter().all(|c| c.col == col && c.row < row.row) =>
            {
                up += 1
            }
            _ => other += 1,
        }
    }
    up > 0 && up > other
}

fn set_depths(tree: &mut Tree) {
    for i in 0..tree.nodes.len() {
        let mut d = 0u8;
        let mut at = tree.nodes[i].parent;
        let mut guard = 0;
        while let Some(p) = at {
            d = d.saturating_add(1);
            at = tree.nodes[p].parent;
            guard += 1;
            if guard > tree.nodes.len() {
                break;
            }
        }
        tree.nodes[i].depth = d;
    }
}

/// The level the words a name starts with give: Urusan 0, Bidang 1, Program 2,
/// Kegiatan 3, Sub Kegiatan 4.
pub fn level_of_words(name: &str) -> Option<u8> {
    // Most rows start with none of the words: told without building a string.
    if !first_word_is(
        strip_outline(name),
        &["SUB", "KEGIATAN", "PROGRAM", "BIDANG", "URUSAN"],
    ) {
        return None;
    }
    let n = normalize_header(strip_outline(name));
    let starts = |w: &str| n == w || n.starts_with(&format!("{w} "));
    Some(if starts("SUB KEGIATAN") {
        4
    } else if starts("KEGIATAN") {
        3
    } else if starts("PROGRAM") {
        2
    } else if starts("BIDANG") {
        1
    } else if starts("URUSAN") {
        0
    } else {
        return None;
    })
}

/// A total row's label: `Jumlah`, `Total`, `Sub Total`, `Jumlah Total`, `Grand
/// Total` (not `Jumlah Desa Maju`, a name that starts with the word).
pub fn is_total_label(text: &str) -> bool {
    if !first_word_is(
        strip_outline(text),
        &["JUMLAH", "TOTAL", "SUB", "SUBTOTAL", "GRAND"],
    ) {
        return false;
    }
    let n = normalize_header(strip_outline(text));
    matches!(
        n.as_str(),
        "JUMLAH"
            | "TOTAL"
            | "SUB TOTAL"
            | "SUBTOTAL"
            | "JUMLAH TOTAL"
            | "GRAND TOTAL"
            | "TOTAL KESELURUHAN"
            | "JUMLAH KESELURUHAN"
            | "JUMLAH SELURUHNYA"
            | "TOTAL JUMLAH"
            | "JUMLAH SUB TOTAL"
            | "JUMLAH BELANJA"
            | "TOTAL BELANJA"
            | "JUMLAH ANGGARAN"
            | "TOTAL ANGGARAN"
            // The LRA's and the APBDes's own totals (PP 71/2010, Permendagri 20/2018).
            | "JUMLAH PENDAPATAN"
            | "TOTAL PENDAPATAN"
            | "JUMLAH PEMBIAYAAN"
            | "JUMLAH PENERIMAAN PEMBIAYAAN"
            | "JUMLAH PENGELUARAN PEMBIAYAAN"
    ) || n.starts_with("JUMLAH TOTAL ")
        || n.starts_with("SUB TOTAL ")
        || n.starts_with("TOTAL ") && n.split(' ').count() <= 3
}

/// The text's first run of letters is one of `words` (upper case), in any case.
fn first_word_is(text: &str, words: &[&str]) -> bool {
    let start = text.find(char::is_alphabetic).unwrap_or(text.len());
    let rest = &text[start..];
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = &rest[..end];
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// An outline number's style, which tells its level within a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineStyle {
    Roman,
    Upper,
    Arabic,
    ArabicParen,
    Decimal(u8),
    Lower,
    LowerParen,
    LowerRoman,
    Bullet,
}

fn roman_value(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0).then_some(total)
}

/// The outline style of a number as written; `None` when it is no outline number.
pub fn outline_style(no: &str) -> Option<OutlineStyle> {
    let t = no.trim();
    if t.is_empty() {
        return None;
    }
    if matches!(t, "-" | "–" | "•" | "*" | "·") {
        return Some(OutlineStyle::Bullet);
    }
    let paren = t.starts_with('(') || t.ends_with(')');
    let core = t
        .trim_start_matches('(')
        .trim_end_matches([')', '.'])
        .trim();
    if core.is_empty() {
        return None;
    }
    if core.chars().all(|c| c.is_ascii_digit() || c == '.') {
        let parts = core.split('.').filter(|p| !p.is_empty()).count();
        return match (parts, paren) {
            (0, _) => None,
            (1, true) => Some(OutlineStyle::ArabicParen),
            (1, false) => Some(OutlineStyle::Arabic),
            (n, _) => Some(OutlineStyle::Decimal(n.min(9) as u8)),
        };
    }
    if !core.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let upper = core.chars().all(|c| c.is_ascii_uppercase());
    let lower = core.chars().all(|c| c.is_ascii_lowercase());
    let roman = roman_value(core).is_some();
    match core.len() {
        1 if upper => Some(if matches!(core, "I" | "V" | "X") {
            OutlineStyle::Roman
        } else {
            OutlineStyle::Upper
        }),
        1 if lower => Some(if paren {
            OutlineStyle::LowerParen
        } else {
            OutlineStyle::Lower
        }),
        _ if roman && upper => Some(OutlineStyle::Roman),
        _ if roman && lower => Some(OutlineStyle::LowerRoman),
        _ => None,
    }
}

/// The outline number a name starts with (`1. Program …`, `a) …`), when it is
/// followed by a space.
fn leading_outline(name: &str) -> Option<OutlineStyle> {
    let (first, rest) = name.trim().split_once(' ')?;
    if rest.trim().is_empty() || !(first.ends_with('.') || first.ends_with(')')) {
        return None;
    }
    outline_style(first)
}

/// A name without the outline number it starts with.
pub fn strip_outline(name: &str) -> &str {
    let t = name.trim();
    match t.split_once(' ') {
        Some((first, rest))
            if (first.ends_with('.') || first.ends_with(')')) && outline_style(first).is_some() =>
        {
            rest.trim()
        }
        _ => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outline_styles() {
        assert_eq!(outline_style("I"), Some(OutlineStyle::Roman));
        assert_eq!(outline_style("II."), Some(OutlineStyle::Roman));
        assert_eq!(outline_style("1."), Some(OutlineStyle::Arabic));
        assert_eq!(outline_style("1)"), Some(OutlineStyle::ArabicParen));
        assert_eq!(outline_style("1.2"), Some(OutlineStyle::Decimal(2)));
        assert_eq!(outline_style("a."), Some(OutlineStyle::Lower));
        assert_eq!(outline_style("(b)"), Some(OutlineStyle::LowerParen));
        assert_eq!(outline_style("B."), Some(OutlineStyle::Upper));
        assert_eq!(outline_style("-"), Some(OutlineStyle::Bullet));
        assert_eq!(outline_style("Belanja"), None);
    }

    #[test]
    fn totals_are_told_from_names_that_only_start_alike() {
        assert!(is_total_label("Jumlah"));
        assert!(is_total_label("JUMLAH TOTAL"));
        assert!(is_total_label("Sub Total"));
        assert!(is_total_label("JUMLAH PENDAPATAN"));
        assert!(!is_total_label("Jumlah Penduduk Miskin"));
        assert!(is_total_label("Total Belanja"));
        assert!(!is_total_label("Jumlah Desa Maju"));
        assert!(!is_total_label(
            "Jumlah Dokumen Perencanaan Perangkat Daerah"
        ));
    }

    #[test]
    fn words_give_levels() {
        assert_eq!(level_of_words("PROGRAM PENUNJANG URUSAN"), Some(2));
        assert_eq!(level_of_words("Sub Kegiatan Penyusunan"), Some(4));
        assert_eq!(level_of_words("1. Kegiatan Evaluasi"), Some(3));
        assert_eq!(level_of_words("Penyusunan Dokumen"), None);
    }

    /// Facts of rows with one code each (a code in one column).
    fn one_column(codes: &[&str]) -> Vec<Facts> {
        codes
            .iter()
            .map(|c| Facts {
                codes: vec![c.to_string()],
                named: false,
                column: None,
                spread: false,
                outline: None,
                words: None,
                total: false,
                has_figures: true,
            })
            .collect()
    }

    fn parents(codes: &[&str]) -> (Vec<Option<usize>>, Vec<TreeProblem>) {
        let mut facts = one_column(codes);
        scope_one_column(&mut facts);
        let mut tree = Tree {
            nodes: (0..facts.len())
                .map(|_| Node {
                    role: RowRole::Item,
                    parent: None,
                    children: Vec::new(),
                    depth: 0,
                    code: None,
                    placed: Placed::Position,
                })
                .collect(),
            problems: Vec::new(),
        };
        by_codes(&facts, &mut tree);
        (tree.nodes.iter().map(|n| n.parent).collect(), tree.problems)
    }

    #[test]
    fn in_one_column_organisations_and_accounts_nest_by_place() {
        let org = "2.16.2.20.2.21.01.0000";
        let (p, problems) = parents(&[
            "2",                 // 0
            "2.16",              // 1
            org,                 // 2
            "2.16.01",           // 3
            "2.16.01.2.01",      // 4
            "2.16.01.2.01.0001", // 5
            "5.1.02",            // 6
            "5.1.02.01",         // 7
            "2.16.01.2.01.0002", // 8
            "5.1.02",            // 9: again, under its own sub kegiatan
            "2.20",              // 10
            org,                 // 11: the same organisation under another bidang
            "2.20.02",           // 12
            "2.16.01.2.01.0003", // 13: a block moved below another bidang
            "5.1.02",            // 14
        ]);
        assert_eq!(
            p,
            [
                None,
                Some(0),
                Some(1),
                Some(2),
                Some(3),
                Some(4),
                Some(5),
                Some(6),
                Some(4),
                Some(8),
                Some(0),
                Some(10),
                Some(11),
                Some(4),
                Some(13)
            ]
        );
        assert_eq!(problems, []);
    }

    #[test]
    fn a_repeated_block_stands_apart_with_its_rows() {
        let (p, problems) = parents(&[
            "2",
            "2.16",
            "2.16.01",
            "2.16.01.2.01",
            "2.16.01.2.01.0001",
            "5.1.02",
            "2.16.01.2.01.0001",
            "5.1.02",
            "5.1.02.02",
        ]);
        assert_eq!(
            p,
            [
                None,
                Some(0),
                Some(1),
                Some(2),
                Some(3),
                Some(4),
                None,
                Some(6),
                Some(7)
            ]
        );
        assert_eq!(
            problems,
            [
                TreeProblem::SameCode { first: 4, again: 6 },
                TreeProblem::SameCode { first: 5, again: 7 }
            ]
        );
    }

    #[test]
    fn codes_find_their_parents_across_columns() {
        let path = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let rows = [
            path(&["2"]),
            path(&["2.16"]),
            path(&["2.16", "2.16.2.20.2.21.01.0000"]),
            path(&["2.16", "2.16.2.20.2.21.01.0000", "2.16.01"]),
            path(&["2.16", "2.16.2.20.2.21.01.0000", "2.16.01.2.01"]),
            path(&["2.16", "2.16.2.20.2.21.01.0000", "2.16.01.2.01.0001"]),
            path(&[
                "2.16",
                "2.16.2.20.2.21.01.0000",
                "2.16.01.2.01.0001",
                "5.1.02",
            ]),
            path(&[
                "2.16",
                "2.16.2.20.2.21.01.0000",
                "2.16.01.2.01.0001",
                "5.1.02.01",
            ]),
            path(&["2.16", "2.16.2.20.2.21.01.0000", "2.16.01.2.01.0002"]),
        ];
        let by: HashMap<&[String], usize> = rows
            .iter()
            .enumerate()
            .map(|(i, p)| (p.as_slice(), i))
            .collect();
        let row_of = |k: &[String]| by.get(k).copied();
        let parents: Vec<Option<usize>> = rows.iter().map(|p| code_parent(p, &row_of)).collect();
        assert_eq!(
            parents,
            vec![
                None,
                Some(0),
                Some(1),
                Some(2),
                Some(3),
                Some(4),
                Some(5),
                Some(6),
                Some(4)
            ]
        );
    }
}
