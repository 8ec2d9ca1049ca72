package rewrite

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The names errPrelude declares, and the whole-word test, agree with the
// regular expressions they replace (a declaration at a line's start; \b).
func TestUsesErrPrelude(t *testing.T) {
	var want []string
	for _, m := range regexp.MustCompile(`(?m)^(?:func|var|type) (?:\([^)]*\) )?(__concur_[A-Za-z0-9_]+)`).FindAllStringSubmatch(errPrelude, -1) {
		want = append(want, m[1])
	}
	var got []string
	for name := range errPreludeNames() {
		got = append(got, name)
	}
	slices.Sort(want)
	want = slices.Compact(want)
	slices.Sort(got)
	if !slices.Equal(got, want) || len(got) < 10 {
		t.Fatalf("errPreludeNames = %v\nwant %v", got, want)
	}
	var quoted []string
	for _, name := range want {
		quoted = append(quoted, regexp.QuoteMeta(name))
	}
	words := regexp.MustCompile(`\b(?:` + strings.Join(quoted, "|") + `)\b`)
	name := want[0]
	for _, src := range []string{
		name, name + "(x)", "f(" + name + ")", "x." + name, "\n" + name + "\n",
		"x" + name, name + "x", name + "_", "_" + name, "é" + name, name + "é",
		"__concur_", "__concur_builtin.FmtPrintln(1)", "", "__concur___concur_" + name,
		"__concur_builtin " + name, "__concur_x" + name,
	} {
		if got, want := usesErrPrelude(src), words.MatchString(src); got != want {
			t.Errorf("usesErrPrelude(%q) = %v, the expression says %v", src, got, want)
		}
	}
}
