package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/repl"
	"github.com/concur-dev/concur/session"
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

// TestScreenplayClockPerInput: each input is timed by the clock it ran on,
// which may not be the header's (:clock real while recording, or a session
// appended on the other clock). On the real clock an event appears when it
// arrived; on the virtual clock at its input's time plus its own stamp.
func TestScreenplayClockPerInput(t *testing.T) {
	out := func(ms int64, at time.Duration, text string) session.Event {
		return session.Event{Event: event.Event{Kind: event.Output, T: ms * int64(time.Millisecond), G: 1, Stream: "stdout", Text: text}, At: at}
	}
	s := &session.Session{
		Header: session.Header{Clock: "real", Cols: 80},
		Inputs: []session.Input{
			{N: 1, T: time.Second, Src: "v", Clock: "virtual", Events: []session.Event{out(500, time.Second+time.Millisecond, "virtual")}},
			{N: 2, T: 10 * time.Second, Src: "r", Clock: "real", Events: []session.Event{
				out(500, 10*time.Second+500*time.Millisecond, "a"),
				out(1000, 11*time.Second, "b"),
				out(1500, 11*time.Second+500*time.Millisecond, "c"),
			}},
		},
	}
	at := map[string]time.Duration{}
	for _, f := range screenplay(s, screenOptions{}) {
		for _, text := range []string{"virtual", "a", "b", "c"} {
			if strings.HasSuffix(f.out, "│ "+text+"\n") {
				at[text] = f.at
			}
		}
	}
	want := map[string]time.Duration{"virtual": 1500 * time.Millisecond, "a": 10500 * time.Millisecond, "b": 11 * time.Second, "c": 11500 * time.Millisecond}
	for text, w := range want {
		if at[text] != w {
			t.Errorf("%q appears at %v, want %v", text, at[text], w)
		}
	}
}
