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
//
// A quiet gap longer than the idle limit — the time between two events'
// stamps, before the speed divides it — is cut to the limit, as asciinema's
// -i does, so that time.Sleep(time.Hour) takes the limit, not an hour; the
// Cut callback hears how much was left out, so that the screen can say so.
// Stamps stay as they were.
type Player struct {
	speed   float64       // 0: no pacing
	limit   time.Duration // idle limit; 0: none
	show    func(event.Event)
	flush   func() // called whenever the player is about to wait
	onCut   func(time.Duration)
	onWait  func(time.Duration)
	quiet   func(event.Event) bool
	prevT   int64         // the stamp of the last event waited for
	cutTime time.Duration // run time left out of the playback so far
	flushed time.Time     // when idle last flushed

	mu      sync.Mutex
	queue   []event.Event
	closed  bool
	skipped bool
	wake    chan struct{}
	skip    chan struct{}
	done    chan struct{}
	started time.Time // when the run began on screen
}

// DefaultIdleLimit is the idle limit of playback unless the learner sets
// another (--idle-limit, :speed idle): a few seconds, as asciinema users set.
const DefaultIdleLimit = 2 * time.Second

// NewPlayer starts a player that calls show for each event, and flush
// (if not nil) whenever it is about to wait, so buffered output reaches the
// screen. speed <= 0 shows every event at once. It keeps every gap as it
// was; NewPacedPlayer can cut long ones.
func NewPlayer(speed float64, show func(event.Event), flush func()) *Player {
	return NewPacedPlayer(PlayOptions{Speed: speed, Show: show, Flush: flush})
}

// PlayOptions say how a Player shows a run.
type PlayOptions struct {
	Speed     float64       // playback speed; <= 0 shows every event at once
	IdleLimit time.Duration // quiet gaps longer than this are cut to it; 0 keeps them
	Show      func(event.Event)
	Flush     func() // if set, called whenever the player is about to wait
	// Cut, if set, is called when a quiet gap was cut, with the run time
	// left out, just before the event after the gap is shown.
	Cut func(left time.Duration)
	// Wait, if set, is called before each wait of real time, with its length.
	Wait func(d time.Duration)
	// Quiet, if set, says which events the screen does not show: they
	// are shown at once, and a quiet gap counts from the last event that
	// was not quiet (a ticker that prints nothing would otherwise be
	// played tick by tick, each gap under the limit, for its whole time).
	Quiet func(event.Event) bool
}

// NewPacedPlayer starts a player as o says.
func NewPacedPlayer(o PlayOptions) *Player {
	p := &Player{speed: o.Speed, limit: max(o.IdleLimit, 0), show: o.Show, flush: o.Flush, onCut: o.Cut, onWait: o.Wait, quiet: o.Quiet,
		wake: make(chan struct{}, 1), skip: make(chan struct{}), done: make(chan struct{}), started: time.Now()}
	if p.flush == nil {
		p.flush = func() {}
	}
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
			if !skipped && (p.quiet == nil || !p.quiet(e)) {
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

// idle waits for more events. What was shown reaches the screen at once
// when nothing was flushed for a moment (the first line of a run, a line
// after a pause), else a moment after the last flush unless an event comes
// first: a flush for each batch would cost a write per line when the engine
// sends a burst, waiting for the burst's end would make a person wait.
func (p *Player) idle() {
	const moment = 2 * time.Millisecond
	if since := time.Since(p.flushed); since < moment {
		timer := time.NewTimer(moment - since)
		defer timer.Stop()
		select {
		case <-p.wake:
			return
		case <-timer.C:
		}
	}
	p.flush()
	p.flushed = time.Now()
	<-p.wake
}

// waitFor sleeps until the moment an event stamped t is due: t, less the run
// time cut from quiet gaps so far, divided by the speed, after the start.
func (p *Player) waitFor(t int64) {
	if p.speed <= 0 {
		return
	}
	var cut time.Duration
	if gap := time.Duration(t - p.prevT); p.limit > 0 && gap > p.limit {
		cut = gap - p.limit
	}
	p.prevT = max(p.prevT, t)
	p.cutTime += cut
	due := p.started.Add(time.Duration(float64(time.Duration(t)-p.cutTime) / p.speed))
	if d := time.Until(due); d > 0 {
		if p.onWait != nil {
			p.onWait(d)
		}
		p.flush()
		timer := time.NewTimer(d)
		defer timer.Stop()
		select {
		case <-timer.C:
		case <-p.skip:
			return
		}
	}
	if cut > 0 && p.onCut != nil {
		p.onCut(cut)
	}
}
