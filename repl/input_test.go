package repl

import (
	"go/parser"
	"go/scanner"
	"go/token"
	"testing"
)

// inputs are lines as a learner types them; more is whether the REPL must
// read another line.
var inputs = []struct {
	name string
	src  string
	more bool
}{
	// Nothing to run.
	{"empty", "", false},
	{"blank", "  \t\n\n", false},
	{"line comment", "// just a note", false},
	{"closed block comment", "/* a\nb */", false},

	// Simple statements and expressions.
	{"short var", "x := 1", false},
	{"call", `fmt.Println("hi")`, false},
	{"receive", "v := <-ch", false},
	{"receive alone", "<-ch", false},
	{"send", "ch <- 1", false},
	{"increment", "i++", false},
	{"return", "return", false},
	{"explicit semicolon", "x := 1;", false},

	// Trailing tokens that carry the statement to the next line.
	{"trailing plus", "x := 1 +", true},
	{"trailing and", "ok := a &&", true},
	{"trailing or then comment", "ok := a || // b next", true},
	{"trailing comma", "a, b :=\n1,", true},
	{"trailing dot", "fmt.", true},
	{"trailing assign", "x =", true},
	{"trailing define", "x :=", true},
	{"trailing send", "ch <-", true},
	{"trailing unary", "x := -", true},
	{"label", "outer:", true},
	{"labelled loop", "outer:\nfor {\nbreak outer\n}", false},
	{"keyword go", "go", true},
	{"keyword package", "package", true},
	{"keyword struct", "type T struct", true},
	{"else on next line wanted", "if x {\n} else", true},

	// Open brackets.
	{"func open", "func f() {", true},
	{"func closed", "func f() {\n\treturn\n}", false},
	{"go func open", "go func() {", true},
	{"go func body", "go func() {\n\tch <- 1", true},
	{"go func closed", "go func() {\n\tch <- 1\n}()", false},
	{"go func not called", "go func() {\n}\n", false},
	{"for open", "for i := 0; i < 3; i++ {", true},
	{"select open", "select {\ncase v := <-ch:", true},
	{"select closed", "select {\ncase v := <-ch:\n\tfmt.Println(v)\ndefault:\n}", false},
	{"switch open", "switch x {\ncase 1:\n\tfallthrough", true},
	{"struct open", "type T struct {\n\tA int\n\tB string", true},
	{"struct closed", "type T struct {\n\tA int\n\tB string\n}", false},
	{"composite literal open", "xs := []int{\n\t1,\n\t2,", true},
	{"composite literal closed", "xs := []int{\n\t1,\n\t2,\n}", false},
	{"call open", "fmt.Println(\n\tx", true},
	{"index open", "a[1:", true},
	{"import group open", "import (\n\t\"fmt\"", true},
	{"package with open main", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(1)", true},
	{"whole program", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(1)\n}\n", false},
	{"if without else", "if x {\n}", false},

	// Go puts the opening brace on the same line: nothing later can add it.
	{"func without body", "func f()", false},
	{"if without brace", "if x", false},

	// Brackets that are not brackets.
	{"brace in string", `s := "{"`, false},
	{"brace in rune", "r := '{'", false},
	{"brace in line comment", "x := 1 // {", false},
	{"brace in block comment", "x := 1 /* { */", false},
	{"brace in raw string", "s := `{(`", false},
	{"close in string inside open", "f(\"}\"", true},

	// Raw strings and comments left open.
	{"raw string open", "s := `first", true},
	{"raw string open lines", "s := `first\nsecond\n", true},
	{"raw string closed", "s := `first\nsecond`", false},
	{"block comment open", "x := 1 /* more", true},
	{"block comment open lines", "/*\n * note\n", true},
	{"block comment just opened", "/*/", true},

	// Errors no line can fix: the engine reports them.
	{"close with nothing open", "x := )", false},
	{"extra closing brace", "func f() {\n}}", false},
	{"mismatched close", "f(}", false},
	{"mismatch then open", "f(] {", false},
	{"interpreted string open", `s := "abc`, false},
	{"rune open", "r := 'a", false},
	{"illegal character", "x := 1 # {", false},
	{"error before open raw string", "x := 'ab' + `more", false},
	{"error before open bracket", "x := 0x + f(", false},
	{"ellipsis outside brackets", "x...", false},

	// Text beyond ASCII.
	{"CJK string", `s := "你好，世界"`, false},
	{"CJK raw string open", "s := `你好\n世界", true},
	{"CJK identifier open", "世界 := map[string]int{\n\"一\": 1,", true},
	{"CJK in comment", "x := 1 // 你好 {", false},
}

func TestIncomplete(t *testing.T) {
	for _, tt := range inputs {
		if got := Incomplete(tt.src); got != tt.more {
			t.Errorf("%s: Incomplete(%q) = %v, want %v", tt.name, tt.src, got, tt.more)
		}
		// A blank line is not a way to finish an input.
		if got := Incomplete(tt.src + "\n"); got != tt.more {
			t.Errorf("%s: Incomplete(%q) = %v, want %v", tt.name, tt.src+"\n", got, tt.more)
		}
	}
}

// FuzzIncomplete checks, for any input s and any further text t:
//   - a blank line changes nothing: classify(s+"\n") == classify(s);
//   - a broken input stays broken whatever lines follow, so calling it
//     complete never cuts off an input that could still have been fixed;
//   - go/parser agrees: if s parses as a file, or as statements in a function
//     body, it is not incomplete — unless it ends with a label's colon,
//     which the parser takes as labelling an empty statement and the REPL
//     as waiting for the labelled one.
func FuzzIncomplete(f *testing.F) {
	for _, tt := range inputs {
		f.Add(tt.src, "}")
		f.Add(tt.src, "`")
	}
	f.Fuzz(func(t *testing.T, s, more string) {
		v := classify(s)
		if w := classify(s + "\n"); w != v {
			t.Fatalf("classify(%q) = %v, but with a blank line added %v", s, v, w)
		}
		if v == broken {
			if w := classify(s + "\n" + more); w != broken {
				t.Fatalf("classify(%q) = broken, but classify(%q) = %v", s, s+"\n"+more, w)
			}
		}
		if v == unfinished && parses(s) && lastToken(s) != token.COLON {
			t.Fatalf("Incomplete(%q) = true, but it parses", s)
		}
	})
}

// parses reports whether src, on its own, is a Go file, or declarations or
// statements that go/parser accepts.
func parses(src string) bool {
	for _, file := range []string{
		src,
		"package p\n" + src,
		"package p; func _() {\n" + src + "\n}",
	} {
		if _, err := parser.ParseFile(token.NewFileSet(), "", file, parser.SkipObjectResolution); err == nil {
			return true
		}
	}
	return false
}

// lastToken returns src's last token that is not a comment or an inserted
// semicolon.
func lastToken(src string) token.Token {
	fset := token.NewFileSet()
	var s scanner.Scanner
	s.Init(fset.AddFile("", -1, len(src)), []byte(src), nil, 0)
	last := token.EOF
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			return last
		}
		if tok != token.SEMICOLON || lit != "\n" {
			last = tok
		}
	}
}

func (v verdict) String() string {
	switch v {
	case complete:
		return "complete"
	case broken:
		return "broken"
	case unfinished:
		return "unfinished"
	}
	return "verdict(?)"
}
