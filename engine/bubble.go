package engine

// This file is the only place that reaches into package testing.
//
// The virtual clock is a testing/synctest bubble, and synctest.Test wants a
// *testing.T. The only way for a program that is not a test binary to get one
// is testing.MainStart, which the Go team documents as "not subject to the Go 1
// compatibility document". If a Go release changes its signature or the testDeps
// interface, this file stops compiling (or TestBubbleRuns fails) — loudly, in
// one place.

import (
	"io"
	"os"
	"reflect"
	"testing"
	"testing/synctest"
	"time"
)

// inBubble runs f inside a synctest bubble on the calling goroutine's behalf
// and returns what the bubble ended with: nil when f returned, or the value
// synctest panicked with (a deadlock: "deadlock: all goroutines in bubble are
// blocked").
func inBubble(f func()) (ended any) {
	test := func(t *testing.T) {
		defer func() { ended = recover() }()
		synctest.Test(t, func(*testing.T) { f() })
	}
	m := testing.MainStart(testDeps{}, []testing.InternalTest{{Name: "session", F: test}}, nil, nil, nil)
	// testing parses os.Args: keep our flags away from it and switch off its
	// default 10-minute timeout, which would end a long REPL session.
	args := os.Args
	os.Args = []string{args[0], "-test.timeout=0", "-test.paniconexit0=false"}
	defer func() { os.Args = args }()
	m.Run()
	return ended
}

// corpusEntry mirrors testing's unexported fuzzing type, which testDeps names.
type corpusEntry = struct {
	Parent     string
	Path       string
	Data       []byte
	Values     []any
	Generation int
	IsSeed     bool
}

// testDeps is the smallest value that satisfies testing.MainStart's
// dependency interface: no profiling, no fuzzing, no coverage.
type testDeps struct{}

func (testDeps) ImportPath() string                          { return "concur" }
func (testDeps) ModulePath() string                          { return "" }
func (testDeps) MatchString(pat, str string) (bool, error)   { return true, nil }
func (testDeps) SetPanicOnExit0(bool)                        {}
func (testDeps) StartCPUProfile(io.Writer) error             { return nil }
func (testDeps) StopCPUProfile()                             {}
func (testDeps) StartTestLog(io.Writer)                      {}
func (testDeps) StopTestLog() error                          { return nil }
func (testDeps) WriteProfileTo(string, io.Writer, int) error { return nil }
func (testDeps) CoordinateFuzzing(time.Duration, int64, time.Duration, int64, int, []corpusEntry, []reflect.Type, string, string) error {
	return nil
}
func (testDeps) RunFuzzWorker(func(corpusEntry) error) error { return nil }
func (testDeps) ReadCorpus(string, []reflect.Type) ([]corpusEntry, error) {
	return nil, nil
}
func (testDeps) CheckCorpus([]any, []reflect.Type) error { return nil }
func (testDeps) ResetCoverage()                          {}
func (testDeps) SnapshotCoverage()                       {}
func (testDeps) InitRuntimeCoverage() (string, func(string, string) (string, error), func() float64) {
	return "", nil, nil
}
