package lessons

import (
	"fmt"
	"go/scanner"
	gotoken "go/token"
)

// codeDiff is where a translation's code differs from the English code.
type codeDiff struct {
	line int // in the translated block, from 1
	msg  string
}

// sameCode reports whether tr is the English code en with only its
// comments changed: the same tokens, each on the same line, so that the
// translation shows exactly what runs and every position in a run's output
// (a panic's line, a compile error's) points at the same place in both.
func sameCode(en, tr string) *codeDiff {
	a, b := codeTokens(en), codeTokens(tr)
	for i := 0; i < len(a) || i < len(b); i++ {
		switch {
		case i >= len(a):
			return &codeDiff{b[i].line, fmt.Sprintf("line %d has %q, which the English code does not; only comments may differ", b[i].line, b[i].text)}
		case i >= len(b):
			return &codeDiff{a[i].line, fmt.Sprintf("the English code goes on with %q at line %d; only comments may differ", a[i].text, a[i].line)}
		case a[i].text != b[i].text:
			return &codeDiff{b[i].line, fmt.Sprintf("line %d has %q where the English code has %q; only comments may differ", b[i].line, b[i].text, a[i].text)}
		case a[i].line != b[i].line:
			return &codeDiff{b[i].line, fmt.Sprintf("%q is at line %d here and at line %d in English: keep every line where it is, so that positions agree", b[i].text, b[i].line, a[i].line)}
		}
	}
	return nil
}

type codeToken struct {
	text string
	line int
}

// codeTokens lexes Go source, comments left out. Errors do not stop it:
// the code has run (it is an example), and a translation is compared token
// by token however it lexes.
func codeTokens(src string) []codeToken {
	fset := gotoken.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(gotoken.Position, string) {}, 0)
	var toks []codeToken
	for {
		pos, tok, lit := s.Scan()
		if tok == gotoken.EOF {
			return toks
		}
		if tok == gotoken.SEMICOLON && lit == "\n" {
			continue // an inserted semicolon: the line structure is compared by lines
		}
		text := tok.String()
		if lit != "" {
			text = lit
		}
		toks = append(toks, codeToken{text, fset.Position(pos).Line})
	}
}

// SameCode reports whether two pieces of Go source are the same code, their
// comments and layout aside.
func SameCode(a, b string) bool {
	x, y := codeTokens(a), codeTokens(b)
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i].text != y[i].text {
			return false
		}
	}
	return true
}
