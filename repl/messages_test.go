package repl

import (
	"reflect"
	"regexp"
	"slices"
	"testing"
)

// TestTerminalWordsBothLanguages: every message of the terminal's block is
// there in English and in Chinese, with the same format verbs, so that a
// learner never meets an empty line or a %!d(MISSING) in either.
func TestTerminalWordsBothLanguages(t *testing.T) {
	verbs := regexp.MustCompile(`%(\[\d+\])?[a-z]`)
	en, zh := reflect.ValueOf(catalog("en").terminalWords), reflect.ValueOf(catalog("zh").terminalWords)
	for i := range en.NumField() {
		name := en.Type().Field(i).Name
		e, z := en.Field(i).String(), zh.Field(i).String()
		if e == "" || z == "" {
			t.Errorf("%s: en %q, zh %q", name, e, z)
			continue
		}
		if e == z {
			t.Errorf("%s is the same in both languages: %q", name, e)
		}
		ev, zv := verbs.FindAllString(e, -1), verbs.FindAllString(z, -1)
		slices.Sort(ev)
		slices.Sort(zv)
		if !slices.Equal(ev, zv) {
			t.Errorf("%s: verbs %q in English, %q in Chinese", name, ev, zv)
		}
	}
}
