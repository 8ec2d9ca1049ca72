package repl

import (
	"sync"
	"time"

	"github.com/concur-dev/concur/event"
)

// Player shows a run's events at the pace they were recorded: an event
// stamped +1.5s appears 1.5 s (divided by the speed) after the run began on
// screen. The engine hands events over as fast as it makes them — on the
// virtual clock much faster than real time — so Player queues them and a
// goroutine of its own plays them, and the engine is never held up.
type Player struct {
	speed float64 // 0: no pacing
	show  func(event.Event)
	flush func() // called whenever the player is about to wait

	mu      sync.Mutex
	queue   []event.Event
	closed  bool
	skipped bool
	wake    chan struct{}
	skip    chan struct{}
	done    chan struct{}
	started time.Time // when the run began on screen
}

// NewPlayer starts a player that calls show for each event, and flush
// (if not nil) whenever it is about to wait, so buffered output reaches the
// screen. speed <= 0 shows every event at once.
func NewPlayer(speed float64, show func(event.Event), flush func()) *Player {
	if flush == nil {
		flush = func() {}
	}
	p := &Player{speed: speed, show: show, flush: flush, wake: make(chan struct{}, 1), skip: make(chan struct{}), done: make(chan struct{}), started: time.Now()}
	go p.loop()
	return p
}

// Add queues an event.
func (p *Player) Add(e event.Event) {
	p.mu.Lock()
	p.queue = append(p.queue, e)
	p.mu.Unlock()
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// Skip shows everything queued, and everything added later, at once.
func (p *Player) Skip() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.skipped {
		p.skipped = true
		close(p.skip)
	}
}

// Close waits until every queued event was shown.
func (p *Player) Close() {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	select {
	case p.wake <- struct{}{}:
	default:
	}
	<-p.done
}

func (p *Player) loop() {
	defer close(p.done)
	for {
		p.mu.Lock()
		if len(p.queue) == 0 {
			closed := p.closed
			p.mu.Unlock()
			p.flush()
			if closed {
				return
			}
			<-p.wake
			continue
		}
		e := p.queue[0]
		p.queue = p.queue[1:]
		skipped := p.skipped
		p.mu.Unlock()
		if !skipped {
			p.waitFor(e.T)
		}
		p.show(e)
	}
}

// waitFor sleeps until the moment an event stamped t is due.
func (p *Player) waitFor(t int64) {
	if p.speed <= 0 {
		return
	}
	due := p.started.Add(time.Duration(float64(t) / p.speed))
	d := time.Until(due)
	if d <= 0 {
		return
	}
	p.flush()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-p.skip:
	}
}
