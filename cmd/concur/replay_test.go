package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/concur-dev/concur/repl"
)

// TestReplayIdleLimit: a replay cuts every pause longer than the idle limit
// to it; a cut inside a run's output is shown as such, a cut in the typist's
// pause before an input is not.
func TestReplayIdleLimit(t *testing.T) {
	frames := []frame{
		{at: 0, out: "> time.Sleep(time.Hour)\n"},
		{at: time.Hour, out: "+3600.000s  g1 main │ done\n", output: true},
		{at: time.Hour + 10*time.Second, out: "> 1\n"},
		{at: time.Hour + 10*time.Second + time.Millisecond, out: ": 1\n", output: true},
	}
	var out, errw bytes.Buffer
	done := make(chan struct{})
	go func() {
		playKeys(frames, &out, &errw, playback{speed: 1, idle: 5 * time.Millisecond, note: func(d time.Duration) string { return repl.CutNote("en", d) }})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the replay still plays after 30s: pauses were not cut")
	}
	want := "> time.Sleep(time.Hour)\n⋯ 59m59.995s later\n+3600.000s  g1 main │ done\n> 1\n: 1\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}
