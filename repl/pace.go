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
	var batch []event.Event
	for {
		// Take everything queued at once: the engine may be adding a
		// million events, and taking them one by one would contend.
		p.mu.Lock()
		batch, p.queue = p.queue, batch[:0]
		closed, skipped := p.closed, p.skipped
		p.mu.Unlock()
		if len(batch) == 0 {
			if closed {
				p.flush()
				return
			}
			p.idle()
			continue
		}
		for i, e := range batch {
			if !skipped {
				p.waitFor(e.T)
				if i%64 == 0 {
					p.mu.Lock()
					skipped = p.skipped
					p.mu.Unlock()
				}
			}
			p.show(e)
		}
	}
}

// idle waits for more events. What was shown reaches the screen once no
// event has come for a moment: at once would cost a write per line when the
// engine sends a burst, later would make a person wait.
func (p *Player) idle() {
	timer := time.NewTimer(2 * time.Millisecond)
	defer timer.Stop()
	select {
	case <-p.wake:
		return
	case <-timer.C:
	}
	p.flush()
	<-p.wake
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
