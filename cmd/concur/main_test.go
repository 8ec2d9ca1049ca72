package main

import (
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/concur-dev/concur/engine"
)

func TestMain(m *testing.M) {
	// The engine starts workers by running this executable again.
	if engine.IsWorker() {
		os.Exit(engine.ServeWorker())
	}
	testscript.Main(m, map[string]func(){
		"concur": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar: each reads like a learner's session
// with `concur`. Run with -testwork to keep their folders, -u to update
// golden files from a real run.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}

// TestMaxMemorySizes: --max-memory takes bytes or a size with a unit, and
// refuses what is not a size with the form it wants.
func TestMaxMemorySizes(t *testing.T) {
	for v, want := range map[string]int64{
		"2147483648": 2 << 30, "200MiB": 200 << 20, "4GiB": 4 << 30, "500MB": 500e6,
		"1.5GB": 1.5e9, "2 gib": 2 << 30, "64kib": 64 << 10, "1000b": 1000,
	} {
		var b bytesFlag
		if err := b.Set(v); err != nil || int64(b) != want {
			t.Errorf("--max-memory=%s: %d, %v; want %d", v, int64(b), err, want)
		}
	}
	for _, v := range []string{"", "abc", "-1", "0", "4TB", "GiB", "1e30"} {
		var b bytesFlag
		if err := b.Set(v); err == nil || !strings.Contains(err.Error(), "4GiB") {
			t.Errorf("--max-memory=%q: %v, want a refusal that shows a size", v, err)
		}
	}
	if s := bytesFlag(2 << 30); s.String() != "2GiB" {
		t.Errorf("default shown as %q", s.String())
	}
}
