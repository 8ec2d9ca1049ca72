package lessons

import (
	"fmt"
	"slices"
	"strings"

	"github.com/concur-dev/concur/internal/lazyregexp"
)

// Term is an entry of the glossary: one idea, the one word each language
// uses for it, and what it means. Lessons use these words and no others
// for the idea (a test checks the words each entry says to avoid).
type Term struct {
	ID     string          // "tie"
	Name   map[Lang]string // "tie", "同一时刻（并列）"
	Def    map[Lang]string // what it means, a sentence or three
	Lesson string          // the id of the lesson that introduces it; "" if none does
	// Avoid lists, per language, words that must not stand for this idea
	// in the lessons' prose: "平局" for a tie.
	Avoid map[Lang][]string

	line int
}

// Glossary returns the glossary (glossary.md beside the lessons), in the
// order it is written.
func Glossary() ([]Term, error) {
	data, err := content.ReadFile("glossary.md")
	if err != nil {
		return nil, err
	}
	return ParseGlossary("lessons/glossary.md", data)
}

var termID = lazyregexp.New(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// ParseGlossary reads a glossary file: text before the first entry is a
// comment for whoever edits it; each entry starts with a line "## ID" and
// holds lines "KEY: VALUE", a value going on over the indented lines after
// it. Keys: "en" and "zh" (the term), "en.def" and "zh.def" (its
// meaning), "lesson" (the id of the lesson that introduces it),
// "en.avoid" and "zh.avoid" (words not to use for it, separated by
// commas). Errors name the file and line.
func ParseGlossary(name string, data []byte) ([]Term, error) {
	var terms []Term
	var t *Term
	var key string // the key whose value the next indented line continues
	seen := map[string]int{}
	errorf := func(n int, format string, args ...any) error {
		return &Error{File: name, Line: n, Msg: fmt.Sprintf(format, args...)}
	}
	finish := func() error {
		if t == nil {
			return nil
		}
		for _, lang := range Langs {
			if t.Name[lang] == "" || t.Def[lang] == "" {
				return errorf(t.line, "entry %q needs lines %q and %q", t.ID, string(lang)+":", string(lang)+".def:")
			}
		}
		terms = append(terms, *t)
		return nil
	}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	for i, line := range lines {
		n := i + 1
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "## "):
			if err := finish(); err != nil {
				return nil, err
			}
			id := strings.TrimSpace(line[3:])
			if !termID.MatchString(id) {
				return nil, errorf(n, "entry id %q: use lower-case letters, digits and dashes", id)
			}
			if at, ok := seen[id]; ok {
				return nil, errorf(n, "entry %q is written twice (first at line %d)", id, at)
			}
			seen[id] = n
			t = &Term{ID: id, Name: map[Lang]string{}, Def: map[Lang]string{}, Avoid: map[Lang][]string{}, line: n}
			key = ""
		case t == nil || trimmed == "":
			key = ""
		case (strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")) && key != "":
			t.Def[Lang(strings.TrimSuffix(key, ".def"))] += joiner(t.Def[Lang(strings.TrimSuffix(key, ".def"))], trimmed) + trimmed
		default:
			k, v, ok := strings.Cut(line, ":")
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			if !ok || v == "" {
				return nil, errorf(n, "entry lines are \"KEY: VALUE\" (en, zh, en.def, zh.def, lesson, en.avoid, zh.avoid); got %q", trimmed)
			}
			lang, field, _ := strings.Cut(k, ".")
			if k != "lesson" && !slices.Contains(Langs, Lang(lang)) {
				return nil, errorf(n, "unknown key %q", k)
			}
			key = ""
			switch {
			case k == "lesson":
				if !blockName.MatchString(v) {
					return nil, errorf(n, "lesson %q: name a lesson by its id", v)
				}
				t.Lesson = v
			case field == "":
				t.Name[Lang(lang)] = v
			case field == "def":
				t.Def[Lang(lang)] = v
				key = k
			case field == "avoid":
				for _, w := range strings.Split(v, ",") {
					if w = strings.TrimSpace(w); w != "" {
						t.Avoid[Lang(lang)] = append(t.Avoid[Lang(lang)], w)
					}
				}
			default:
				return nil, errorf(n, "unknown key %q", k)
			}
		}
	}
	if err := finish(); err != nil {
		return nil, err
	}
	if len(terms) == 0 {
		return nil, errorf(1, "no entries: start one with a line \"## ID\"")
	}
	return terms, nil
}

// joiner is what goes between a definition so far and its next line: a
// space, except between two Chinese lines.
func joiner(so, next string) string {
	if so == "" {
		return ""
	}
	r := []rune(so)
	if wide(r[len(r)-1]) && wide([]rune(next)[0]) {
		return ""
	}
	return " "
}

// wide reports whether r is a character of an East Asian script (or its
// punctuation), which takes no space beside another such character.
func wide(r rune) bool {
	return 0x2e80 <= r && r <= 0xa4cf || 0xf900 <= r && r <= 0xfaff || 0xfe30 <= r && r <= 0xfe4f || 0xff00 <= r && r <= 0xff60 || 0x3000 <= r && r <= 0x303f
}

// Lookup finds the terms a learner asks for: an id, or a term in any
// language, case aside; failing that, the terms any of whose names start
// with what was asked, or, for Chinese, contain it (并列 finds
// 同一时刻（并列）).
func Lookup(terms []Term, q string) []Term {
	q = strings.ToLower(strings.TrimSpace(q))
	if q == "" {
		return nil
	}
	var exact, prefix []Term
	for _, t := range terms {
		names := []string{t.ID}
		for _, lang := range Langs {
			names = append(names, strings.ToLower(t.Name[lang]))
		}
		switch {
		case slices.Contains(names, q):
			exact = append(exact, t)
		case slices.ContainsFunc(names, func(n string) bool {
			return strings.HasPrefix(n, q) || wide([]rune(q)[0]) && strings.Contains(n, q)
		}):
			prefix = append(prefix, t)
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return prefix
}
