// Package session records what happened in a concur session to a file and
// reads it back: a versioned header, then one line per input and one line per
// engine event, in JSON Lines (see docs/sessions.md).
//
// A session file is append-only and every line is flushed as it is written,
// so a session cut short by a crash or a kill stays readable up to its last
// complete line. This package imports nothing of concur's but event.
package session

import (
	"time"

	"github.com/concur-dev/concur/event"
)

// Version is the version of the session format. It changes when a field is
// removed or changes meaning; adding a kind of line or a field keeps it.
const Version = 1

// Header is the first line of a session file.
type Header struct {
	Kind   string    `json:"kind"` // always "session"
	V      int       `json:"v"`    // the format's version
	Concur string    `json:"concur"`
	Go     string    `json:"go"`
	Clock  string    `json:"clock"` // "virtual" or "real"
	Lang   string    `json:"lang"`  // "en" or "zh"
	Cols   int       `json:"cols"`  // the terminal's size when recording began
	Rows   int       `json:"rows"`
	Start  time.Time `json:"start"` // when recording began
	// Seed is the schedule's seed on the virtual clock; Scheduled says the
	// session ran on concur's own scheduler, so a rerun with the seed gives
	// every run exactly again, ties included (recordings made before it
	// had one may differ in the order of ties).
	Seed      uint64 `json:"seed,omitempty"`
	Scheduled bool   `json:"scheduled,omitempty"`
}

// Session is a session file read back.
type Session struct {
	Header Header
	Inputs []Input
	// Warnings are problems that did not stop reading, each naming its line:
	// a last line cut short by a crash or a kill.
	Warnings []string
}

// Input is one input and the events its run produced.
type Input struct {
	N      int           // the input's number: 1, 2, ...
	T      time.Duration // when it was entered, since the session started
	Src    string
	Clock  string // the clock it ran on: the header's unless the line says
	Events []Event
}

// Event is one engine event as recorded.
type Event struct {
	event.Event
	// At is when the event reached the terminal side, since the session
	// started (real time). The event's own T is on the run's clock.
	At time.Duration
}

// EngineEvents returns the input's events without their recording times.
func (in Input) EngineEvents() []event.Event {
	out := make([]event.Event, len(in.Events))
	for i, e := range in.Events {
		out[i] = e.Event
	}
	return out
}
