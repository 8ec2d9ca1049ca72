package repl

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/concur-dev/concur/event"
)

// fault returns the deadlock or timeout event of a run.
func fault(t *testing.T, events []event.Event) event.Event {
	t.Helper()
	for _, e := range events {
		if e.Kind == event.Deadlock || e.Kind == event.Timeout {
			return e
		}
	}
	t.Fatal("the run has no deadlock or timeout")
	return event.Event{}
}

// The reports under a deadlock and a timeout, from runs of the programs in
// testdata/timeline: what each goroutine waits on and for how long, and for
// a deadlock what no goroutine is left to do, in both languages.
func TestReport(t *testing.T) {
	runs := programRuns(t)
	for _, c := range []struct {
		run, lang string
		want      []string
	}{
		{"deadlock", "en", []string{
			"g1 main: chan receive on done (made at 26:10), for 300ms",
			"g3 consumer: chan receive on values (made at 25:12)",
			"no goroutine is left that could send on done or values",
		}},
		{"deadlock", "zh", []string{
			"g1 main：chan receive（done，创建于 26:10），已等 300ms",
			"g3 consumer：chan receive（values，创建于 25:12）",
			"再也没有 goroutine 能向 done 或 values 发送",
		}},
		// g2 has waited since the input before: its wait is counted from
		// then.
		{"stuck-4", "en", []string{
			"g1 main: chan receive on done (made at 4:9)",
			"g2 main.func1: chan receive on ch (made at 3:7), for 300ms",
			"no goroutine is left that could send on done or ch",
		}},
		// A timeout says what each was doing, nothing about who could
		// release whom, and how many were alive.
		{"ticker", "en", []string{
			"g1 main: select (no cases)", // since 0, and no object: the stream might be an old one
			"g2 ticker: sleep",
			"g3 main.func1: chan receive on ticks (made at 19:11)",
			"3 goroutines alive",
		}},
		{"ticker", "zh", []string{
			"g1 main：select (no cases)",
			"g2 ticker：sleep",
			"g3 main.func1：chan receive（ticks，创建于 19:11）",
			"共 3 个 goroutine 存活",
		}},
	} {
		got := Report(c.lang, fault(t, runNamed(t, runs, c.run)), nil)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s in %s:\n%s\nwant:\n%s", c.run, c.lang, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
	}
}

// What would release each kind of wait, and the list joined in each
// language; goroutines the engine grouped are one line, without a time.
func TestReportKinds(t *testing.T) {
	e := event.Event{Kind: event.Deadlock, T: int64(2 * time.Second), Blocked: []event.Goroutine{
		{G: 1, Name: "main", State: "sync.WaitGroup.Wait", Obj: 1, On: "sync.WaitGroup #1"},
		{G: 2, Name: "worker", State: "sync.Mutex.Lock", Obj: 2, On: "mu (made at 3:6)", Since: int64(time.Second)},
		{G: 3, Name: "worker", State: "sync.Mutex.Lock", Obj: 2, On: "mu (made at 3:6)", Count: 998},
		{G: 1001, Name: "sender", State: "chan send", Obj: 3, On: "out (made at 4:9)"},
		{G: 1002, Name: "waiter", State: "select (no cases)"},
		{G: 1003, Name: "cond", State: "sync.Cond.Wait", Obj: 4, On: "sync.Cond #4"},
	}}
	want := map[string][]string{
		"en": {
			"g1 main: sync.WaitGroup.Wait on sync.WaitGroup #1, for 2s",
			"g2 worker: sync.Mutex.Lock on mu (made at 3:6), for 1s",
			"worker ×998: sync.Mutex.Lock on mu (made at 3:6)",
			"g1001 sender: chan send on out (made at 4:9), for 2s",
			"g1002 waiter: select (no cases)",
			"g1003 cond: sync.Cond.Wait on sync.Cond #4, for 2s",
			"no goroutine is left that could call Done on sync.WaitGroup #1, unlock mu, receive from out, or call Signal or Broadcast on sync.Cond #4",
			"1,003 goroutines alive", // a group's line does not say the whole number
		},
		"zh": {
			"g1 main：sync.WaitGroup.Wait（sync.WaitGroup #1），已等 2s",
			"g2 worker：sync.Mutex.Lock（mu，创建于 3:6），已等 1s",
			"worker ×998：sync.Mutex.Lock（mu，创建于 3:6）",
			"g1001 sender：chan send（out，创建于 4:9），已等 2s",
			"g1002 waiter：select (no cases)",
			"g1003 cond：sync.Cond.Wait（sync.Cond #4），已等 2s",
			"再也没有 goroutine 能对 sync.WaitGroup #1 调用 Done，解锁 mu，从 out 接收，或对 sync.Cond #4 调用 Signal 或 Broadcast",
			"共 1,003 个 goroutine 存活",
		},
	}
	for lang, w := range want {
		if got := Report(lang, e, nil); !slices.Equal(got, w) {
			t.Errorf("in %s:\n%s\nwant:\n%s", lang, strings.Join(got, "\n"), strings.Join(w, "\n"))
		}
	}
	if got := Total("en", e.Blocked); got != "1,003 goroutines alive" {
		t.Errorf("Total: %q", got)
	}
	if got := Total("zh", e.Blocked[:1]); got != "共 1 个 goroutine 存活" {
		t.Errorf("Total in Chinese: %q", got)
	}
}
