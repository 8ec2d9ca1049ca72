package main

import (
	"os"
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
