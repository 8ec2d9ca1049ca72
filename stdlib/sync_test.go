package stdlib

import (
	"errors"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// In these tests time is the bubble's: exact and deterministic. With Go's
// sync.Mutex the first one would never finish (the clock cannot advance
// while a goroutine waits in Lock).

func TestMutexIsDurable(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu Mutex
		var wg sync.WaitGroup
		start := time.Now()
		for range 2 {
			wg.Go(func() {
				mu.Lock()
				time.Sleep(time.Second)
				mu.Unlock()
			})
		}
		wg.Wait()
		if got := time.Since(start); got != 2*time.Second {
			t.Errorf("two goroutines each holding the lock for 1s took %v, want 2s", got)
		}
	})
}

func TestMutexTryLock(t *testing.T) {
	var mu Mutex
	if !mu.TryLock() {
		t.Fatal("TryLock on a free Mutex failed")
	}
	if mu.TryLock() {
		t.Fatal("TryLock on a locked Mutex succeeded")
	}
	mu.Unlock()
	mu.Lock()
	mu.Unlock()
}

// at runs fs[i] on its own goroutine at virtual time offsets[i] and waits for all.
func at(offsets []time.Duration, fs ...func()) {
	var wg sync.WaitGroup
	for i, f := range fs {
		wg.Go(func() {
			time.Sleep(offsets[i])
			f()
		})
	}
	wg.Wait()
}

func TestRWMutex(t *testing.T) {
	t.Run("readers overlap", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var rw RWMutex
			start := time.Now()
			read := func() { rw.RLock(); time.Sleep(time.Second); rw.RUnlock() }
			at([]time.Duration{0, 0, 0}, read, read, read)
			if got := time.Since(start); got != time.Second {
				t.Errorf("three readers holding the lock for 1s took %v, want 1s", got)
			}
		})
	})
	t.Run("a writer excludes", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var rw RWMutex
			start := time.Now()
			var mu sync.Mutex // guards got; held only to append
			var got []string
			note := func(s string) {
				mu.Lock()
				defer mu.Unlock()
				got = append(got, s+"@"+time.Since(start).String())
			}
			write := func(name string) func() {
				return func() { rw.Lock(); note(name); time.Sleep(time.Second); rw.Unlock() }
			}
			read := func() { rw.RLock(); note("reader"); time.Sleep(time.Second); rw.RUnlock() }
			at([]time.Duration{0, 500 * time.Millisecond, 600 * time.Millisecond}, write("w1"), read, write("w2"))
			slices.Sort(got)
			want := []string{"reader@1s", "w1@0s", "w2@2s"}
			if !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	})
	t.Run("a waiting writer holds back new readers", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var rw RWMutex
			start := time.Now()
			var lateReader, writer time.Duration
			at([]time.Duration{0, 500 * time.Millisecond, time.Second},
				func() { rw.RLock(); time.Sleep(2 * time.Second); rw.RUnlock() },
				func() { rw.Lock(); writer = time.Since(start); time.Sleep(time.Second); rw.Unlock() },
				func() { rw.RLock(); lateReader = time.Since(start); rw.RUnlock() },
			)
			// Without writer preference the late reader would get in at 1s.
			if writer != 2*time.Second || lateReader != 3*time.Second {
				t.Errorf("writer in at %v, late reader at %v; want 2s and 3s", writer, lateReader)
			}
		})
	})
	t.Run("TryLock and TryRLock", func(t *testing.T) {
		var rw RWMutex
		if !rw.TryRLock() || !rw.TryRLock() {
			t.Fatal("TryRLock on a free RWMutex failed")
		}
		if rw.TryLock() {
			t.Fatal("TryLock on a read-locked RWMutex succeeded")
		}
		rw.RUnlock()
		rw.RUnlock()
		if !rw.TryLock() {
			t.Fatal("TryLock on a free RWMutex failed")
		}
		if rw.TryRLock() {
			t.Fatal("TryRLock on a write-locked RWMutex succeeded")
		}
		rw.Unlock()
	})
	t.Run("RLocker", func(t *testing.T) {
		var rw RWMutex
		l := rw.RLocker()
		l.Lock()
		if rw.TryLock() {
			t.Fatal("TryLock succeeded while an RLocker holds the lock")
		}
		l.Unlock()
		if !rw.TryLock() {
			t.Fatal("TryLock failed after the RLocker unlocked")
		}
	})
}

func TestOnceWaitsForASleepingDo(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var once Once
		calls := 0
		start := time.Now()
		var done []time.Duration
		var mu sync.Mutex
		do := func() {
			once.Do(func() { calls++; time.Sleep(time.Second) })
			mu.Lock()
			done = append(done, time.Since(start))
			mu.Unlock()
		}
		at([]time.Duration{0, 100 * time.Millisecond}, do, do)
		if calls != 1 || !slices.Equal(done, []time.Duration{time.Second, time.Second}) {
			t.Errorf("f ran %d times; Do returned at %v; want 1 run, both at 1s", calls, done)
		}
		once.Do(func() { t.Error("Do ran f a second time") })
	})
}

func TestOnceFunc(t *testing.T) {
	calls := 0
	f := OnceFunc(func() { calls++ })
	f()
	f()
	if calls != 1 {
		t.Errorf("f ran %d times, want 1", calls)
	}
	g := OnceFunc(func() { calls++; panic("boom") })
	for range 2 {
		if r := catch(g); r != "boom" {
			t.Errorf("call panicked with %v, want boom", r)
		}
	}
	if calls != 2 {
		t.Errorf("the panicking function ran %d times, want 1", calls-1)
	}
}

func TestWaitGroupGo(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := &fakeHooks{}
		Symbols(h, false) // makes h the session's Hooks
		var wg WaitGroup
		ran := 0
		start := time.Now()
		wg.Go(func() { time.Sleep(time.Second); ran++ })
		wg.Wait()
		_, _, _, _, gos := h.record()
		if ran != 1 || time.Since(start) != time.Second || !slices.Equal(gos, []string{"sync.WaitGroup.Go"}) {
			t.Errorf("ran %d, waited %v, hooks started %q; want 1, 1s, [sync.WaitGroup.Go]", ran, time.Since(start), gos)
		}
	})
}

func TestCondWithMutexIsDurable(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu Mutex
		c := sync.NewCond(&mu)
		ready := false
		start := time.Now()
		go func() {
			time.Sleep(time.Second)
			mu.Lock()
			ready = true
			mu.Unlock()
			c.Broadcast()
		}()
		mu.Lock()
		for !ready {
			c.Wait()
		}
		mu.Unlock()
		if got := time.Since(start); got != time.Second {
			t.Errorf("woke at %v, want 1s", got)
		}
	})
}

func TestMisuseMessages(t *testing.T) {
	tests := []struct {
		name  string
		f     func()
		want  string
		fatal bool
	}{
		{"Mutex.Unlock", func() { var mu Mutex; mu.Unlock() }, "fatal error: sync: unlock of unlocked mutex", true},
		{"RWMutex.RUnlock", func() { var rw RWMutex; rw.RUnlock() }, "fatal error: sync: RUnlock of unlocked RWMutex", true},
		{"RWMutex.RUnlock after Lock", func() { var rw RWMutex; rw.Lock(); rw.RUnlock() }, "fatal error: sync: RUnlock of unlocked RWMutex", true},
		{"RWMutex.Unlock", func() { var rw RWMutex; rw.Unlock() }, "fatal error: sync: Unlock of unlocked RWMutex", true},
		{"WaitGroup.Add", func() { var wg WaitGroup; wg.Add(-1) }, "sync: negative WaitGroup counter", false},
		{"WaitGroup.Done", func() { var wg WaitGroup; wg.Done() }, "sync: negative WaitGroup counter", false},
	}
	for _, tt := range tests {
		r := catch(tt.f)
		var got string
		switch r := r.(type) {
		case error:
			got = r.Error()
		case string:
			got = r
		}
		var fe *FatalError
		isFatal := false
		if err, ok := r.(error); ok {
			isFatal = errors.As(err, &fe)
		}
		if got != tt.want || isFatal != tt.fatal {
			t.Errorf("%s: panicked with %#v (a *FatalError: %v), want %q (%v)", tt.name, r, isFatal, tt.want, tt.fatal)
		}
	}
}

func catch(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}
