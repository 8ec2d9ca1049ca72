package lazyregexp

import (
	"strings"
	"testing"
)

func TestCompiledOnFirstUse(t *testing.T) {
	r := New(`^g(\d+) (\w+)$`)
	if r.re != nil {
		t.Fatal("compiled before its first use")
	}
	if m := r.FindStringSubmatch("g12 main"); len(m) != 3 || m[1] != "12" || m[2] != "main" {
		t.Fatalf("FindStringSubmatch = %q", m)
	}
	first := r.re
	if !r.MatchString("g1 worker") || r.re != first {
		t.Fatal("compiled again on its second use")
	}
	if got := r.ReplaceAllString("g3 x", "$2/$1"); got != "x/3" {
		t.Fatalf("ReplaceAllString = %q", got)
	}
}

func TestBadExpressionPanicsWhenUsed(t *testing.T) {
	r := New(`(unclosed`)
	defer func() {
		if p := recover(); p == nil || !strings.Contains(p.(string), "unclosed") {
			t.Fatalf("recovered %v, want regexp's panic naming the expression", p)
		}
	}()
	r.MatchString("x")
}
