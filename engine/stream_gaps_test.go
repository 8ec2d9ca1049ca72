//go:build streamgaps

package engine

// Gaps in the event stream found while drawing it (the timeline, the HTML
// export, the lessons' checks on blocking). They fail today; run them with
//
//	go test -tags streamgaps -run StreamGap ./engine

import (
	"testing"

	"github.com/concur-dev/concur/event"
)

// A goroutine's wait is reported once: the last goroutine to block before
// a deadlock gets two identical block events, with no wake between them
// (main's `select {}` here; in a longer program, the consumer's receive).
func TestStreamGapBlockOnce(t *testing.T) {
	evs := run(t, newSession(t, Options{}), `
c := make(chan int)
go func() { <-c; <-c }()
c <- 1
select {}
`, 2)
	waiting := map[int]bool{}
	for _, e := range evs {
		switch e.Kind {
		case event.Block:
			if waiting[e.G] {
				t.Errorf("g%d blocks again (%s) without a wake since its last block:\n%s", e.G, e.Reason, dump(evs))
			}
			waiting[e.G] = true
		case event.Wake:
			waiting[e.G] = false
		}
	}
}

// A lock or WaitGroup declared with var has a name the code makes knowable,
// as a channel made with make does: its object event says it.
func TestStreamGapVarNames(t *testing.T) {
	evs := run(t, newSession(t, Options{}), `
var mu sync.Mutex
var wg sync.WaitGroup
wg.Add(1)
mu.Lock()
go func() { defer wg.Done(); mu.Lock(); mu.Unlock() }()
time.Sleep(time.Second)
mu.Unlock()
wg.Wait()
`, 0)
	names := map[string]string{}
	for _, e := range evs {
		if e.Kind == event.Object {
			names[e.Type] = e.Name
		}
	}
	if names["sync.Mutex"] != "mu" || names["sync.WaitGroup"] != "wg" {
		t.Errorf("objects named %q, want mu and wg:\n%s", names, dump(evs))
	}
}
