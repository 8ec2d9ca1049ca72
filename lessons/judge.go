package lessons

import (
	"fmt"

	"github.com/concur-dev/concur/event"
)

// Judging an answer. One run shows one schedule: on a virtual clock a
// well-chosen time.Sleep reproduces every stamp of a correct answer, and a
// racy counter gives the right total when goroutines take turns politely.
// So an answer passes only if its checks hold on its default run and on
// other schedules too: CheckSeeds schedules as they are, and CheckSeeds more
// with every sleep and timer changed by up to CheckJitter, which undoes any
// order that only sleeping made. Checks of times (a line at 1s, a total)
// are judged on the unperturbed runs only; the others on every run.

const (
	// CheckSeeds is how many other schedules judge an answer, and how many
	// more with their sleeps perturbed.
	CheckSeeds = 8
	// CheckJitter is how much the perturbed schedules change each sleep
	// and timer: up to ±20%.
	CheckJitter = 0.2
)

// A Schedule is one of the schedules an answer is judged on: a seed, and
// how much its sleeps are changed (0: not at all).
type Schedule struct {
	Seed   uint64
	Jitter float64
}

// CheckSchedules are the schedules an answer is judged on besides its
// default one (seed 0): seeds 1 to CheckSeeds as they are, and seeds
// CheckSeeds+1 to 2*CheckSeeds perturbed.
func CheckSchedules() []Schedule {
	var s []Schedule
	for i := 1; i <= 2*CheckSeeds; i++ {
		j := 0.0
		if i > CheckSeeds {
			j = CheckJitter
		}
		s = append(s, Schedule{Seed: uint64(i), Jitter: j})
	}
	return s
}

// A Run is an answer's run under one schedule.
type Run struct {
	Schedule
	Events []event.Event
}

// Explorer runs the answer under the given seeds with their sleeps changed
// by up to jitter, and gives each run's events (in any order).
type Explorer func(seeds []uint64, jitter float64, each func(seed uint64, events []event.Event)) error

// Judge checks an answer: on its default run, whose events are given, and
// when that passes, on every schedule of CheckSchedules, which explore
// runs. It returns the failures of the first schedule that fails, each
// naming that schedule (see Failure.Schedule), and that schedule's run.
func Judge(checks []Expectation, events []event.Event, explore Explorer) ([]Failure, *Run, error) {
	if f := Check(checks, events); len(f) > 0 {
		return f, &Run{Events: events}, nil
	}
	if explore == nil {
		return nil, nil, nil
	}
	bySeed := map[uint64]Run{}
	var order []Schedule
	for _, jitter := range []float64{0, CheckJitter} {
		var seeds []uint64
		for _, s := range CheckSchedules() {
			if s.Jitter == jitter {
				seeds = append(seeds, s.Seed)
				order = append(order, s)
			}
		}
		err := explore(seeds, jitter, func(seed uint64, evs []event.Event) {
			bySeed[seed] = Run{Schedule: Schedule{Seed: seed, Jitter: jitter}, Events: evs}
		})
		if err != nil {
			return nil, nil, err
		}
	}
	for _, s := range order {
		r, ok := bySeed[s.Seed]
		if !ok {
			return nil, nil, fmt.Errorf("the run under seed %d is missing", s.Seed)
		}
		if f := CheckRun(checks, r); len(f) > 0 {
			return f, &r, nil
		}
	}
	return nil, nil, nil
}

// CheckRun is Check on one run of Judge's: a run with perturbed sleeps is
// not held to the checks of times. Each failure names the run's schedule.
func CheckRun(checks []Expectation, r Run) []Failure {
	var kept []Expectation
	for _, x := range checks {
		if r.Jitter == 0 || !x.Timed() {
			kept = append(kept, x)
		}
	}
	f := Check(kept, r.Events)
	for i := range f {
		f[i].Schedule = r.Schedule
	}
	return f
}

// Timed reports whether the expectation is about times (a line at 1s, a
// total, overlapping lines, a wait from one time to another or for how
// long), which perturbed sleeps change.
func (x Expectation) Timed() bool {
	switch x.form {
	case lineAt, total, overlap, noOverlap:
		return true
	case waitFor:
		return x.wait.span || x.wait.dur
	}
	return false
}

// scheduleWords say under which schedule a failure happened.
var scheduleWords = map[Lang][2]string{
	English: {
		" (under seed %d: concur run --seed %d shows that run)",
		" (under seed %d, with sleeps changed by up to ±%.0f%%: concur run --seed %d --jitter %.0f%% shows that run)",
	},
	Chinese: {
		"（在种子 %d 下：concur run --seed %d 可重现这次运行）",
		"（在种子 %d 下，sleep 时长上下浮动至多 ±%.0f%%：concur run --seed %d --jitter %.0f%% 可重现这次运行）",
	},
}

// scheduleNote says which schedule s is, for a failure; "" for the default.
func scheduleNote(s Schedule, lang Lang) string {
	w, ok := scheduleWords[lang]
	if !ok {
		w = scheduleWords[English]
	}
	switch {
	case s.Seed == 0:
		return ""
	case s.Jitter == 0:
		return fmt.Sprintf(w[0], s.Seed, s.Seed)
	default:
		pct := s.Jitter * 100
		return fmt.Sprintf(w[1], s.Seed, pct, s.Seed, pct)
	}
}
