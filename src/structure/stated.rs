//! Stated arithmetic: the equations an office writes into a table's numbering row
//! (`13 = 9 + 10 + 11 + 12`, `15 = 14 / 6 x 100`, `(4)=(3)/(2)x100%`), read as
//! equations between numbered columns. Any table with such a row has them.

use crate::cell::CellRef;
use crate::read::Cell;
use rust_decimal::Decimal;

/// An expression over numbered columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// The column numbered so.
    Column(u32),
    Constant(Decimal),
    Add(Box<Expr>, Box<Expr>),
    Sub(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    Div(Box<Expr>, Box<Expr>),
}

impl Expr {
    /// The column numbers it names, in order.
    pub fn columns(&self) -> Vec<u32> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect(&self, out: &mut Vec<u32>) {
        match self {
            Expr::Column(n) => out.push(*n),
            Expr::Constant(_) => {}
            Expr::Add(a, b) | Expr::Sub(a, b) | Expr::Mul(a, b) | Expr::Div(a, b) => {
                a.collect(out);
                b.collect(out);
            }
        }
    }

    /// Whether it only adds columns up (and so holds for sums of rows as well).
    pub fn is_sum(&self) -> bool {
        match self {
            Expr::Column(_) => true,
            Expr::Add(a, b) => a.is_sum() && b.is_sum(),
            _ => false,
        }
    }

    /// Its value with each column's value from `value`; `None` when a column has
    /// none or a divisor is zero.
    pub fn eval(&self, value: &dyn Fn(u32) -> Option<Decimal>) -> Option<Decimal> {
        Some(match self {
            Expr::Column(n) => value(*n)?,
            Expr::Constant(c) => *c,
            Expr::Add(a, b) => a.eval(value)?.checked_add(b.eval(value)?)?,
            Expr::Sub(a, b) => a.eval(value)?.checked_sub(b.eval(value)?)?,
            Expr::Mul(a, b) => a.eval(value)?.checked_mul(b.eval(value)?)?,
            Expr::Div(a, b) => {
                let d = b.eval(value)?;
                if d.is_zero() {
                    return None;
                }
                a.eval(value)?.checked_div(d)?
            }
        })
    }

    /// The expression as an Excel formula, each column's cell from `cell`.
    pub fn formula(&self, cell: &dyn Fn(u32) -> Option<CellRef>) -> Option<String> {
        Some(match self {
            Expr::Column(n) => cell(*n)?.to_string(),
            Expr::Constant(c) => c.normalize().to_string(),
            Expr::Add(a, b) => format!("{}+{}", a.formula(cell)?, b.formula(cell)?),
            Expr::Sub(a, b) => format!("{}-{}", a.formula(cell)?, operand(b, cell)?),
            Expr::Mul(a, b) => format!("{}*{}", operand(a, cell)?, operand(b, cell)?),
            Expr::Div(a, b) => format!("{}/{}", operand(a, cell)?, operand(b, cell)?),
        })
    }
}

/// A sub-expression inside a product or a quotient, bracketed when it is a sum.
fn operand(e: &Expr, cell: &dyn Fn(u32) -> Option<CellRef>) -> Option<String> {
    let f = e.formula(cell)?;
    Some(match e {
        Expr::Add(..) | Expr::Sub(..) => format!("({f})"),
        _ => f,
    })
}

/// One equation of a numbering row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Equation {
    /// The column the equation gives.
    pub target: u32,
    pub expr: Expr,
    /// As the office wrote it (`13 = 9 + 10 + 11 + 12`).
    pub written: String,
    /// The numbering cell it is written in.
    pub cell: CellRef,
}

/// A numbering row read: each number's sheet column, and the equations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Numbering {
    /// (column number, sheet column of its cell), left to right.
    pub numbers: Vec<(u32, u32)>,
    pub equations: Vec<Equation>,
}

impl Numbering {
    /// Reads the numbering row's cells.
    pub fn read(cells: &[Cell]) -> Numbering {
        let mut out = Numbering::default();
        for c in cells {
            let written = c.written();
            let Some((number, expr)) = parse(&written) else {
                continue;
            };
            out.numbers.push((number, c.at.col));
            if let Some(expr) = expr {
                out.equations.push(Equation {
                    target: number,
                    expr,
                    written: written.trim().to_string(),
                    cell: c.at,
                });
            }
        }
        out
    }

    /// The sheet columns of the group numbered `number`: from its cell to the next
    /// numbered cell (a number over `K | Rp` spans both), within `last`.
    pub fn span(&self, number: u32, last: u32) -> Option<std::ops::RangeInclusive<u32>> {
        let i = self.numbers.iter().position(|(n, _)| *n == number)?;
        let start = self.numbers[i].1;
        let end = self
            .numbers
            .get(i + 1)
            .map_or(last, |(_, c)| c.saturating_sub(1));
        Some(start..=end.max(start))
    }

    /// The number of the group sheet column `col` belongs to.
    pub fn group_of(&self, col: u32) -> Option<u32> {
        self.numbers
            .iter()
            .rev()
            .find(|(_, c)| *c <= col)
            .map(|(n, _)| *n)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Token {
    Number(u32),
    Plus,
    Minus,
    Times,
    Over,
    Open,
    Close,
    Percent,
}

fn tokens(text: &str) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '0'..='9' => {
                let mut n = c.to_digit(10)?;
                while let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    n = n.checked_mul(10)?.checked_add(d)?;
                    chars.next();
                }
                out.push(Token::Number(n));
            }
            '+' => out.push(Token::Plus),
            '-' | '–' | '−' => out.push(Token::Minus),
            'x' | 'X' | '×' | '*' => out.push(Token::Times),
            '/' | ':' | '÷' => out.push(Token::Over),
            '(' | '[' => out.push(Token::Open),
            ')' | ']' => out.push(Token::Close),
            '%' => out.push(Token::Percent),
            c if c.is_whitespace() => {}
            _ => return None,
        }
    }
    Some(out)
}

/// Reads one numbering cell: its number, and the expression after `=` if any.
/// `None` for text that is no numbering.
pub fn parse(text: &str) -> Option<(u32, Option<Expr>)> {
    let (number, rest) = match text.split_once('=') {
        Some((n, r)) => (n, Some(r)),
        None => (text, None),
    };
    let number = match tokens(number)?.as_slice() {
        [Token::Number(n)] | [Token::Open, Token::Number(n), Token::Close] => *n,
        _ => return None,
    };
    let Some(rest) = rest else {
        return Some((number, None));
    };
    let toks = tokens(rest)?;
    let mut p = Parser { toks: &toks, at: 0 };
    let expr = p.sum()?;
    (p.at == toks.len()).then_some((number, Some(expr)))
}

struct Parser<'a> {
    toks: &'a [Token],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<Token> {
        self.toks.get(self.at).copied()
    }

    fn sum(&mut self) -> Option<Expr> {
        let mut e = self.product()?;
        while let Some(t @ (Token::Plus | Token::Minus)) = self.peek() {
            self.at += 1;
            let r = Box::new(self.product()?);
            e = if t == Token::Plus {
                Expr::Add(Box::new(e), r)
            } else {
                Expr::Sub(Box::new(e), r)
            };
        }
        Some(e)
    }

    fn product(&mut self) -> Option<Expr> {
        let mut e = self.factor(false)?;
        while let Some(t @ (Token::Times | Token::Over)) = self.peek() {
            self.at += 1;
            let r = Box::new(self.factor(t == Token::Times)?);
            e = if t == Token::Times {
                Expr::Mul(Box::new(e), r)
            } else {
                Expr::Div(Box::new(e), r)
            };
        }
        Some(e)
    }

    /// A column number, or `100` after `x` (with or without `%`): the scale of a
    /// percentage, as `x 100` and `x 100%` both mean in a numbering row.
    fn factor(&mut self, after_times: bool) -> Option<Expr> {
        match self.peek()? {
            Token::Number(n) => {
                self.at += 1;
                let percent = self.peek() == Some(Token::Percent);
                if percent {
                    self.at += 1;
                }
                Some(if after_times && n == 100 {
                    Expr::Constant(Decimal::ONE_HUNDRED)
                } else if percent {
                    return None;
                } else {
                    Expr::Column(n)
                })
            }
            Token::Open => {
                self.at += 1;
                let e = self.sum()?;
                (self.peek()? == Token::Close).then_some(())?;
                self.at += 1;
                Some(e)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(n: u32) -> Box<Expr> {
        Box::new(Expr::Column(n))
    }

    #[test]
    fn numbering_cells_state_their_arithmetic() {
        assert_eq!(parse("6"), Some((6, None)));
        assert_eq!(parse("(2)"), Some((2, None)));
        let (n, e) = parse("13 = 9 + 10 + 11 + 12").unwrap();
        assert_eq!(n, 13);
        let e = e.unwrap();
        assert!(e.is_sum());
        assert_eq!(e.columns(), vec![9, 10, 11, 12]);
        assert_eq!(
            parse("14 = 7 + 13"),
            Some((14, Some(Expr::Add(col(7), col(13)))))
        );
        let hundred = Box::new(Expr::Constant(Decimal::ONE_HUNDRED));
        let ratio = |a, b| Expr::Mul(Box::new(Expr::Div(col(a), col(b))), hundred.clone());
        assert_eq!(parse("15 = 14 / 6 x 100"), Some((15, Some(ratio(14, 6)))));
        assert_eq!(
            parse("(4) = (3) / (2) x 100%"),
            Some((4, Some(ratio(3, 2))))
        );
        assert_eq!(parse("5=4/3x100%"), Some((5, Some(ratio(4, 3)))));
        assert_eq!(parse("(4)=(3)/(2)x100"), Some((4, Some(ratio(3, 2)))));
        assert_eq!(parse("Satuan"), None);
        assert_eq!(parse("13 = 9 +"), None);
    }

    #[test]
    fn an_equation_evaluates_and_writes_itself_as_a_formula() {
        let (_, e) = parse("15 = 14 / 6 x 100").unwrap();
        let e = e.unwrap();
        let value = |n: u32| Some(Decimal::from(if n == 14 { 35 } else { 40 }));
        assert_eq!(e.eval(&value), Some(Decimal::new(875, 1)));
        let zero = |_: u32| Some(Decimal::ZERO);
        assert_eq!(e.eval(&zero), None);
        let cell = |n: u32| Some(CellRef::new(11, n));
        assert_eq!(e.formula(&cell).unwrap(), "O12/G12*100");
        let (_, e) = parse("5 = (3 + 4) / 2").unwrap();
        assert_eq!(e.unwrap().formula(&cell).unwrap(), "(D12+E12)/C12");
    }

    #[test]
    fn a_number_spans_its_sub_columns() {
        let n = Numbering {
            numbers: vec![(6, 4), (7, 6), (8, 8)],
            equations: vec![],
        };
        assert_eq!(n.span(6, 9), Some(4..=5));
        assert_eq!(n.span(8, 9), Some(8..=9));
        assert_eq!(n.group_of(5), Some(6));
        assert_eq!(n.group_of(3), None);
    }
}
