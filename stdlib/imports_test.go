package stdlib

import (
	"errors"
	"path"
	"slices"
	"testing"

	"github.com/concur-dev/concur/stdlib/internal/sandbox"
)

func TestCheckImport(t *testing.T) {
	const (
		sandboxed = `: not available in concur's sandbox; run with --unrestricted to allow it`
		notStd    = `: concur runs the standard library only`
	)
	tests := []struct {
		path         string
		unrestricted bool
		want         string // "" for allowed
	}{
		{"fmt", false, ""},
		{"math/rand", false, ""},
		{"math/rand/v2", false, ""},
		{"sync/atomic", false, ""},
		{"os", false, ""},
		{"encoding/json", false, ""},
		{"net/http", false, `import "net/http"` + sandboxed},
		{"os/exec", false, `import "os/exec"` + sandboxed},
		{"unsafe", false, `import "unsafe"` + sandboxed},
		{"reflect", false, `import "reflect"` + sandboxed},
		{"net/http", true, ""},
		{"unsafe", true, ""},
		{"fmt", true, ""},
		{"github.com/x/y", false, `import "github.com/x/y"` + notStd},
		{"github.com/x/y", true, `import "github.com/x/y"` + notStd},
		{"foo/bar", true, `import "foo/bar"` + notStd},
		{"internal/abi", true, `import "internal/abi"` + notStd},
		{"unique", true, `import "unique": not available in concur: yaegi cannot import generic-only packages`},
		{"iter", false, ""},
		{"testing/synctest", false, `import "testing/synctest": not available in concur: concur already runs every snippet on a virtual clock, which is what synctest gives: leave it out`},
		{"syscall", true, `import "syscall": not available in concur: its API differs on every platform`},
	}
	for _, tt := range tests {
		err := CheckImport(tt.path, tt.unrestricted)
		got := ""
		if err != nil {
			got = err.Error()
			var ie *ImportError
			if !errors.As(err, &ie) || ie.Path != tt.path {
				t.Errorf("CheckImport(%q, %v) = %#v, want an *ImportError for the path", tt.path, tt.unrestricted, err)
			}
		}
		if got != tt.want {
			t.Errorf("CheckImport(%q, %v) = %q, want %q", tt.path, tt.unrestricted, got, tt.want)
		}
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		name         string
		unrestricted bool
		want         string // "" for absent
	}{
		{"fmt", false, "fmt"},
		{"rand", false, "math/rand"},
		{"rand", true, "math/rand"},
		{"atomic", false, "sync/atomic"},
		{"utf8", false, "unicode/utf8"},
		{"heap", false, "container/heap"},
		{"tabwriter", false, "text/tabwriter"},
		{"json", false, "encoding/json"},
		{"http", false, ""},
		{"http", true, "net/http"},
		{"template", true, "text/template"},
		{"pprof", true, "runtime/pprof"},
		{"unsafe", false, ""},
		{"unsafe", true, "unsafe"},
		{"synctest", true, ""},
	}
	for _, tt := range tests {
		if got := Names(tt.unrestricted)[tt.name]; got != tt.want {
			t.Errorf("Names(%v)[%q] = %q, want %q", tt.unrestricted, tt.name, got, tt.want)
		}
	}
}

// TestNamesAreImportable checks Names against CheckImport and the index.
func TestNamesAreImportable(t *testing.T) {
	for _, unrestricted := range []bool{false, true} {
		names := Names(unrestricted)
		for name, path := range names {
			if err := CheckImport(path, unrestricted); err != nil {
				t.Errorf("Names(%v)[%q] = %q, which CheckImport refuses: %v", unrestricted, name, path, err)
			}
			if e, _ := find(path); e.name != name {
				t.Errorf("Names(%v)[%q] = %q, a package named %q", unrestricted, name, path, e.name)
			}
		}
		if !unrestricted {
			distinct := map[string]bool{}
			for _, p := range sandbox.Restricted {
				e, _ := find(p)
				distinct[e.name] = true
			}
			if len(names) != len(distinct) {
				t.Errorf("Names(false) has %d names, want one per restricted package name (%d)", len(names), len(distinct))
			}
		}
	}
}

// TestRestrictedSymbols checks that restricted mode loads exactly the packages CheckImport allows.
func TestRestrictedSymbols(t *testing.T) {
	x := Symbols(newFake(true), false)
	for key := range x {
		if key == "." || key == "concur/generic/generic" || key == "concur/builtin/builtin" {
			continue
		}
		if CheckImport(path.Dir(key), false) != nil {
			t.Errorf("Symbols(h, false) has %q, which CheckImport refuses", key)
		}
	}
	for _, p := range sandbox.Restricted {
		e, _ := find(p)
		if x[p+"/"+e.name] == nil && x[p+"//"+e.name] == nil {
			t.Errorf("Symbols(h, false) lacks %q", p)
		}
	}
	for _, name := range []string{"Open", "Create", "Remove", "WriteFile", "StartProcess", "Chdir", "FindProcess"} {
		if _, ok := x["os/os"][name]; ok {
			t.Errorf("restricted os has %s", name)
		}
	}
	if _, ok := x["runtime/runtime"]["Stack"]; ok {
		t.Errorf("restricted runtime has Stack")
	}
}

func TestMembers(t *testing.T) {
	got := Members("fmt")
	for _, want := range []string{"Println", "Sprintf", "Stringer"} {
		if !slices.Contains(got, want) {
			t.Errorf("Members(fmt) lacks %s: %v", want, got)
		}
	}
	if !slices.IsSorted(got) {
		t.Error("Members(fmt) is not sorted")
	}
	if m := Members("net/http"); m != nil {
		t.Errorf("Members(net/http) = %v, want nil (not in restricted mode)", m)
	}
}
