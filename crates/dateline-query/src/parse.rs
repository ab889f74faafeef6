//! Recursive descent from tokens to a normalised [`Node`].
//!
//! Grammar, loosest first:
//!
//! ```text
//! query   := or_expr End
//! or_expr := and_expr ("OR" and_expr)*
//! and_expr:= unary ("AND"? unary)*
//! unary   := ("NOT" | "-" | "+")* primary
//! primary := Word | Prefix | Phrase | "*" | "(" or_expr ")"
//!          | Field (Word | Prefix | Phrase | "(" or_expr ")")
//! ```
//!
//! Recursion happens only at `(`, and the depth limit is checked before
//! it; chains of `NOT`/`-`/`+` are a loop. Each token is looked at a
//! bounded number of times and normalisation touches each node a bounded
//! number of times per level, so parsing is linear in the input.

use crate::ast::{Leaf, LeafKind, Node};
use crate::error::{Binary, ErrorKind, ParseError, Unary};
use crate::field::Field;
use crate::lex::{Lexer, Token, TokenKind};
use crate::limits::Limits;

/// Parses `input` within `limits`; see the crate documentation.
pub(crate) fn parse(input: &str, limits: &Limits) -> Result<Node, ParseError> {
    // The length limit comes first so that nothing else ever sees a huge
    // input; the offset is where the limit is passed.
    if input.len() > limits.max_bytes {
        let mut at = limits.max_bytes;
        while !input.is_char_boundary(at) {
            at -= 1;
        }
        let kind = ErrorKind::TooLong {
            len: input.len(),
            limit: limits.max_bytes,
        };
        return Err(ParseError::at(input, at, kind));
    }
    let mut parser = Parser {
        input,
        lexer: Lexer::new(input),
        peeked: None,
        limits,
        leaves: 0,
    };
    let top = Context {
        depth: 0,
        field: None,
    };
    match parser.or_expr(top, Before::Nothing)? {
        (node, Stop::End) => Ok(node),
        (_, Stop::Close(at)) => Err(parser.error(at, ErrorKind::UnexpectedCloseParen)),
    }
}

/// Where an expression is being parsed.
#[derive(Debug, Clone, Copy)]
struct Context {
    /// Groups and negations around it.
    depth: usize,
    /// The field of the enclosing field group, if any.
    field: Option<Field>,
}

/// What came right before an operand, to say precisely what is missing
/// when no operand follows.
#[derive(Debug, Clone, Copy)]
enum Before {
    /// The start of the query.
    Nothing,
    /// The `(` at this offset.
    Open(usize),
    /// This operator, at this offset.
    Binary(Binary, usize),
    Unary(Unary, usize),
}

/// Why an `and_expr` stopped.
enum AndStop {
    /// At an `OR` (consumed), at this offset.
    Or(usize),
    /// At a `)` (consumed), at this offset.
    Close(usize),
    End,
}

/// Why an `or_expr` stopped: the only two ways it can.
enum Stop {
    Close(usize),
    End,
}

struct Parser<'a> {
    input: &'a str,
    lexer: Lexer<'a>,
    peeked: Option<Token>,
    limits: &'a Limits,
    leaves: usize,
}

impl Parser<'_> {
    fn error(&self, offset: usize, kind: ErrorKind) -> ParseError {
        ParseError::at(self.input, offset, kind)
    }

    fn peek(&mut self) -> Result<&Token, ParseError> {
        let token = match self.peeked.take() {
            Some(token) => token,
            None => self.lexer.next_token()?,
        };
        Ok(self.peeked.insert(token))
    }

    fn bump(&mut self) -> Result<Token, ParseError> {
        match self.peeked.take() {
            Some(token) => Ok(token),
            None => self.lexer.next_token(),
        }
    }

    fn or_expr(&mut self, cx: Context, before: Before) -> Result<(Node, Stop), ParseError> {
        let mut alternatives = Vec::new();
        let mut before = before;
        loop {
            let (node, stop) = self.and_expr(cx, before)?;
            alternatives.push(node);
            let stop = match stop {
                AndStop::Or(at) => {
                    before = Before::Binary(Binary::Or, at);
                    continue;
                }
                AndStop::Close(at) => Stop::Close(at),
                AndStop::End => Stop::End,
            };
            return Ok((Node::or(alternatives), stop));
        }
    }

    fn and_expr(&mut self, cx: Context, before: Before) -> Result<(Node, AndStop), ParseError> {
        let mut parts = vec![self.unary(cx, before)?];
        loop {
            let token = self.peek()?;
            let at = token.offset;
            let stop = match token.kind {
                TokenKind::Or => AndStop::Or(at),
                TokenKind::RParen => AndStop::Close(at),
                TokenKind::End => {
                    return Ok((Node::and(parts), AndStop::End));
                }
                TokenKind::And => {
                    self.bump()?;
                    parts.push(self.unary(cx, Before::Binary(Binary::And, at))?);
                    continue;
                }
                // Anything else starts an operand: implicit AND.
                _ => {
                    parts.push(self.unary(cx, Before::Nothing)?);
                    continue;
                }
            };
            self.bump()?;
            return Ok((Node::and(parts), stop));
        }
    }

    fn unary(&mut self, cx: Context, before: Before) -> Result<Node, ParseError> {
        let mut cx = cx;
        let mut before = before;
        let mut negations = 0;
        loop {
            let token = self.bump()?;
            let at = token.offset;
            let op = match token.kind {
                TokenKind::Not => Unary::Not,
                TokenKind::Minus => Unary::Minus,
                TokenKind::Plus => {
                    before = Before::Unary(Unary::Plus, at);
                    continue;
                }
                _ => {
                    let node = self.primary(cx, before, token)?;
                    return Ok((0..negations).fold(node, |n, _| Node::negate(n)));
                }
            };
            cx.depth = self.deeper(cx.depth, at)?;
            negations += 1;
            before = Before::Unary(op, at);
        }
    }

    /// One level deeper than `depth`, for the group or negation at `at`.
    fn deeper(&self, depth: usize, at: usize) -> Result<usize, ParseError> {
        let limit = self.limits.depth();
        if depth >= limit {
            return Err(self.error(at, ErrorKind::TooDeep { limit }));
        }
        Ok(depth + 1)
    }

    /// The operand starting with `token` (any sign already consumed).
    fn primary(&mut self, cx: Context, before: Before, token: Token) -> Result<Node, ParseError> {
        let at = token.offset;
        match token.kind {
            TokenKind::Word(text) => self.leaf(LeafKind::Term, cx.field, text, at),
            TokenKind::Prefix(text) => self.leaf(LeafKind::Prefix, cx.field, text, at),
            TokenKind::Phrase(text) => self.leaf(LeafKind::Phrase, cx.field, text, at),
            TokenKind::Star => match cx.field {
                Some(field) => Err(self.error(at, ErrorKind::FieldedStar { field })),
                None => Ok(Node::All),
            },
            TokenKind::LParen => self.group(cx, at),
            TokenKind::Field(field) => {
                if let Some(group) = cx.field {
                    return Err(self.error(at, ErrorKind::FieldInFieldGroup { field, group }));
                }
                let cx = Context {
                    field: Some(field),
                    ..cx
                };
                let value = self.bump()?;
                let value_at = value.offset;
                match value.kind {
                    TokenKind::Word(text) => self.leaf(LeafKind::Term, cx.field, text, value_at),
                    TokenKind::Prefix(text) => {
                        self.leaf(LeafKind::Prefix, cx.field, text, value_at)
                    }
                    TokenKind::Phrase(text) => {
                        self.leaf(LeafKind::Phrase, cx.field, text, value_at)
                    }
                    TokenKind::LParen => self.group(cx, value_at),
                    // The lexer only emits a field with a value after it.
                    _ => Err(self.error(at, ErrorKind::FieldWithoutValue { field })),
                }
            }
            // No operand here: say what it was missing from.
            kind => self.missing(before, &kind, at),
        }
    }

    /// The error for an operand missing before `kind` at `at`, which came
    /// after `before`. The empty query ends up here too, and is `All`.
    fn missing(&self, before: Before, kind: &TokenKind, at: usize) -> Result<Node, ParseError> {
        let (offset, kind) = match (before, kind) {
            (Before::Unary(op, op_at), _) => (op_at, ErrorKind::NothingAfter { op }),
            (Before::Binary(op, op_at), _) => (op_at, ErrorKind::MissingOperand { op }),
            (_, TokenKind::And) => (at, ErrorKind::MissingOperand { op: Binary::And }),
            (_, TokenKind::Or) => (at, ErrorKind::MissingOperand { op: Binary::Or }),
            (Before::Open(open), TokenKind::RParen) => (open, ErrorKind::EmptyGroup),
            (Before::Open(open), _) => (open, ErrorKind::UnclosedParen),
            (Before::Nothing, TokenKind::RParen) => (at, ErrorKind::UnexpectedCloseParen),
            (Before::Nothing, _) => return Ok(Node::All),
        };
        Err(self.error(offset, kind))
    }

    /// A parenthesised group whose `(` is at `open`.
    fn group(&mut self, cx: Context, open: usize) -> Result<Node, ParseError> {
        let cx = Context {
            depth: self.deeper(cx.depth, open)?,
            ..cx
        };
        match self.or_expr(cx, Before::Open(open))? {
            (node, Stop::Close(_)) => Ok(node),
            (_, Stop::End) => Err(self.error(open, ErrorKind::UnclosedParen)),
        }
    }

    fn leaf(
        &mut self,
        kind: LeafKind,
        field: Option<Field>,
        text: String,
        at: usize,
    ) -> Result<Node, ParseError> {
        if kind == LeafKind::Prefix {
            let min = self.limits.prefix_chars();
            if text.chars().count() < min {
                let kind = ErrorKind::PrefixTooShort { prefix: text, min };
                return Err(self.error(at, kind));
            }
        }
        self.leaves += 1;
        if self.leaves > self.limits.max_leaves {
            let limit = self.limits.max_leaves;
            return Err(self.error(at, ErrorKind::TooManyLeaves { limit }));
        }
        let leaf = Leaf { field, text };
        Ok(match kind {
            LeafKind::Term => Node::Term(leaf),
            LeafKind::Phrase => Node::Phrase(leaf),
            LeafKind::Prefix => Node::Prefix(leaf),
        })
    }
}
