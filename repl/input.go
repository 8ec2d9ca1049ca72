package repl

import (
	"go/scanner"
	"go/token"
)

// Continuation is the prompt for the second and later lines of an input.
const Continuation = "... "

// Incomplete reports whether src, the lines typed so far joined by "\n", ends
// inside a construct that more lines could finish, so the REPL should read
// another line (prompting with [Continuation]) before it runs anything.
//
// The rule works on Go's tokens alone, the way go/scanner produces them, and
// leans on Go's own semicolon rule: a line break ends a statement exactly
// when the line's last token is an identifier, a literal, one of break,
// continue, fallthrough or return, ++ or --, or a closing ) ] }. Whatever
// else a line ends with, the statement goes on to the next line. So the
// first of these that applies decides:
//
//   - a bracket closes one of a different kind, or closes none (`x := )`,
//     `}` alone, `f(}`): complete, whatever comes before or after;
//   - the scanner reports an error (an interpreted string or rune left open
//     at the end of a line, an illegal character, a malformed number or
//     escape), other than the one for a raw string or /* comment still open
//     at the end: complete, since no later line can take the error back;
//   - src ends inside a raw string (x := `abc) or a /* comment:
//     incomplete;
//   - a ( [ or { is still open: incomplete;
//   - the last token, comments not counted, is one after which a line break
//     does not end the statement — an operator (`+`, `&&`, `=`, `:=`,
//     `ch <-`, unary `-` or `!`), `,`, `.`, a label's `:`, or a keyword other
//     than the four above (`package`, `func`, `go`, `else`, `struct`, ...):
//     incomplete. `<-ch` ends with an identifier and is complete. An explicit
//     `;` and a `...` (an error outside brackets) are complete;
//   - anything else, including empty, blank and comment-only input, is
//     complete.
//
// Some consequences, all Go's rules rather than the REPL's: `func f()` and
// `if x` with nothing after are complete, since the `{` must be on the same
// line, and so is `if x {` with `}` on the next line, since `else` must
// follow the `}` on its line. A syntax error that the bracket and token
// rules cannot see, such as `x := := 1` inside an open block, is reported
// by the engine once the brackets close. A blank line never changes the answer.
func Incomplete(src string) bool {
	return classify(src) == unfinished
}

// verdict is what classify makes of an input; Incomplete needs only whether
// it is unfinished, the fuzz test also checks that broken is final.
type verdict int

const (
	complete   verdict = iota // well formed as far as tokens can tell
	broken                    // an error that no further line can fix
	unfinished                // more lines could finish it
)

func classify(src string) verdict {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	// Offsets of scanner errors. A raw string or /* comment left open
	// reports one at the literal's first byte, where no other error can
	// be: that byte is a valid ` or /.
	errAt := map[int]bool{}
	var s scanner.Scanner
	s.Init(file, []byte(src), func(pos token.Position, _ string) { errAt[pos.Offset] = true }, scanner.ScanComments)

	var stack []token.Token // open brackets, innermost last
	last := token.EOF       // last token that is not a comment or an inserted ;
	multiline := -1         // offset of the last raw string or comment
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		switch tok {
		case token.COMMENT:
			multiline = file.Offset(pos)
			continue
		case token.SEMICOLON:
			if lit == "\n" { // inserted at a line break or at the end
				continue
			}
		case token.STRING:
			if lit[0] == '`' {
				multiline = file.Offset(pos)
			}
		case token.LPAREN, token.LBRACK, token.LBRACE:
			stack = append(stack, tok)
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if len(stack) == 0 || closer[stack[len(stack)-1]] != tok {
				return broken
			}
			stack = stack[:len(stack)-1]
		}
		last = tok
	}

	// Only the final literal can be open: an open one runs to the end.
	open := errAt[multiline]
	if len(errAt) > 1 || len(errAt) == 1 && !open {
		return broken
	}
	if open || len(stack) > 0 || continues(last) {
		return unfinished
	}
	return complete
}

var closer = map[token.Token]token.Token{
	token.LPAREN: token.RPAREN,
	token.LBRACK: token.RBRACK,
	token.LBRACE: token.RBRACE,
}

// continues reports whether a statement goes on past a line break that
// follows tok: whether the scanner inserts no semicolon there.
func continues(tok token.Token) bool {
	switch tok {
	case token.RPAREN, token.RBRACK, token.RBRACE, token.INC, token.DEC,
		token.BREAK, token.CONTINUE, token.FALLTHROUGH, token.RETURN,
		token.SEMICOLON, token.ELLIPSIS:
		return false
	}
	return tok.IsOperator() || tok.IsKeyword()
}
