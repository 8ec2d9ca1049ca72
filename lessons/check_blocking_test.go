package lessons_test

import (
	"strings"
	"testing"

	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/lessons"
)

// relay is a relay race: each runner waits for the baton on a channel of
// its own, runs a second, and hands it over on the next runner's channel.
const relay = `package main

import (
	"fmt"
	"time"
)

func runner(id int, in <-chan bool, out chan<- bool) {
	<-in
	fmt.Printf("runner %d: running\n", id)
	time.Sleep(time.Second)
	fmt.Printf("runner %d: hands over\n", id)
	out <- true
}

func main() {
	legs := make([]chan bool, 4)
	for i := range legs {
		legs[i] = make(chan bool)
	}
	for id := 1; id <= 3; id++ {
		go runner(id, legs[id-1], legs[id])
	}
	legs[0] <- true
	<-legs[3]
	fmt.Println("finish")
}
`

// apart prints twice from two goroutines that never meet: the second line
// comes later, but nothing orders them.
const apart = `package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println("A: done")
	}()
	go func() {
		defer wg.Done()
		time.Sleep(time.Second)
		fmt.Println("B: done")
	}()
	wg.Wait()
	fmt.Println("all done")
}
`

// gather is lesson 3's: three tasks of 2 s, 3 s and 0 s, main waits for
// them with a WaitGroup.
const gather = `package main

import (
	"fmt"
	"sync"
	"time"
)

func task(name string, d time.Duration, wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("task", name, "start")
	time.Sleep(d)
	fmt.Println("task", name, "stop")
}

func main() {
	var wg sync.WaitGroup
	wg.Add(3)
	go task("A", 2*time.Second, &wg)
	go task("B", 3*time.Second, &wg)
	go task("C", 0, &wg)
	wg.Wait()
	fmt.Println("all done")
}
`

// paced waits for a ticker's beat before its first and third request, not
// before its second.
const paced = `package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	<-t.C
	fmt.Println("request 1")
	fmt.Println("request 2")
	<-t.C
	fmt.Println("request 3")
}
`

// The checks on blocking, judged on real runs: waits from the block, sleep
// and wake events, happens-before from the hand-offs, never from the
// times alone.
func TestCheckBlocking(t *testing.T) {
	if testing.Short() {
		t.Skip("runs programs in workers")
	}
	runs := map[string]string{"relay": relay, "apart": apart, "gather": gather, "paced": paced}
	events := map[string][][]event.Event{}
	for name, src := range runs {
		e, _ := run(t, name+".go", src)
		events[name] = append(events[name], e)
	}
	for _, c := range []struct {
		run, check string
		want       string // the failure; "" if it passes
	}{
		{"gather", `main blocked on sync.WaitGroup.Wait from 0s to 3s`, ""},
		{"gather", `main blocked on sync.WaitGroup.Wait from 0s to 2s`, "g1 main blocked on sync.WaitGroup.Wait from 0s to 3s"},
		{"gather", `main blocked on chan receive`, "main was never blocked on chan receive"},
		{"gather", `main blocked for >= 3s`, ""},
		{"gather", `main blocked`, ""},
		{"gather", `main asleep`, "main was never asleep"},
		{"gather", `task asleep from 0s to 2s`, ""},
		{"gather", `task asleep for 3s`, ""},
		{"gather", `task asleep for > 3s`, "g2 task asleep from 0s to 2s, g3 task asleep from 0s to 3s"},
		{"gather", `g2 asleep from 0s to 2s`, ""},
		{"gather", `g3 asleep from 0s to 2s`, "g3 task asleep from 0s to 3s"},
		{"gather", `worker blocked`, "no goroutine is worker"},
		{"relay", `runner blocked on chan receive from 0s to 1s`, ""},
		// Main's send waits (at 0 s, for no time) until runner 1 takes
		// the baton; the runners' sends find the next runner waiting.
		{"relay", `main blocked on chan send for 0s`, ""},
		{"relay", `runner blocked on chan send`, "runner was never blocked on chan send"},
		{"relay", `main blocked on chan receive from 0s to 3s`, ""},

		// The baton goes from runner to runner: each hand-over happens
		// before the next runner runs, and the first runner's start
		// before the finish, through three hand-offs.
		{"relay", `"runner 1: hands over" happens before "runner 2: running"`, ""},
		{"relay", `"runner 2: hands over" happens before "runner 3: running"`, ""},
		{"relay", `"runner 1: running" happens before "finish"`, ""},
		{"relay", `"runner * hands over" happens before "runner 3: running"`, ""},
		{"relay", `"runner 3: running" happens before "runner 1: hands over"`,
			`no hand-off leads from "runner 3: running" to "runner 1: hands over" (g2 runner at 1s) (g2 was last woken by the clock at 1s)`},
		{"relay", `"runner 1: running" happens before "runner 1: hands over"`, ""}, // one goroutine, in order
		{"relay", `"runner 1: hands over" happens before "runner 1: running"`,
			`no hand-off leads from "runner 1: hands over" to "runner 1: running" (g2 runner at 0s) (g2 runner was started by g1 at 0s)`},
		{"relay", `"runner 4: running" happens before "finish"`, `"runner 4: running" was never printed`},

		// B prints a second after A, but nothing passed from A to B.
		{"apart", `"A: done" happens before "B: done"`, `no hand-off leads from "A: done" to "B: done" (g3 main.func2 at 1s) (g3 was last woken by the clock at 1s)`},
		// B's Done, the last, wakes main's Wait.
		{"apart", `"B: done" happens before "all done"`, ""},

		// never: no wait of WHO is like that.
		{"relay", `runner never blocked on chan send`, ""},
		{"relay", `main never blocked on chan send`, "g1 main blocked on chan send from 0s to 0s"},
		{"relay", `main never blocked on chan send for > 0s`, ""},
		{"relay", `main never blocked on chan receive for >= 3s`, "g1 main blocked on chan receive from 0s to 3s"},
		{"relay", `main never blocked from 0s to 3s`, "g1 main blocked on chan receive from 0s to 3s"},
		{"relay", `main never asleep`, ""},
		{"gather", `task never asleep for > 3s`, ""},
		{"gather", `task never asleep for >= 3s`, "g3 task asleep from 0s to 3s"},
		{"gather", `worker never blocked`, "no goroutine is worker"},

		// after a wait: every matching line, since its goroutine's
		// previous one.
		{"relay", `"runner 2: running" after a wait on chan receive`, ""},
		{"relay", `"runner 3: running" after a wait`, ""},
		// Runner 3 waited for the baton when it began: that is before its
		// first line matching "runner 3: hands over".
		{"relay", `"runner 3: hands over" after a wait on chan receive`, ""},
		{"relay", `"runner 2: running" after a wait on chan send`,
			`"runner 2: running" (g3 runner at 1s) was printed without its goroutine being blocked on chan send first (g3 was last woken by g2's send on legs[i] at 1s)`},
		// Runner 1 takes the baton from main, whose send was waiting: its
		// receive did not wait, and a receive that did not wait leaves no
		// trace in the events.
		{"relay", `"runner * running" after a wait on chan receive`,
			`"runner 1: running" (g2 runner at 0s) was printed without its goroutine being blocked on chan receive first (g2 runner was started by g1 at 0s)`},
		{"gather", `"task * stop" after a wait`,
			`"task C stop" (g4 task at 0s) was printed without its goroutine being blocked first (g4 task was started by g1 at 0s)`},
		{"paced", `"request 1" after a wait on chan receive`, ""},
		{"paced", `"request 3" after a wait on chan receive`, ""},
		{"paced", `"request *" after a wait on chan receive`,
			`"request 2" (g1 main at 1s) was printed without its goroutine being blocked on chan receive first (g1 was last woken by the clock at 1s)`},
		{"paced", `"request 1" after a wait on select`,
			`"request 1" (g1 main at 1s) was printed without its goroutine being blocked on select first (g1 was last woken by the clock at 1s)`},
		{"paced", `"request 4" after a wait`, `"request 4" was never printed`},
	} {
		checks, err := lessons.ParseChecks(c.check)
		if err != nil {
			t.Errorf("%s: %v", c.check, err)
			continue
		}
		failures := lessons.Check(checks, events[c.run][0])
		got := ""
		if len(failures) > 0 {
			got = failures[0].Got
		}
		if got != c.want {
			t.Errorf("%s on %s:\n got %q\nwant %q", c.check, c.run, got, c.want)
		}
	}
	// The same failures, as a Chinese learner reads them.
	for _, c := range []struct{ run, check, want string }{
		{"relay", `main never blocked on chan send`, "main 没有一次阻塞在 chan send 上：g1 main 从 0s 到 0s 阻塞在 chan send 上"},
		{"relay", `main never blocked on chan receive for >= 3s`, "main 没有一次阻塞在 chan receive 上持续至少 3s：g1 main 从 0s 到 3s 阻塞在 chan receive 上"},
		{"gather", `task never asleep from 0s to 2s`, "task 没有一次从 0s 到 2s 在睡眠：g2 task 从 0s 到 2s 在睡眠"},
		{"paced", `"request *" after a wait on chan receive`, "每行 “request *” 打印之前，它的 goroutine 都先阻塞在 chan receive 上：“request 2”（g1 main，1s）打印之前，它的 goroutine 并没有先阻塞在 chan receive 上（g1 上一次是在 1s 被时钟唤醒的）"},
	} {
		checks, err := lessons.ParseChecks(c.check)
		if err != nil {
			t.Fatal(err)
		}
		f := lessons.Check(checks, events[c.run][0])
		if len(f) != 1 {
			t.Errorf("%s on %s: %d failures, want 1", c.check, c.run, len(f))
			continue
		}
		if got := f[0].In(lessons.Chinese); got != c.want {
			t.Errorf("%s on %s in Chinese:\n got %s\nwant %s", c.check, c.run, got, c.want)
		}
	}
}

func TestParseBlockingChecksErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`main blocked on chan recv`, `"chan recv" is not a wait: write it as Go does`},
		{`main blocked on chan send from 2s to 1s`, "the end comes before the start"},
		{`main blocked on chan send from 1s`, "want: WHO blocked on WAIT from TIME to TIME"},
		{`main asleep for`, "want: WHO blocked on WAIT"},
		{`main blocked from 1s to soon`, `"soon" is not a time`},
		{`"a" happens after "b"`, `want: "TEXT" happens before "TEXT"`},
		{`"a" happens before`, `want: "TEXT" happens before "TEXT"`},
		{`"a" does not happen before "b"`, `cannot be checked`},
		{`main never blocked on chan recv`, `"chan recv" is not a wait`},
		{`main never`, `unknown check`},
		{`"a" after a wait on chan recv`, `"chan recv" is not a wait`},
		{`"a" after wait`, `want: "TEXT" after a wait on WAIT`},
		{`"a" after a wait for 1s`, `want: "TEXT" after a wait on WAIT`},
		{`"a" after a wait on chan send for 1s`, `want: "TEXT" after a wait on WAIT`},
	} {
		_, err := lessons.ParseChecks(c.src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseChecks(%q) = %v, want an error saying %q", c.src, err, c.want)
		}
	}
}
