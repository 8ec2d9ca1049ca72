package repl

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/concur-dev/concur/event"
)

// backstop is how long a test waits for a player that should be done in a
// fraction of a second: only a failure reaches it.
const backstop = 30 * time.Second

// playAll plays events through a player made from o and returns what it
// did, in order: "show T" for each event, "cut D" for each cut gap.
func playAll(t *testing.T, o PlayOptions, events ...event.Event) []string {
	t.Helper()
	var mu sync.Mutex
	var log []string
	add := func(s string) {
		mu.Lock()
		log = append(log, s)
		mu.Unlock()
	}
	o.Show = func(e event.Event) { add(fmt.Sprintf("show %v", time.Duration(e.T))) }
	o.Cut = func(d time.Duration) { add("cut " + FormatGap(d)) }
	p := NewPacedPlayer(o)
	for _, e := range events {
		p.Add(e)
	}
	done := make(chan struct{})
	go func() { p.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(backstop):
		t.Fatalf("the player was still playing after %v: %q", backstop, log)
	}
	mu.Lock()
	defer mu.Unlock()
	return log
}

func at(d time.Duration) event.Event { return event.Event{Kind: event.Output, T: int64(d), G: 1} }

// TestPlayerIdleLimit: a gap of an hour at speed 1 is cut to the limit and
// reported, before the event after it; gaps under the limit are kept and
// not reported; stamps are left as they were.
func TestPlayerIdleLimit(t *testing.T) {
	got := playAll(t, PlayOptions{Speed: 1, IdleLimit: 20 * time.Millisecond},
		at(0), at(10*time.Millisecond), at(time.Hour), at(time.Hour), at(time.Hour+5*time.Millisecond), at(2*time.Hour))
	want := []string{"show 0s", "show 10ms", "cut 59m59.97s", "show 1h0m0s", "show 1h0m0s", "show 1h0m0.005s", "cut 59m59.975s", "show 2h0m0s"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The limit applies to the run's time, before the speed: at speed 1000 an
// hour is 3.6 s of playback, still cut to the limit.
func TestPlayerIdleLimitBeforeSpeed(t *testing.T) {
	got := playAll(t, PlayOptions{Speed: 1000, IdleLimit: 10 * time.Millisecond}, at(0), at(time.Hour))
	if want := "show 0s|cut 59m59.99s|show 1h0m0s"; strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}

// Without a limit nothing is cut; without pacing nothing waits or is cut.
func TestPlayerNoLimit(t *testing.T) {
	got := playAll(t, PlayOptions{Speed: 0, IdleLimit: 10 * time.Millisecond}, at(0), at(time.Hour))
	if want := "show 0s|show 1h0m0s"; strings.Join(got, "|") != want {
		t.Errorf("speed max: got %q, want %q", strings.Join(got, "|"), want)
	}
	got = playAll(t, PlayOptions{Speed: 1}, at(0), at(30*time.Millisecond))
	if want := "show 0s|show 30ms"; strings.Join(got, "|") != want {
		t.Errorf("no limit: got %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestFormatGap(t *testing.T) {
	for d, want := range map[time.Duration]string{
		time.Hour - 2*time.Second:             "59m58s",
		1500 * time.Millisecond:               "1.5s",
		998 * time.Millisecond:                "998ms",
		300 * time.Microsecond:                "300µs",
		90*time.Second + 400*time.Microsecond: "1m30s",
	} {
		if got := FormatGap(d); got != want {
			t.Errorf("FormatGap(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestPlayerQuietEventsDoNotPace: events the screen does not show (a
// ticker's wake-ups, a goroutine's sleeps) are not waited for, and the gap
// before the next shown event counts from the last shown one: a ticker
// that ticks every 10 ms and prints nothing for an hour takes the idle
// limit, not an hour, and says how much was left out.
func TestPlayerQuietEventsDoNotPace(t *testing.T) {
	events := []event.Event{at(0)}
	for i := 1; i <= 360_000; i++ {
		events = append(events, event.Event{Kind: event.Wake, T: int64(time.Duration(i) * 10 * time.Millisecond), G: 2})
	}
	events = append(events, event.Event{Kind: event.Timeout, T: int64(time.Hour) + 1, G: 1})
	o := PlayOptions{Speed: 1, IdleLimit: 20 * time.Millisecond, Quiet: func(e event.Event) bool { return e.Kind == event.Wake }}
	got := playAll(t, o, events...)
	var cuts []string
	for _, s := range got {
		if strings.HasPrefix(s, "cut ") {
			cuts = append(cuts, s)
		}
	}
	if len(cuts) != 1 || cuts[0] != "cut 59m59.98s" {
		t.Errorf("cuts %q, want one of the hour less the limit", cuts)
	}
}
