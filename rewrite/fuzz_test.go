package rewrite

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// FuzzRewrite checks that Rewrite never panics and that whatever it
// accepts comes out as units yaegi can parse, with /*line*/ comments that
// point at the learner's tokens.
func FuzzRewrite(f *testing.F) {
	for _, c := range rewriteCases {
		f.Add(c.src)
	}
	for _, c := range factCases {
		f.Add(c.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		done := make(chan bool)
		go func() {
			select {
			case <-done:
			case <-time.After(10 * time.Second): // the fuzzer itself reports no hang
				panic(fmt.Sprintf("HANG %q", src))
			}
		}()
		defer close(done)
		in, err := Rewrite("prog.go", src, testEnv())
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v is not a non-empty ErrorList", err)
			}
			if strings.Contains(err.Error(), "internal error") {
				t.Fatal(err)
			}
			return
		}
		if err := checkUnits(src, in, testContext); err != nil {
			t.Fatal(err)
		}
	})
}
