package rewrite

import (
	"go/scanner"
	"go/token"
	"strings"
	"unicode/utf8"
)

// unitKind says how yaegi must receive a unit.
type unitKind int

const (
	kindStmts   unitKind = iota // statements, run in yaegi's global scope
	kindDecls                   // top-level declarations
	kindImports                 // import declarations: yaegi wants them in a unit of their own
	kindProgram                 // a whole file starting with `package`
)

// lexeme is one token of the learner's source with its byte span.
type lexeme struct {
	tok        token.Token
	start, end int
}

// scan returns the tokens of src, without comments. Scanning errors are left
// to the parser, which reports them with positions.
func scan(src string) []lexeme {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(token.Position, string) {}, 0)
	var toks []lexeme
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return toks
		}
		start := file.Offset(pos)
		toks = append(toks, lexeme{tok: tok, start: start, end: tokenEnd(src, start, tok, lit)})
	}
}

// tokenEnd returns the offset just past a token that starts at start.
func tokenEnd(src string, start int, tok token.Token, lit string) int {
	return min(len(src), tokenEndUnclamped(src, start, tok, lit))
}

func tokenEndUnclamped(src string, start int, tok token.Token, lit string) int {
	switch {
	case tok == token.ILLEGAL:
		// The literal of an invalid byte is U+FFFD, longer than the byte.
		_, w := utf8.DecodeRuneInString(src[start:])
		return start + max(w, 1)
	case tok == token.SEMICOLON && lit == "\n":
		return start // an automatic semicolon takes no source text
	case tok == token.STRING && strings.HasPrefix(lit, "`"):
		// The scanner drops carriage returns from raw strings: measure the source.
		if i := strings.IndexByte(src[start+1:], '`'); i >= 0 {
			return start + 1 + i + 1
		}
		return len(src)
	case lit != "":
		return start + len(lit)
	default:
		return start + len(tok.String())
	}
}

// IsProgram reports whether src is a whole file: its first token is
// `package`.
func IsProgram(src string) bool {
	toks := scan(src)
	return len(toks) > 0 && toks[0].tok == token.PACKAGE
}

// NoCode reports whether src has nothing but comments and white space.
func NoCode(src string) bool { return len(scan(src)) == 0 }

// split cuts src into units: one program unit when src starts with
// `package`, otherwise runs of top-level items of the same kind. An item ends
// at a semicolon (written or automatic) at bracket depth 0.
func split(src string) []*unit {
	toks := scan(src)
	if len(toks) == 0 {
		return nil
	}
	if toks[0].tok == token.PACKAGE {
		return []*unit{{kind: kindProgram, start: toks[0].start, end: toks[len(toks)-1].end}}
	}
	var units []*unit
	for _, item := range items(toks) {
		kind := classify(item)
		start, end := item[0].start, item[len(item)-1].end
		if n := len(units); n > 0 && units[n-1].kind == kind {
			units[n-1].end = end
			continue
		}
		units = append(units, &unit{kind: kind, start: start, end: end})
	}
	return units
}

// items groups tokens into top-level items, dropping the separating
// semicolons.
func items(toks []lexeme) [][]lexeme {
	var out [][]lexeme
	depth, begin := 0, 0
	flush := func(end int) {
		if end > begin {
			out = append(out, toks[begin:end])
		}
	}
	for i, t := range toks {
		switch t.tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if depth > 0 {
				depth--
			}
		case token.SEMICOLON:
			if depth == 0 {
				flush(i)
				begin = i + 1
			}
		}
	}
	flush(len(toks))
	return out
}

// classify decides whether a top-level item is an import, a declaration or
// a statement. `func (recv) Name(` is a method declaration, while
// `func(...) ... {...}(...)` is a call of a function literal: a statement.
func classify(item []lexeme) unitKind {
	switch item[0].tok {
	case token.IMPORT:
		return kindImports
	case token.CONST, token.TYPE, token.VAR:
		return kindDecls
	case token.FUNC:
		if len(item) > 1 && item[1].tok == token.IDENT {
			return kindDecls
		}
		if len(item) > 1 && item[1].tok == token.LPAREN {
			close := matching(item, 1)
			if close+2 < len(item) && item[close+1].tok == token.IDENT &&
				(item[close+2].tok == token.LPAREN || item[close+2].tok == token.LBRACK) {
				return kindDecls
			}
		}
	}
	return kindStmts
}

// matching returns the index of the bracket closing the one at open, or
// len(item) when it is not closed.
func matching(item []lexeme, open int) int {
	depth := 0
	for i := open; i < len(item); i++ {
		switch item[i].tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(item)
}
