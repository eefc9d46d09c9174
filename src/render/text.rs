//! Line breaking measured with the real font. Unlike genpdf's own wrapper, which
//! silently drops a word wider than its column, a token that cannot fit is cut
//! into pieces that do (after a `/`, `-`, `.` … where it has one), so no text is
//! ever lost.

use super::fonts::{Face, Fonts};

/// A laid-out line: its words with their widths.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Line {
    pub(crate) words: Vec<Word>,
    /// Natural width: words plus single spaces between them.
    pub(crate) width: f64,
    /// The last line of a paragraph or before a `\n`: never justified.
    pub(crate) last: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Word {
    pub(crate) text: String,
    pub(crate) width: f64,
}

impl Line {
    /// The line as one string, words joined by single spaces.
    pub(crate) fn text(&self) -> String {
        let words: Vec<&str> = self.words.iter().map(|w| w.text.as_str()).collect();
        words.join(" ")
    }
}

/// Breaks `text` into lines no wider than `width` mm (the first `indent` mm
/// narrower). A `\n` forces a break; an empty hard line gives an empty line.
pub(crate) fn wrap(
    fonts: &Fonts,
    face: Face,
    size: u8,
    text: &str,
    width: f64,
    indent: f64,
) -> Vec<Line> {
    let space = fonts.width(face, size, " ");
    let mut lines = Vec::new();
    for hard in text.split('\n') {
        let mut current: Vec<Word> = Vec::new();
        let mut current_width = 0.0;
        let limit = |lines: &Vec<Line>| {
            if lines.is_empty() {
                width - indent
            } else {
                width
            }
        };
        for token in hard.split_whitespace() {
            let w = fonts.width(face, size, token);
            let avail = limit(&lines);
            let needed = if current.is_empty() {
                w
            } else {
                current_width + space + w
            };
            if needed <= avail + 1e-9 {
                current_width = needed;
                current.push(Word {
                    text: token.to_string(),
                    width: w,
                });
                continue;
            }
            if w > width {
                // Too wide for any line: cut it into pieces that fit, the first
                // filling the current line when a fair part of it is left.
                let left = avail - current_width - space;
                if !current.is_empty() && left <= width * 0.25 {
                    lines.push(Line {
                        words: std::mem::take(&mut current),
                        width: current_width,
                        last: false,
                    });
                    current_width = 0.0;
                }
                let first = if current.is_empty() {
                    limit(&lines)
                } else {
                    left
                };
                let pieces = break_token(fonts, face, size, token, first, width);
                let n = pieces.len();
                for (i, piece) in pieces.into_iter().enumerate() {
                    let pw = fonts.width(face, size, &piece);
                    current_width = if current.is_empty() {
                        pw
                    } else {
                        current_width + space + pw
                    };
                    current.push(Word {
                        text: piece,
                        width: pw,
                    });
                    if i + 1 < n {
                        lines.push(Line {
                            words: std::mem::take(&mut current),
                            width: current_width,
                            last: false,
                        });
                        current_width = 0.0;
                    }
                }
                continue;
            }
            if !current.is_empty() {
                lines.push(Line {
                    words: std::mem::take(&mut current),
                    width: current_width,
                    last: false,
                });
            }
            current_width = w;
            current.push(Word {
                text: token.to_string(),
                width: w,
            });
        }
        lines.push(Line {
            words: current,
            width: current_width,
            last: true,
        });
    }
    lines
}

/// Cuts `token` into pieces: the first no wider than `first`, the others no wider
/// than `rest`. Prefers to cut after a punctuation mark; never loses a character.
fn break_token(
    fonts: &Fonts,
    face: Face,
    size: u8,
    token: &str,
    first: f64,
    rest: f64,
) -> Vec<String> {
    let chars: Vec<char> = token.chars().collect();
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let limit = if pieces.is_empty() { first } else { rest };
        // The longest prefix of chars[start..] that fits (at least one char).
        let mut end = start + 1;
        while end < chars.len() {
            let candidate: String = chars[start..=end].iter().collect();
            if fonts.width(face, size, &candidate) > limit {
                break;
            }
            end += 1;
        }
        if end < chars.len() {
            // Prefer a cut right after a separator, if one sits in the last two
            // thirds of the piece.
            let min = start + (end - start) / 3;
            if let Some(cut) = (min.max(start + 1)..end)
                .rev()
                .find(|&i| is_break_after(chars[i - 1]))
            {
                end = cut;
            }
        }
        pieces.push(chars[start..end].iter().collect());
        start = end;
    }
    pieces
}

fn is_break_after(c: char) -> bool {
    matches!(
        c,
        '/' | '\\' | '-' | '_' | '.' | ',' | ';' | ':' | ')' | ']' | '&' | '=' | '+'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::load().unwrap()
    }

    #[test]
    fn wraps_at_spaces_within_width() {
        let f = fonts();
        let text =
            "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD";
        let lines = wrap(&f, Face::Regular, 9, text, 40.0, 0.0);
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(l.width <= 40.0 + 1e-6, "{l:?}");
        }
        let joined: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(joined.join(" "), text);
        assert!(lines.last().unwrap().last);
    }

    #[test]
    fn a_token_wider_than_the_column_is_cut_not_dropped() {
        // genpdf's own wrapper drops such a word without a trace.
        let f = fonts();
        let token = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwx";
        assert_eq!(token.len(), 60);
        let lines = wrap(
            &f,
            Face::Regular,
            9,
            &format!("Kode {token} selesai"),
            25.0,
            0.0,
        );
        for l in &lines {
            assert!(l.width <= 25.0 + 1e-6, "{l:?}");
        }
        let all: String = lines.iter().map(Line::text).collect::<Vec<_>>().join("");
        assert_eq!(all.replace(' ', ""), format!("Kode{token}selesai"));
    }

    #[test]
    fn cuts_prefer_separators() {
        let f = fonts();
        let token = "Bulanan/Triwulanan/Semesteran/Tahunan";
        let pieces = break_token(&f, Face::Regular, 9, token, 30.0, 30.0);
        assert!(pieces.len() > 1);
        assert!(pieces[0].ends_with('/'), "{pieces:?}");
        assert_eq!(pieces.concat(), token);
    }

    #[test]
    fn hard_breaks_and_first_line_indent() {
        let f = fonts();
        let lines = wrap(&f, Face::Regular, 11, "satu\n\ndua", 100.0, 0.0);
        assert_eq!(lines.len(), 3);
        assert!(lines[1].words.is_empty());
        let text = "kata ".repeat(40);
        let indented = wrap(&f, Face::Regular, 11, &text, 100.0, 30.0);
        assert!(indented[0].width <= 70.0 + 1e-6);
        assert!(indented[1].width > 70.0);
    }
}
