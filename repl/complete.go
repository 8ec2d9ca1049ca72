package repl

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/concur-dev/concur/rewrite"
	"github.com/concur-dev/concur/stdlib"
)

// Completer completes the word before the cursor on Tab: meta-commands at the
// start of a line, package members after "pkg.", and otherwise Go keywords,
// builtins, package names and the session's own identifiers. It implements
// readline.AutoCompleter.
type Completer struct {
	mu  sync.Mutex
	env *rewrite.Env
}

// attach points the completer at a session's declarations.
func (c *Completer) attach(env *rewrite.Env) {
	c.mu.Lock()
	c.env = env
	c.mu.Unlock()
}

var keywords = []string{
	"break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
	"for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
	"return", "select", "struct", "switch", "type", "var",
}

var builtins = []string{
	"append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make",
	"max", "min", "new", "panic", "print", "println", "real", "recover",
	"bool", "byte", "error", "float64", "int", "int64", "rune", "string", "uint", "any",
	"true", "false", "nil", "iota",
}

// Do implements readline.AutoCompleter: it returns the endings of the
// candidates for the word that ends at pos, and that word's length.
func (c *Completer) Do(line []rune, pos int) ([][]rune, int) {
	start := pos
	for start > 0 && (isIdentRune(line[start-1]) || line[start-1] == '.' || line[start-1] == ':') {
		start--
	}
	word := string(line[start:pos])
	var candidates []string
	switch {
	case strings.HasPrefix(word, ":") && strings.TrimSpace(string(line[:start])) == "":
		for _, m := range metaCommands {
			candidates = append(candidates, m.name+" ")
		}
	case strings.Contains(word, "."):
		pkg, _, _ := strings.Cut(word, ".")
		if path := c.packagePath(pkg); path != "" {
			for _, m := range stdlib.Members(path) {
				candidates = append(candidates, pkg+"."+m)
			}
		}
	default:
		candidates = append(candidates, keywords...)
		candidates = append(candidates, builtins...)
		candidates = append(candidates, c.names()...)
	}
	slices.Sort(candidates)
	candidates = slices.Compact(candidates)
	var out [][]rune
	for _, cand := range candidates {
		if strings.HasPrefix(cand, word) && cand != word {
			out = append(out, []rune(cand[len(word):]))
		}
	}
	return out, len([]rune(word))
}

// packagePath is the import path behind a package name the session knows.
func (c *Completer) packagePath(name string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.env == nil {
		return ""
	}
	if p, ok := c.env.Imports[name]; ok {
		return p
	}
	return c.env.Std[name]
}

// names are the package names and the learner's own top-level names.
func (c *Completer) names() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.env == nil {
		return nil
	}
	var out []string
	for name := range c.env.Std {
		out = append(out, name)
	}
	for name := range c.env.Funcs {
		if !strings.HasPrefix(name, "__concur") {
			out = append(out, name)
		}
	}
	return out
}

func isIdentRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }
