package engine

import (
	"reflect"
	"runtime"
	"testing"
)

// panicking sees a panic from a deferred call made directly or through
// reflect (as the interpreter makes them), and only then.
func TestPanicking(t *testing.T) {
	if f := runtime.FuncForPC(gopanicCode.start); f == nil || f.Name() != "runtime.gopanic" {
		t.Fatalf("gopanicCode starts in %v", f)
	}
	if f := runtime.FuncForPC(gopanicCode.end - 1); f == nil || f.Name() != "runtime.gopanic" {
		t.Fatalf("gopanicCode's last byte is in %v", f)
	}
	if f := runtime.FuncForPC(gopanicCode.end); f != nil && f.Name() == "runtime.gopanic" {
		t.Fatal("gopanicCode ends before gopanic does")
	}
	direct := func(p bool) (saw bool) {
		func() {
			defer func() {
				if p {
					recover()
				}
			}()
			defer func() { saw = panicking() }()
			if p {
				panic("x")
			}
		}()
		return saw
	}
	viaReflect := func(p bool) (saw bool) {
		done := reflect.ValueOf(func() { saw = panicking() })
		func() {
			defer func() {
				if p {
					recover()
				}
			}()
			defer done.Call(nil)
			if p {
				panic("x")
			}
		}()
		return saw
	}
	for _, p := range []bool{false, true} {
		if got := direct(p); got != p {
			t.Errorf("deferred directly, panic %v: panicking() = %v", p, got)
		}
		if got := viaReflect(p); got != p {
			t.Errorf("deferred through reflect, panic %v: panicking() = %v", p, got)
		}
	}
}
