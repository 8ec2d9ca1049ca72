package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/concur-dev/concur/internal/langcheck"
)

var updateCLI = flag.Bool("update-cli", false, "rewrite testdata/cli_en.txt from the English output")

// cliCases are command lines that print a usage or fail before anything
// runs: the command line's own words.
var cliCases = [][]string{
	{"-h"},
	{"help"},
	{"run", "-h"},
	{"learn", "-h"},
	{"replay", "-h"},
	{"export", "-h"},
	{"frobnicate"},
	{"prog.go"},
	{"--seed", "2", "learn", "3"},
	{"--bogus"},
	{"--speed=-1"},
	{"--idle-limit=soon"},
	{"--idle-limit=-2s"},
	{"--timeline=maybe"},
	{"--max-virtual=long"},
	{"--clock=sundial"},
	{"--color=sometimes"},
	{"run"},
	{"run", "--clock=sundial", "x.go"},
	{"run", "--seed=abc", "x.go"},
	{"run", "--jitter=2", "x.go"},
	{"run", "--max-memory=lots", "x.go"},
	{"run", "--lang=fr", "x.go"},
	{"replay"},
	{"replay", "a.jsonl", "b.jsonl"},
	{"export", "s.jsonl", "--format", "pdf"},
	{"learn", "1", "2", "3"},
}

// runCLI runs concur with args in-process and returns what it printed.
// The first result frames it for a file, the second is the text alone.
func runCLI(args []string) (framed, printed string) {
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), &stdout, &stderr)
	framed = fmt.Sprintf("$ concur %s\n[stdout]\n%s[stderr]\n%s[exit %d]\n", strings.Join(args, " "), stdout.String(), stderr.String(), code)
	return framed, stdout.String() + stderr.String()
}

func setLocale(t *testing.T, lang string) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", lang)
	t.Setenv("XDG_STATE_HOME", t.TempDir())
}

// TestCLIEnglish pins the English usages and errors: the words added for
// Chinese must not change them. Rewrite the file with -update-cli.
func TestCLIEnglish(t *testing.T) {
	setLocale(t, "en_US.UTF-8")
	var all strings.Builder
	for _, args := range cliCases {
		framed, _ := runCLI(args)
		all.WriteString(framed + "\n")
	}
	golden := filepath.Join("testdata", "cli_en.txt")
	if *updateCLI {
		if err := os.WriteFile(golden, []byte(all.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := all.String(); got != string(want) {
		t.Errorf("English output changed (rewrite %s with -update-cli if on purpose):\n%s", golden, firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, wl, gl)
		}
	}
	return "(no line differs)"
}

// withLangFlag puts --lang=zh where the command takes it: after the
// command's name, first for the REPL's flags, last after an unknown
// command (where it is still read for the message's language).
func withLangFlag(args []string) []string {
	switch {
	case args[0] == "help" || args[0] == "frobnicate" || args[0] == "prog.go":
		return append(append([]string{}, args...), "--lang=zh")
	case strings.HasPrefix(args[0], "-"):
		return append([]string{"--lang", "zh"}, args...)
	}
	return append([]string{args[0], "--lang=zh"}, args[1:]...)
}

// TestCLIChinese runs the same command lines in Chinese, chosen by LANG and
// by --lang: no English may remain apart from flag and command names, the
// values flags take, file names and names of formats and tools.
func TestCLIChinese(t *testing.T) {
	c := langcheck.New()
	c.AllowWords("virtual", "real", "auto", "always", "never", "en", "zh", "md", "cast", "html",
		"Markdown", "asciicast", "asciinema", "v2", "sleep")
	check := func(t *testing.T, args []string) {
		_, out := runCLI(args)
		if !strings.ContainsFunc(out, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("no Chinese in\n%s", out)
		}
		for _, english := range []string{"FILE", "OUT", "Usage", "Flags"} {
			if strings.Contains(out, english) {
				t.Errorf("%q in\n%s", english, out)
			}
		}
		for _, f := range c.Check(out) {
			t.Errorf("concur %s shows English: %s", strings.Join(args, " "), f)
		}
	}
	t.Run("LANG", func(t *testing.T) {
		setLocale(t, "zh_CN.UTF-8")
		for _, args := range cliCases {
			check(t, args)
		}
	})
	t.Run("LC_ALL", func(t *testing.T) {
		setLocale(t, "en_US.UTF-8")
		t.Setenv("LC_ALL", "zh_TW.UTF-8")
		check(t, []string{"-h"})
		check(t, []string{"run"})
	})
	t.Run("flag", func(t *testing.T) {
		setLocale(t, "en_US.UTF-8")
		for _, args := range cliCases {
			if args[0] == "run" && len(args) > 1 && args[1] == "--lang=fr" {
				continue
			}
			check(t, withLangFlag(args))
		}
		check(t, []string{"run", "--lang", "zh", "-h"}) // the value as its own word
	})
}

// TestArgsLang checks how the language is known before flags are parsed.
func TestArgsLang(t *testing.T) {
	setLocale(t, "zh_CN.UTF-8")
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "zh"},
		{[]string{"--lang", "en", "-h"}, "en"},
		{[]string{"run", "-lang=en", "x.go"}, "en"},
		{[]string{"learn", "3", "--lang=en"}, "en"},
		{[]string{"--lang=fr"}, "zh"},       // left to the flag to refuse
		{[]string{"--lang"}, "zh"},          // no value
		{[]string{"--", "--lang=en"}, "zh"}, // not a flag
		{[]string{"--language=en"}, "zh"},
	} {
		if got := argsLang(c.args); got != c.want {
			t.Errorf("argsLang(%q) = %s, want %s", c.args, got, c.want)
		}
	}
	setLocale(t, "C")
	if got := argsLang([]string{"run", "--lang", "zh", "-h"}); got != "zh" {
		t.Errorf("argsLang(run --lang zh -h) = %s, want zh", got)
	}
	if got := argsLang(nil); got != "en" {
		t.Errorf("argsLang() with LANG=C = %s, want en", got)
	}
}
