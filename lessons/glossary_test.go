package lessons_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/concur-dev/concur/engine"
	"github.com/concur-dev/concur/lessons"
	"github.com/concur-dev/concur/repl"
)

// TestGlossary: the glossary parses, names lessons that exist, and the
// lessons' prose never uses a word an entry says to avoid.
func TestGlossary(t *testing.T) {
	terms, err := lessons.Glossary()
	if err != nil {
		t.Fatal(err)
	}
	ls := load(t)
	ids := map[string]bool{}
	for _, l := range ls {
		ids[l.ID] = true
	}
	for _, term := range terms {
		if term.Lesson != "" && !ids[term.Lesson] {
			t.Errorf("glossary entry %q: no lesson %q", term.ID, term.Lesson)
		}
	}
	for _, l := range ls {
		for _, lang := range lessons.Langs {
			prose := []string{l.Title[lang]}
			for _, s := range l.Steps {
				prose = append(prose, s.Title[lang], s.Text[lang])
				for _, ex := range s.Examples {
					prose = append(prose, ex.Look[lang])
				}
				if s.Exercise != nil {
					prose = append(prose, s.Exercise.Hints[lang]...)
				}
			}
			text := withoutCode(strings.Join(prose, "\n"))
			for _, term := range terms {
				for _, w := range term.Avoid[lang] {
					if i := strings.Index(text, w); i >= 0 {
						t.Errorf("%s: %q stands for %q here; the glossary's term is %q (context: %q)", l.Source[lang], w, term.ID, term.Name[lang], around(text, i))
					}
				}
			}
		}
	}
}

// withoutCode removes code blocks and `code spans` (which may go on over a
// line break) from Markdown.
func withoutCode(md string) string {
	var b strings.Builder
	fence := false
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fence = !fence
			continue
		}
		if !fence {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return codeSpan.ReplaceAllString(b.String(), "")
}

var codeSpan = regexp.MustCompile("`[^`]*`")

func around(s string, i int) string {
	r := []rune(s)
	at := len([]rune(s[:i]))
	return string(r[max(at-15, 0):min(at+15, len(r))])
}

func TestLookup(t *testing.T) {
	terms, err := lessons.Glossary()
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{
		"tie":       "tie",
		"TIE":       "tie",
		"并列":        "tie",
		"撕":         "tearing",
		"nothing":   "",
		"同一时刻（并列）":  "tie",
		"通道":        "channel",
		"data race": "data-race",
		"数据竞争":      "data-race",
		"dead":      "deadlock",
	} {
		got := lessons.Lookup(terms, q)
		ids := []string{}
		for _, g := range got {
			ids = append(ids, g.ID)
		}
		if want == "" && len(got) != 0 || want != "" && (len(got) == 0 || got[0].ID != want) {
			t.Errorf("Lookup(%q) = %v, want %q first", q, ids, want)
		}
	}
}

func TestParseGlossaryErrors(t *testing.T) {
	for src, want := range map[string]string{
		"## tie\nen: tie\nen.def: x\nzh: 并列\n": `g.md:1: entry "tie" needs lines "zh:" and "zh.def:"`,
		"## Tie\n":              `g.md:1: entry id "Tie"`,
		"## tie\nfr: égalité\n": `g.md:2: unknown key "fr"`,
		"## tie\nen tie\n":      `g.md:2: entry lines are "KEY: VALUE"`,
		"just a comment\n":      `g.md:1: no entries`,
		"## a\nen: a\nen.def: a\nzh: 甲\nzh.def: 甲\n## a\n":       `g.md:6: entry "a" is written twice (first at line 1)`,
		"## a\nen: a\nen.def: a\nzh: 甲\nzh.def: 甲\nlesson: L1\n": `g.md:6: lesson "L1": name a lesson by its id`,
	} {
		_, err := lessons.ParseGlossary("g.md", []byte(src))
		var le *lessons.Error
		if !errors.As(err, &le) || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("ParseGlossary(%q): %v, want an error starting %q", src, err, want)
		}
	}
	terms, err := lessons.ParseGlossary("g.md", []byte("comment\n\n## a\nen: a\nen.def: one\n  two\nzh: 甲\nzh.def: 第一行\n  第二行\n  and Go\nzh.avoid: 乙, 丙\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a := terms[0]; a.Def["en"] != "one two" || a.Def["zh"] != "第一行第二行 and Go" || strings.Join(a.Avoid["zh"], "|") != "乙|丙" {
		t.Errorf("parsed %+v", a)
	}
}

// TestGlossaryInREPL: :glossary works outside lesson mode too, in the
// learner's language, and names the lesson that introduces a term.
func TestGlossaryInREPL(t *testing.T) {
	for lang, want := range map[string][]string{
		"en": {"Glossary (:glossary TERM says more about one):", "channel", "(lesson 7: Unbuffered channels: a rendezvous)"},
		"zh": {"术语表（:glossary 术语 查看详细解释）：", "通道（英文：“channel”）", "（第 7 课：无缓冲通道：一次会合）"},
	} {
		var out strings.Builder
		cfg := repl.Config{Lang: lang, Out: &out, Err: &out, Engine: engine.Options{Timeout: time.Minute, MaxVirtual: time.Hour}}
		repl.Run(cfg, repl.NewPlainSource(strings.NewReader(":glossary\n:glossary channel\n:help\n")))
		for _, w := range want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s: no %q in\n%s", lang, w, out.String())
			}
		}
		synopsis := map[string]string{"en": ":glossary [TERM]", "zh": ":glossary [术语]"}[lang]
		if !strings.Contains(out.String(), synopsis) {
			t.Errorf("%s: :help does not list :glossary:\n%s", lang, out.String())
		}
	}
}
