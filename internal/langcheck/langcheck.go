// Package langcheck finds English in text meant for a reader of another
// language: what concur shows a learner who chose Chinese. Tests feed it
// what a session printed; it reports the lines where English words remain.
//
// Some text stays in Latin letters in any language, and a Checker lets it
// through: Go's own texts (panics, fatal errors, compile errors, goroutine
// states), what programs print (stamped output lines, and text in quotes,
// which quotes program output), code and identifiers, file names and
// paths, commands (:run), flags (--lang), environment variables, numbers
// and durations, single letters, words in capitals (GOMAXPROCS, CPU), and
// whatever words and lines the caller allows: the identifiers of the code
// it shows, terms a language keeps in Latin letters (goroutine).
//
// The detector is a test tool, strict on purpose: a word it does not know
// is reported, and a caller that must show one allows it explicitly.
package langcheck

import (
	"fmt"
	"go/scanner"
	"go/token"
	"regexp"
	"strings"
)

// Checker decides which Latin words may appear in text for a reader of
// another language.
type Checker struct {
	words map[string]bool // allowed words, as written and lower-cased
	lines map[string]bool // allowed whole lines, trimmed
}

// Finding is a line with English in it.
type Finding struct {
	Line  int      // from 1
	Text  string   // the line
	Words []string // the English words found
}

func (f Finding) String() string {
	return fmt.Sprintf("line %d: %s (English: %s)", f.Line, f.Text, strings.Join(f.Words, " "))
}

// New returns a Checker that knows Go's keywords, predeclared names and
// standard package names, and the words of Go's own messages.
func New() *Checker {
	c := &Checker{words: map[string]bool{}, lines: map[string]bool{}}
	c.AllowWords(goWords...)
	return c
}

// goWords are names of Go and of concur, and key names, that stay as they
// are in any language.
var goWords = strings.Fields(`
break case chan const continue default defer else fallthrough for func go
goto if import interface map package range return select struct switch type var
bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64
rune string uint uint8 uint16 uint32 uint64 uintptr any comparable true false
iota nil append cap clear close complex copy delete imag len make max min new
panic print println real recover
fmt time sync atomic context errors strings strconv sort slices maps math rand
bits cmp bytes unicode bufio io os runtime log json regexp path tabwriter
container list heap ring net http exec
Go concur main goroutine goroutines yaegi
Ctrl Tab Enter Esc Python Linux macOS Windows`)

// AllowWords lets these words through.
func (c *Checker) AllowWords(words ...string) {
	for _, w := range words {
		for _, part := range latinWord.FindAllString(w, -1) {
			c.words[part] = true
			c.words[strings.ToLower(part)] = true
		}
	}
}

// AllowCode lets through Go source shown to the reader: every line of it
// as a whole, and anywhere its identifiers and the words of its string
// literals (what the program prints, which text about it quotes).
func (c *Checker) AllowCode(src string) {
	c.AllowLines(src)
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(token.Position, string) {}, 0)
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			return
		}
		if tok == token.IDENT || tok == token.STRING || tok == token.CHAR {
			c.AllowWords(lit)
		}
	}
}

// AllowLines lets these lines through when they appear whole.
func (c *Checker) AllowLines(text string) {
	for _, l := range strings.Split(text, "\n") {
		if t := strings.TrimSpace(l); t != "" {
			c.lines[t] = true
		}
	}
}

var (
	ansi       = regexp.MustCompile("\x1b\\[[0-9;]*[A-Za-z]")
	latinWord  = regexp.MustCompile(`[A-Za-z][A-Za-z0-9_']*`)
	stamp      = regexp.MustCompile(`[+]\d+\.\d{3}s\s+(g\d+ \S+|—)\s+│`)
	goText     = regexp.MustCompile(`^(panic: |fatal error: |goroutine \d+ \[|exit status \d+|\S+\(\.\.\.\)$|\S+\.go:\d+(:\d+)?(: |$)|g\d+ \S+: )`)
	quoted     = regexp.MustCompile(`"(\\.|[^"\\])*"|“[^”]*”|‘[^’]*’|「[^」]*」`)
	command    = regexp.MustCompile(`(^|[^\w:])[:][a-z]+(\s+(\[[^\]]*\]|[A-Z][A-Z0-9_]*\b|[\w-]+(\|[\w-]+)+))*|\bconcur [a-z]+`)
	flagArg    = regexp.MustCompile(`(^|[^\w-])--?[a-z][a-z-]*(=\S*)?`)
	pathLike   = regexp.MustCompile(`\S*[/\\]\S*|\S+\.(go|md|json|txt|cast|html|bad)\b`)
	envVar     = regexp.MustCompile(`\$[A-Z_][A-Z0-9_]*`)
	number     = regexp.MustCompile(`\b\d+(\.\d+)? ?(ns|µs|us|ms|s|m|h|KB|MB|GB|KiB|MiB|GiB|x|th|st|nd|rd)?\b`)
	goroutineG = regexp.MustCompile(`^(g\d+|func\d+|G|M|P)$`)
)

// Check returns the lines of text that hold English words it does not let
// through.
func (c *Checker) Check(text string) []Finding {
	var found []Finding
	for i, raw := range strings.Split(text, "\n") {
		line := ansi.ReplaceAllString(raw, "")
		if loc := stamp.FindStringIndex(line); loc != nil {
			// A program's output; beside a lesson's text (side by side),
			// the text is on the left.
			line = strings.TrimRight(strings.TrimSpace(line[:loc[0]]), "│ ")
		}
		t := strings.TrimSpace(line)
		if t == "" || c.lines[t] || goText.MatchString(t) {
			continue
		}
		for _, re := range []*regexp.Regexp{quoted, command, flagArg, pathLike, envVar, number} {
			t = re.ReplaceAllString(t, " ")
		}
		var words []string
		for _, w := range latinWord.FindAllString(t, -1) {
			if !c.allowed(w) {
				words = append(words, w)
			}
		}
		if len(words) > 0 {
			found = append(found, Finding{Line: i + 1, Text: strings.TrimSpace(ansi.ReplaceAllString(raw, "")), Words: words})
		}
	}
	return found
}

func (c *Checker) allowed(w string) bool {
	switch {
	case len(w) == 1, c.words[w], c.words[strings.ToLower(w)], goroutineG.MatchString(w):
		return true
	case strings.ToUpper(w) == w && len(w) > 1: // GOMAXPROCS, CPU, NO_COLOR
		return true
	}
	return false
}
