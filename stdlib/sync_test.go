package stdlib

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/concur-dev/concur/sched"
)

// The tests run plain Go as the rewrite makes snippets run: goroutines are
// started through the hooks, and time is the scheduler's — exact, and
// nothing waits in real time.

// program installs h as the session's hooks and returns its symbol tables.
func symbols(h *fakeHooks) map[string]map[string]any {
	x := Symbols(h, false)
	out := map[string]map[string]any{}
	for k, syms := range x {
		m := map[string]any{}
		for name, v := range syms {
			if v.IsValid() && v.CanInterface() {
				m[name] = v.Interface()
			}
		}
		out[k] = m
	}
	return out
}

// vtime returns the virtual time since the session began.
func vtime(h *fakeHooks) time.Duration { return h.s.Now() }

func TestMutexWaitsOnTheVirtualClock(t *testing.T) {
	h := newFake(true)
	symbols(h)
	var took time.Duration
	h.run(t, func() {
		var mu Mutex
		var wg WaitGroup
		for range 2 {
			wg.Go(func() {
				mu.Lock()
				h.s.Sleep(time.Second)
				mu.Unlock()
			})
		}
		wg.Wait()
		took = vtime(h)
	})
	if took != 2*time.Second {
		t.Errorf("two goroutines each holding the lock for 1s took %v, want 2s", took)
	}
	var blocked bool
	for _, e := range h.events {
		if e.Kind == "block" && e.Reason == "sync.Mutex.Lock" {
			blocked = true
		}
	}
	if !blocked {
		t.Error("no goroutine was seen waiting in sync.Mutex.Lock")
	}
}

func TestMutexTryLock(t *testing.T) {
	for _, virtual := range []bool{true, false} {
		h := newFake(virtual)
		symbols(h)
		h.run(t, func() {
			var mu Mutex
			if !mu.TryLock() {
				t.Error("TryLock on a free Mutex failed")
			}
			if mu.TryLock() {
				t.Error("TryLock on a locked Mutex succeeded")
			}
			mu.Unlock()
			mu.Lock()
			mu.Unlock()
		})
	}
}

// at runs fs[i] on its own goroutine at virtual time offsets[i] and waits
// for all of them.
func at(h *fakeHooks, offsets []time.Duration, fs ...func()) {
	var wg WaitGroup
	for i, f := range fs {
		wg.Go(func() {
			h.s.Sleep(offsets[i])
			f()
		})
	}
	wg.Wait()
}

func TestRWMutex(t *testing.T) {
	h := newFake(true)
	symbols(h)
	var log []string
	note := func(s string) { log = append(log, fmt.Sprintf("%v %s", vtime(h), s)) }
	h.run(t, func() {
		var rw RWMutex
		at(h, []time.Duration{0, time.Second, 2 * time.Second, 3 * time.Second},
			func() { rw.RLock(); note("r1 in"); h.s.Sleep(5 * time.Second); rw.RUnlock() },
			func() { rw.RLock(); note("r2 in"); h.s.Sleep(time.Second); rw.RUnlock() },
			func() { rw.Lock(); note("w in"); h.s.Sleep(time.Second); rw.Unlock() },
			// A writer waits: a new reader waits for it.
			func() { rw.RLock(); note("r3 in"); rw.RUnlock() },
		)
	})
	want := []string{"0s r1 in", "1s r2 in", "5s w in", "6s r3 in"}
	if !slices.Equal(log, want) {
		t.Errorf("got %q, want %q", log, want)
	}
}

func TestOnceWaitsForASleepingDo(t *testing.T) {
	h := newFake(true)
	symbols(h)
	var log []string
	h.run(t, func() {
		var once Once
		at(h, []time.Duration{0, time.Second},
			func() {
				once.Do(func() { h.s.Sleep(3 * time.Second) })
				log = append(log, fmt.Sprint("first ", vtime(h)))
			},
			func() {
				once.Do(func() { log = append(log, "ran twice") })
				log = append(log, fmt.Sprint("second ", vtime(h)))
			},
		)
	})
	if want := []string{"first 3s", "second 3s"}; !slices.Equal(log, want) {
		t.Errorf("got %q, want %q", log, want)
	}
}

func TestOnceFunc(t *testing.T) {
	h := newFake(true)
	symbols(h)
	h.run(t, func() {
		n := 0
		f := OnceFunc(func() { n++ })
		f()
		f()
		if n != 1 {
			t.Errorf("OnceFunc ran %d times", n)
		}
		p := OnceFunc(func() { panic("once") })
		for range 2 {
			func() {
				defer func() {
					if r := recover(); r != "once" {
						t.Errorf("recovered %v, want the same panic every call", r)
					}
				}()
				p()
			}()
		}
	})
}

func TestCondSignalsOnTheVirtualClock(t *testing.T) {
	h := newFake(true)
	symbols(h)
	var woke time.Duration
	h.run(t, func() {
		var mu Mutex
		c := NewCond(&mu)
		ready := false
		at(h, []time.Duration{0, 2 * time.Second},
			func() {
				mu.Lock()
				for !ready {
					c.Wait()
				}
				woke = vtime(h)
				mu.Unlock()
			},
			func() { mu.Lock(); ready = true; c.Broadcast(); mu.Unlock() },
		)
	})
	if woke != 2*time.Second {
		t.Errorf("the waiter woke at %v, want 2s", woke)
	}
}

func TestMisuseMessages(t *testing.T) {
	h := newFake(true)
	symbols(h)
	h.run(t, func() {
		cases := []struct {
			f    func()
			want string
		}{
			{func() { var mu Mutex; mu.Unlock() }, "fatal error: sync: unlock of unlocked mutex"},
			{func() { var rw RWMutex; rw.RUnlock() }, "fatal error: sync: RUnlock of unlocked RWMutex"},
			{func() { var rw RWMutex; rw.Unlock() }, "fatal error: sync: Unlock of unlocked RWMutex"},
			{func() { var wg WaitGroup; wg.Done() }, "sync: negative WaitGroup counter"},
		}
		for _, c := range cases {
			func() {
				defer func() {
					r := recover()
					var f *sched.Fatal
					msg := fmt.Sprint(r)
					if err, ok := r.(error); ok && errors.As(err, &f) {
						msg = f.Error()
					}
					if msg != c.want {
						t.Errorf("recovered %q, want %q", msg, c.want)
					}
				}()
				c.f()
			}()
		}
	})
}

func TestTimersOnTheVirtualClock(t *testing.T) {
	h := newFake(true)
	x := symbols(h)
	tm := x["time/time"]
	after := tm["After"].(func(time.Duration) <-chan time.Time)
	newTimer := tm["NewTimer"].(func(time.Duration) *Timer)
	newTicker := tm["NewTicker"].(func(time.Duration) *Ticker)
	afterFunc := tm["AfterFunc"].(func(time.Duration, func()) *Timer)
	now := tm["Now"].(func() time.Time)
	var log []string
	note := func(s string) { log = append(log, fmt.Sprintf("%v %s", vtime(h), s)) }
	h.run(t, func() {
		start := now()
		recv := func(c <-chan time.Time) time.Time {
			h.s.PreRecv(&c)
			return <-c
		}
		note(fmt.Sprint("after: ", recv(after(1500*time.Millisecond)).Sub(start)))
		stopped := newTimer(time.Second)
		if !stopped.Stop() || stopped.Stop() {
			t.Error("Stop should report true, then false")
		}
		tk := newTicker(time.Second)
		for range 3 {
			recv(tk.C)
			note("tick")
		}
		tk.Stop()
		done := make(chan bool)
		h.s.MakeChan(done, "done", "")
		afterFunc(2*time.Second, func() {
			note("func")
			d := done
			if h.s.PreSend(&d) {
				d <- true
				h.s.PostSend()
			} else {
				d <- true
			}
		})
		afterFunc(time.Second, func() { note("never") }).Stop()
		d := done
		h.s.PreRecv(&d)
		<-d
		note(now().Format("15:04:05"))
	})
	want := []string{"1.5s after: 1.5s", "2.5s tick", "3.5s tick", "4.5s tick", "6.5s func", "6.5s 23:00:06"}
	if !slices.Equal(log, want) {
		t.Errorf("got %q, want %q", log, want)
	}
}

func TestContextsOnTheVirtualClock(t *testing.T) {
	h := newFake(true)
	x := symbols(h)
	cx := x["context/context"]
	withTimeout := cx["WithTimeout"].(func(context.Context, time.Duration) (context.Context, context.CancelFunc))
	withCancel := cx["WithCancel"].(func(context.Context) (context.Context, context.CancelFunc))
	withCancelCause := cx["WithCancelCause"].(func(context.Context) (context.Context, context.CancelCauseFunc))
	afterFunc := cx["AfterFunc"].(func(context.Context, func()) func() bool)
	cause := cx["Cause"].(func(context.Context) error)
	var log []string
	note := func(s string) { log = append(log, fmt.Sprintf("%v %s", vtime(h), s)) }
	h.run(t, func() {
		ctx, cancel := withTimeout(context.Background(), 2*time.Second)
		defer cancel()
		child, stop := withCancel(context.WithValue(ctx, "k", "v"))
		defer stop()
		afterFunc(child, func() { note("after " + child.Err().Error()) })
		c := child.Done()
		h.s.PreRecv(&c)
		<-c
		note(fmt.Sprint(child.Err(), " ", child.Value("k"), " ", strings.Contains(fmt.Sprint(ctx), "WithDeadline")))
		h.s.Sleep(time.Millisecond) // let the AfterFunc goroutine run
		c2, cancel2 := withCancelCause(context.Background())
		cancel2(errors.New("enough"))
		note(fmt.Sprint(c2.Err(), " / ", cause(c2)))
	})
	// Both run at 2s: the AfterFunc goroutine, started last, runs first.
	want := []string{"2s after context deadline exceeded", "2s context deadline exceeded v true", "2.001s context canceled / enough"}
	if !slices.Equal(log, want) {
		t.Errorf("got %q, want %q", log, want)
	}
}

func TestRealClockUsesGosPrimitives(t *testing.T) {
	h := newFake(false)
	symbols(h)
	h.run(t, func() {
		var mu Mutex
		var wg sync.WaitGroup
		n := 0
		for range 50 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				mu.Lock()
				n++
				mu.Unlock()
			}()
		}
		wg.Wait()
		if n != 50 {
			t.Errorf("n = %d", n)
		}
	})
}
