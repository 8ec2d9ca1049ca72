package engine

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/concur-dev/concur/event"
)

// Schedule is one run of an explored input: its seed, its events, and how
// it ended.
type Schedule struct {
	Seed   uint64
	Events []event.Event
	Result Result
}

// exploreChunk is how many schedules one worker process runs before a new
// one takes over: the goroutines of each schedule's finished program stay
// parked in the process until it ends.
const exploreChunk = 64

// Explore runs src (named file; final: a whole program) under the
// schedules of seeds, with every sleep and timer perturbed by up to jitter,
// each in a program of its own that first replays the session's inputs, on
// as many worker processes at once as there are processors (two at most).
// each receives every schedule when it is done, from one goroutine at a
// time. The session's own program is not touched. Cancelling ctx stops it.
func (s *Session) Explore(ctx context.Context, file, src string, final bool, seeds []uint64, jitter float64, each func(Schedule)) error {
	s.mu.Lock()
	history := make([]request, len(s.history))
	for i, r := range s.history {
		history[i] = request{File: r.file, Src: r.src, StopAt: r.stopAt}
	}
	s.mu.Unlock()
	return s.explore(ctx, request{File: file, Src: src, Final: final, Explore: true, Jitter: jitter, History: history}, seeds, each)
}

// ExploreLast explores the session's last input as Explore does, after the
// inputs before it. It reports false if no input has run yet.
func (s *Session) ExploreLast(ctx context.Context, seeds []uint64, jitter float64, each func(Schedule)) (bool, error) {
	s.mu.Lock()
	if len(s.history) == 0 {
		s.mu.Unlock()
		return false, nil
	}
	last := s.history[len(s.history)-1]
	history := make([]request, len(s.history)-1)
	for i, r := range s.history[:len(s.history)-1] {
		history[i] = request{File: r.file, Src: r.src, StopAt: r.stopAt}
	}
	s.mu.Unlock()
	req := request{File: last.file, Src: last.src, Explore: true, Jitter: jitter, History: history}
	return true, s.explore(ctx, req, seeds, each)
}

func (s *Session) explore(ctx context.Context, req request, seeds []uint64, each func(Schedule)) error {
	req.Op = "explore"
	var (
		mu      sync.Mutex
		next    int
		firstEr error
		wg      sync.WaitGroup
	)
	take := func() []uint64 { // the next chunk of seeds, or nil
		mu.Lock()
		defer mu.Unlock()
		if next >= len(seeds) {
			return nil
		}
		end := min(next+exploreChunk, len(seeds))
		chunk := seeds[next:end]
		next = end
		return chunk
	}
	deliver := func(sc Schedule) {
		mu.Lock()
		defer mu.Unlock()
		each(sc)
	}
	for range min(2, runtime.NumCPU(), max(1, len(seeds))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for chunk := take(); chunk != nil; chunk = take() {
				if err := s.exploreChunk(ctx, req, chunk, deliver); err != nil {
					mu.Lock()
					if firstEr == nil {
						firstEr = err
					}
					mu.Unlock()
					return
				}
			}
		}()
	}
	wg.Wait()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return firstEr
}

// exploreChunk runs some schedules in a worker process of their own. A
// schedule that ends the process is reported as it ended, and the rest go
// on in a new one.
func (s *Session) exploreChunk(ctx context.Context, req request, seeds []uint64, deliver func(Schedule)) error {
	for len(seeds) > 0 {
		w, err := s.start()
		if err != nil {
			return err
		}
		req.Seeds = seeds
		done, err := s.exploreIn(ctx, w, req, deliver)
		w.kill()
		if err != nil {
			return err
		}
		seeds = seeds[done:]
	}
	return nil
}

// exploreIn sends an explore request to w and hands over each schedule as
// its result arrives; it returns how many schedules it finished.
func (s *Session) exploreIn(ctx context.Context, w *workerProc, req request, deliver func(Schedule)) (int, error) {
	if err := w.send(req); err != nil {
		return 0, errors.New("the explorer's worker did not start")
	}
	done := 0
	var events []event.Event
	// Each schedule has the session's real-time budget.
	budget := time.NewTimer(time.Hour)
	defer budget.Stop()
	arm := func() {
		budget.Reset(time.Hour)
		if s.opts.Timeout > 0 {
			budget.Reset(s.opts.Timeout)
		}
	}
	arm()
	for done < len(req.Seeds) {
		var batch []frame
		select {
		case <-ctx.Done():
			return done, ctx.Err()
		case <-budget.C:
			s.stop(w, fmt.Sprintf("stopped: the run took more than %v of real time (--timeout)", s.opts.Timeout))
		case b, ok := <-w.frames:
			if !ok {
				// The schedule in progress ended the process (a fatal error
				// of the runtime): it counts, as the death it was.
				_, l := s.died(w, func(e event.Event) { events = append(events, e) }, nil)
				_ = l
				deliver(Schedule{Seed: req.Seeds[done], Events: events, Result: Result{Code: 2, Outcome: Died}})
				return done + 1, nil
			}
			batch = b
		}
		for _, f := range batch {
			switch f.typ {
			case frameResult:
				r := *f.result
				deliver(Schedule{Seed: r.Seed, Events: events, Result: Result{Code: r.Code, Outcome: Outcome(r.Outcome), Elapsed: elapsedOf(events)}})
				events = nil
				done++
				arm()
				if r.Dead || r.Goroutines > 100_000 {
					// It ends now (a goroutine would not stop), or holds
					// too many parked goroutines: a new one goes on.
					return done, nil
				}
			default:
				if e, ok := w.take(f); ok {
					events = append(events, e)
				}
			}
		}
	}
	return done, nil
}

// elapsedOf is a run's time: its exit event's.
func elapsedOf(events []event.Event) time.Duration {
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Kind == event.Exit {
			return time.Duration(events[i].T)
		}
	}
	return 0
}
