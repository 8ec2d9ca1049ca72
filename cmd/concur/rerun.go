package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/concur-dev/concur/engine"
	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/repl"
	"github.com/concur-dev/concur/session"
)

// rerun is `concur replay --rerun`: it runs a recorded session's inputs again
// in a fresh session on the virtual clock, with the recording's seed, and
// says, input by input, whether the output and its timestamps match the
// recording. A session recorded on concur's scheduler must match exactly;
// in an older recording lines stamped with the same time by different
// goroutines may come in either order.
func rerun(s *session.Session, lang string, stdout, stderr io.Writer) int {
	w := cliText(lang)
	fmt.Fprintf(stderr, w.rerunStart, len(s.Inputs))
	exact := s.Header.Scheduled && s.Header.Clock == "virtual"
	sess, err := engine.NewSession(engine.Options{Clock: "virtual", MaxVirtual: time.Hour, Timeout: time.Minute, Seed: s.Header.Seed})
	if err != nil {
		fmt.Fprintf(stderr, "concur replay: %v\n", err)
		return 1
	}
	defer sess.Close()
	mismatches := 0
	for _, in := range s.Inputs {
		var got []event.Event
		_, err := sess.Run(context.Background(), repl.InputName(in.N), in.Src, false, func(e event.Event) {
			got = append(got, e)
		})
		if err != nil {
			fmt.Fprintf(stderr, w.rerunFailed, in.N, err)
			return 1
		}
		first := repl.Visible(strings.SplitN(strings.TrimSpace(in.Src), "\n", 2)[0])
		want := outputLines(in.EngineEvents())
		have := outputLines(got)
		if slices.Equal(want, have) || !exact && sameLines(want, have) {
			fmt.Fprintf(stdout, w.rerunOK, in.N, first, len(want))
			continue
		}
		mismatches++
		fmt.Fprintf(stdout, w.rerunDiff, in.N, first)
		fmt.Fprint(stdout, w.rerunRecorded)
		for _, l := range want {
			fmt.Fprintf(stdout, "        %s\n", repl.Visible(l))
		}
		fmt.Fprint(stdout, w.rerunNow)
		for _, l := range have {
			fmt.Fprintf(stdout, "        %s\n", repl.Visible(l))
		}
	}
	fmt.Fprintf(stdout, w.rerunSummary, len(s.Inputs)-mismatches, mismatches)
	if mismatches > 0 {
		return 1
	}
	return 0
}

// outputLines are what a run printed and the faults it met, each with its
// stamp and goroutine: "+1.000s g2 text". Restore notices are left out: they
// say how the engine brought a session back, not what the code did.
func outputLines(events []event.Event) []string {
	var out []string
	for _, e := range events {
		switch e.Kind {
		case event.Output, event.Value:
			out = append(out, fmt.Sprintf("%s g%d %s", repl.Stamp(e.T), e.G, e.Text))
		case event.Panic, event.Fatal, event.Deadlock, event.Timeout:
			first, _, _ := strings.Cut(e.Text, "\n")
			out = append(out, fmt.Sprintf("%s g%d %s", repl.Stamp(e.T), e.G, first))
		case event.Exit:
			out = append(out, fmt.Sprintf("%s exit %d", repl.Stamp(e.T), e.Code))
		}
	}
	return out
}

// sameLines compares two runs' lines, letting lines with the same stamp
// swap places (a tie has no order).
func sameLines(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); {
		j := i
		stamp := strings.Fields(a[i])[0]
		for j < len(a) && strings.Fields(a[j])[0] == stamp {
			j++
		}
		x, y := slices.Clone(a[i:j]), slices.Clone(b[i:j])
		slices.Sort(x)
		slices.Sort(y)
		if !slices.Equal(x, y) {
			return false
		}
		i = j
	}
	return true
}
