// Package lessons holds concur's guided lessons and the checks that decide
// whether an exercise is solved.
//
// A lesson is a Markdown file per language (en/NN-id.md, zh/NN-id.md; the
// format is described in README.md beside this file), embedded in the binary.
// The English file holds everything that runs: examples, their generated
// output, exercises' starter and solution code, and checks. A translation
// holds the text and hints and names the same examples and exercises with
// empty blocks, so code and checks exist once. Load parses every file, joins
// each lesson's languages and validates that they agree step by step.
//
// Checks look at what a run did — its event stream — not at text equality:
// the order and virtual time of output lines, the total time, how many
// goroutines were started, deadlocks, goroutines left running. Lines printed
// at the same instant by different goroutines count as unordered (a tie),
// because Go does not order them either.
//
// This package imports nothing of concur's but the event model.
package lessons

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
)

//go:embed en/*.md zh/*.md glossary.md
var content embed.FS

// Lang is a language lessons are written in.
type Lang string

// The languages of the lessons. Every lesson exists in each of them.
const (
	English Lang = "en"
	Chinese Lang = "zh"
)

// Langs lists the languages every lesson is written in. The first one,
// English, holds the code, outputs and checks that all languages share.
var Langs = []Lang{English, Chinese}

// Lesson is one lesson in every language.
type Lesson struct {
	ID     string // from the file name and header: "sync-blocking"
	Order  int    // position in the curriculum, from 1
	Title  map[Lang]string
	Steps  []Step
	Source map[Lang]string // the file each language came from: "lessons/en/01-sync-blocking.md"

	refs []ref // to other lessons, in every language's text
}

// Step is one screen of a lesson: text, examples to run, perhaps an exercise.
type Step struct {
	Title map[Lang]string
	// Text is the step's Markdown without its examples, exercise blocks and
	// hints, which are shown beside it.
	Text     map[Lang]string
	Examples []Example
	Exercise *Exercise // nil for a step without one

	line int // of the step's heading in the file Parse read
}

// Example is code the learner runs and reads the output of.
type Example struct {
	Name   string // unique in its lesson: "tasks"
	Code   string // a program or a snippet, as concur runs them
	Output string // what `concur run NAME.go` prints for Code (generated)
	// Shown is Code as a translation shows it: the same code with its
	// comments in that language (Load checks that nothing else differs).
	// A language without an entry shows Code.
	Shown map[Lang]string
	// Look says, per language, what to look at in the output once it has
	// run.
	Look map[Lang]string
	// Explore, when above 0, is how many schedules the lesson tells the
	// learner to run the example under (:explore N), and Explored what
	// `:explore N` prints for it, in English, without colour (generated).
	Explore  int
	Explored string

	line int
}

// CodeIn is the example's code as lang shows it.
func (e Example) CodeIn(lang Lang) string { return shown(e.Shown, lang, e.Code) }

func shown(m map[Lang]string, lang Lang, code string) string {
	if s := m[lang]; s != "" {
		return s
	}
	return code
}

// File is the file name an example runs as, which positions in its output
// name: "tasks.go".
func (e Example) File() string { return e.Name + ".go" }

// Exercise is a task for the learner: code to start from, hints, a reference
// solution and the checks that decide whether a run solves it.
type Exercise struct {
	Name     string // unique in its lesson
	Starter  string // the code the learner starts from; it fails Checks
	Solution string // a reference solution; it passes Checks
	Hints    map[Lang][]string
	Checks   []Expectation
	// StarterShown and SolutionShown are Starter and Solution with their
	// comments translated, as Example.Shown.
	StarterShown, SolutionShown map[Lang]string

	line       int
	blockLines map[string]int // role → line of its block, in the file parsed
}

// StarterIn is the starting code as lang shows it.
func (x Exercise) StarterIn(lang Lang) string { return shown(x.StarterShown, lang, x.Starter) }

// SolutionIn is the reference solution as lang shows it.
func (x Exercise) SolutionIn(lang Lang) string { return shown(x.SolutionShown, lang, x.Solution) }

// File is the file name an exercise's code runs as: "gather.go".
func (x Exercise) File() string { return x.Name + ".go" }

// Load returns the embedded lessons, in order.
func Load() ([]Lesson, error) { return loadFS(content, "lessons/") }

// LoadFS reads lessons from fsys: en/*.md and zh/*.md, one file per lesson
// and language. Errors name the file (as a path in fsys) and line.
func LoadFS(fsys fs.FS) ([]Lesson, error) { return loadFS(fsys, "") }

func loadFS(fsys fs.FS, prefix string) ([]Lesson, error) {
	byLang := map[Lang]map[string]Lesson{} // file base name → lesson as parsed
	for _, lang := range Langs {
		names, err := fs.Glob(fsys, string(lang)+"/*.md")
		if err != nil {
			return nil, err
		}
		byLang[lang] = map[string]Lesson{}
		for _, name := range names {
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, err
			}
			l, err := Parse(prefix+name, data)
			if err != nil {
				return nil, err
			}
			byLang[lang][path.Base(name)] = l
		}
	}
	en := byLang[English]
	var lessons []Lesson
	for _, base := range sortedKeys(en) {
		l := en[base]
		for _, lang := range Langs[1:] {
			tr, ok := byLang[lang][base]
			if !ok {
				return nil, &Error{File: l.Source[English], Msg: fmt.Sprintf("no %s translation: want %s%s/%s", lang, prefix, lang, base)}
			}
			if err := join(&l, tr, lang); err != nil {
				return nil, err
			}
		}
		lessons = append(lessons, l)
	}
	for _, lang := range Langs[1:] {
		for _, base := range sortedKeys(byLang[lang]) {
			if _, ok := en[base]; !ok {
				return nil, &Error{File: byLang[lang][base].Source[lang], Msg: fmt.Sprintf("no English lesson %sen/%s to translate", prefix, base)}
			}
		}
	}
	sort.Slice(lessons, func(i, j int) bool { return lessons[i].Order < lessons[j].Order })
	ids := map[string]string{}
	for i, l := range lessons {
		if i > 0 && lessons[i-1].Order == l.Order {
			return nil, &Error{File: l.Source[English], Line: 1, Msg: fmt.Sprintf("order %d is taken by %s", l.Order, lessons[i-1].Source[English])}
		}
		if other, ok := ids[l.ID]; ok {
			return nil, &Error{File: l.Source[English], Line: 1, Msg: fmt.Sprintf("id %q is taken by %s", l.ID, other)}
		}
		ids[l.ID] = l.Source[English]
	}
	if err := expandRefs(lessons); err != nil {
		return nil, err
	}
	return lessons, nil
}

// expandRefs replaces every "{lesson:ID}" in the lessons' text, hints and
// notes with that lesson's number.
func expandRefs(lessons []Lesson) error {
	order := map[string]int{}
	for _, l := range lessons {
		order[l.ID] = l.Order
	}
	for _, l := range lessons {
		for _, r := range l.refs {
			if _, ok := order[r.id]; !ok {
				return &Error{File: l.Source[r.lang], Line: r.line, Msg: fmt.Sprintf("{lesson:%s}: there is no lesson with id %q", r.id, r.id)}
			}
		}
	}
	expand := func(s string) string {
		return lessonRef.ReplaceAllStringFunc(s, func(m string) string {
			return fmt.Sprint(order[lessonRef.FindStringSubmatch(m)[1]])
		})
	}
	for i := range lessons {
		for j := range lessons[i].Steps {
			s := &lessons[i].Steps[j]
			for lang, t := range s.Text {
				s.Text[lang] = expand(t)
			}
			for k := range s.Examples {
				for lang, t := range s.Examples[k].Look {
					s.Examples[k].Look[lang] = expand(t)
				}
			}
			if x := s.Exercise; x != nil {
				for lang, hints := range x.Hints {
					for k := range hints {
						hints[k] = expand(hints[k])
					}
					x.Hints[lang] = hints
				}
			}
		}
	}
	return nil
}

// join adds translation tr, in language lang, to the English lesson l,
// checking that both have the same steps, examples, exercises and number of
// hints.
func join(l *Lesson, tr Lesson, lang Lang) error {
	enFile, trFile := l.Source[English], tr.Source[lang]
	if len(tr.Steps) != len(l.Steps) {
		at := 1
		if n := len(tr.Steps); n > 0 {
			at = tr.Steps[n-1].line
		}
		return &Error{File: trFile, Line: at, Msg: fmt.Sprintf("%d steps, but %s has %d", len(tr.Steps), enFile, len(l.Steps))}
	}
	l.Title[lang] = tr.Title[lang]
	l.Source[lang] = trFile
	l.refs = append(l.refs, tr.refs...)
	for i := range l.Steps {
		s, t := &l.Steps[i], tr.Steps[i]
		differ := func(format string, args ...any) error {
			where := fmt.Sprintf("step %d (%s:%d): ", i+1, enFile, s.line)
			return &Error{File: trFile, Line: t.line, Msg: where + fmt.Sprintf(format, args...)}
		}
		if a, b := exampleNames(t), exampleNames(*s); !slices.Equal(a, b) {
			return differ("examples %s here, %s in English", quoteList(a), quoteList(b))
		}
		if a, b := exerciseName(t), exerciseName(*s); !slices.Equal(a, b) {
			return differ("exercise %s here, %s in English", quoteList(a), quoteList(b))
		}
		for j := range s.Examples {
			e, te := &s.Examples[j], t.Examples[j]
			if code := te.Shown[lang]; code != "" {
				if err := sameCode(e.Code, code); err != nil {
					return &Error{File: trFile, Line: te.line + err.line, Msg: fmt.Sprintf("example %q: %s", e.Name, err.msg)}
				}
				e.Shown[lang] = code
			}
			e.Look[lang] = te.Look[lang]
		}
		if x := s.Exercise; x != nil {
			tx := t.Exercise
			if a, b := len(tx.Hints[lang]), len(x.Hints[English]); a != b {
				return differ("%d hints here, %d in English", a, b)
			}
			x.Hints[lang] = tx.Hints[lang]
			for _, c := range []struct {
				what, role string
				en, tr     string
				into       map[Lang]string
			}{
				{"starting code", "starter", x.Starter, tx.StarterShown[lang], x.StarterShown},
				{"solution", "solution", x.Solution, tx.SolutionShown[lang], x.SolutionShown},
			} {
				if c.tr == "" {
					continue
				}
				if err := sameCode(c.en, c.tr); err != nil {
					return &Error{File: trFile, Line: tx.blockLines[c.role] + err.line, Msg: fmt.Sprintf("the %s of %q: %s", c.what, x.Name, err.msg)}
				}
				c.into[lang] = c.tr
			}
		}
		s.Title[lang] = t.Title[lang]
		s.Text[lang] = t.Text[lang]
	}
	return nil
}

func sortedKeys(m map[string]Lesson) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func exampleNames(s Step) []string {
	var names []string
	for _, e := range s.Examples {
		names = append(names, e.Name)
	}
	return names
}

func exerciseName(s Step) []string {
	if s.Exercise == nil {
		return nil
	}
	return []string{s.Exercise.Name}
}

func quoteList(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}
