package repl

import (
	"reflect"
	"regexp"
	"slices"
	"testing"
)

// TestTerminalWordsBothLanguages: every message of the terminal's block and
// of the engine's (restores, left-out inputs, clocks, budgets, verdicts) is
// there in English and in Chinese, with the same format verbs, so that a
// learner never meets an empty line or a %!d(MISSING) in either.
func TestTerminalWordsBothLanguages(t *testing.T) {
	verbs := regexp.MustCompile(`%(\[\d+\])?[a-z]`)
	check := func(name, e, z string) {
		if e == "" || z == "" {
			t.Errorf("%s: en %q, zh %q", name, e, z)
			return
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
	for _, block := range [][2]reflect.Value{
		{reflect.ValueOf(catalog("en").terminalWords), reflect.ValueOf(catalog("zh").terminalWords)},
		{reflect.ValueOf(catalog("en").engineWords), reflect.ValueOf(catalog("zh").engineWords)},
	} {
		en, zh := block[0], block[1]
		for i := range en.NumField() {
			name := en.Type().Field(i).Name
			switch en.Field(i).Kind() {
			case reflect.String:
				check(name, en.Field(i).String(), zh.Field(i).String())
			case reflect.Map:
				em, zm := en.Field(i), zh.Field(i)
				if em.Len() != zm.Len() {
					t.Errorf("%s: %d entries in English, %d in Chinese", name, em.Len(), zm.Len())
				}
				for _, k := range em.MapKeys() {
					z := zm.MapIndex(k)
					if !z.IsValid() {
						t.Errorf("%s[%v] is missing in Chinese", name, k)
						continue
					}
					check(name+"["+k.String()+"]", em.MapIndex(k).String(), z.String())
				}
			default:
				t.Errorf("%s: a %v; the test knows strings and maps of them", name, en.Field(i).Kind())
			}
		}
	}
}
