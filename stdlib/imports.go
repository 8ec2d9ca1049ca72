package stdlib

import (
	"fmt"
	"slices"
	"strings"

	"github.com/concur-dev/concur/stdlib/internal/sandbox"
)

// An ImportError says why a snippet may not import Path.
type ImportError struct {
	Path string
	// Unrestricted reports whether running with --unrestricted allows the import.
	Unrestricted bool
	// Why says why no mode allows a standard package; "" for a path
	// outside the standard library.
	Why string
}

func (e *ImportError) Error() string {
	switch {
	case e.Unrestricted:
		return fmt.Sprintf("import %q: not available in concur's sandbox; run with --unrestricted to allow it", e.Path)
	case e.Why != "":
		return fmt.Sprintf("import %q: not available in concur: %s", e.Path, e.Why)
	default:
		return fmt.Sprintf("import %q: concur runs the standard library only", e.Path)
	}
}

// available reports whether a snippet may import path (a standard package
// concur provides) in the given mode.
func available(path string, unrestricted bool) bool {
	if !provided(path) {
		return false
	}
	return unrestricted || sandbox.IsRestricted(path)
}

// provided reports whether some mode lets a snippet import path.
func provided(path string) bool {
	_, ok := find(path)
	return ok
}

// find returns the entry of path in the index.
func find(path string) (table, bool) {
	i, ok := slices.BinarySearchFunc(standard[:], path, func(t table, p string) int { return strings.Compare(t.path, p) })
	if !ok {
		return table{}, false
	}
	return standard[i], true
}

// CheckImport is nil for an import path a snippet may use; otherwise an
// *ImportError that says the package is not available in concur's sandbox
// and that --unrestricted allows it, or why concur cannot provide it, or
// that it is not a standard package at all.
func CheckImport(path string, unrestricted bool) error {
	switch {
	case available(path, unrestricted):
		return nil
	case provided(path):
		return &ImportError{Path: path, Unrestricted: true}
	}
	for _, s := range skipped {
		if s.path == path {
			return &ImportError{Path: path, Why: s.why}
		}
	}
	return &ImportError{Path: path}
}

// preferredName settles package names that several provided packages share
// where the rule in Names (shortest path wins) would not pick the common one.
var preferredName = map[string]string{
	"template": "text/template", // over html/template: same length
}

// Names maps the name of each package a snippet may import to its import
// path, for auto-import: "fmt" -> "fmt", "rand" -> "math/rand", "atomic" ->
// "sync/atomic". When packages share a name, the shortest path wins
// (math/rand over crypto/rand and math/rand/v2), unless preferredName says
// otherwise.
func Names(unrestricted bool) map[string]string {
	names := map[string]string{}
	add := func(name, p string) {
		if old, ok := names[name]; ok && (len(old) < len(p) || len(old) == len(p) && old < p) {
			return
		}
		names[name] = p
	}
	for _, t := range standard {
		if available(t.path, unrestricted) {
			add(t.name, t.path)
		}
	}
	for name, p := range preferredName {
		if available(p, unrestricted) {
			names[name] = p
		}
	}
	return names
}

// Members lists the exported names of a package restricted mode provides,
// sorted, for completion in the REPL; nil for any other path.
func Members(path string) []string {
	t, ok := find(path)
	if !ok || t.symbols == nil {
		return nil
	}
	var names []string
	for name := range t.symbols() {
		if name != "" && !strings.HasPrefix(name, "_") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}
