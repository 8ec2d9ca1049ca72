// Package repl is concur's read-eval-print loop: it reads Go from a line
// source (readline on a terminal, any reader otherwise), runs each input in an
// engine.Session, and shows the run's output stamped with time and goroutine,
// then a timeline of its goroutines.
//
// The multi-line rule: an input goes on while Incomplete says more lines could
// finish it (an open bracket, raw string or comment, a trailing operator); the
// prompt then reads "... ". A blank line or Ctrl-C abandons an unfinished
// input. A line starting with ':' is a meta-command (:help lists them).
//
// Ctrl-C has two paths. At the prompt readline returns ErrInterrupt and the
// line is dropped. While code runs the terminal is not in raw mode, so Ctrl-C
// arrives as SIGINT: it stops the run (the session survives), or, when the run
// is over and its output is still being played at its recorded pace, skips to
// the end of it.
package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/concur-dev/concur/engine"
	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/rewrite"
	"github.com/concur-dev/concur/session"
	"github.com/concur-dev/concur/stdlib"
)

// ErrInterrupt is what a LineSource returns when Ctrl-C is pressed at the
// prompt.
var ErrInterrupt = errors.New("interrupt")

// LineSource is where inputs come from.
type LineSource interface {
	// ReadLine shows prompt and returns one line without its newline; io.EOF
	// at the end, ErrInterrupt on Ctrl-C.
	ReadLine(prompt string) (string, error)
	// AddHistory records a finished input, however many lines it had.
	AddHistory(input string)
	// History returns the inputs recorded so far, oldest first.
	History() []string
	// Interactive reports whether a person is typing (prompts, colours, pacing).
	Interactive() bool
	// Skip returns a channel that receives when the person asks to skip the
	// playback of a run (Enter while output plays); nil if there is no such key.
	Skip() <-chan struct{}
	Close() error
}

// Config configures a REPL.
type Config struct {
	Engine   engine.Options
	Color    bool
	Speed    float64 // playback speed of a run's output on a terminal; 0: no waiting
	Timeline bool    // draw a timeline after runs that slept or used goroutines
	Lang     string  // "en" or "zh"
	Width    func() int
	Out, Err io.Writer
	// Completer, if set, is kept pointed at the session's declarations.
	Completer *Completer
	// Record, if set, is a file to record the session to from the start.
	Record string
	// Learn, if set, opens a lesson (lesson mode, learn.go).
	Learn *Learn
}

// REPL is one interactive session.
type REPL struct {
	cfg     Config
	src     LineSource
	sess    *engine.Session
	printer *Printer
	env     *rewrite.Env // what the session declared, for completion
	last    []event.Event
	rec     *session.Writer // the recording in progress, if any
	recPath string
	names   map[int]string // every goroutine's name, across runs
	worst   int
	inputs  int
	msg     messages
	learn   *learner // nil outside lesson mode

	mu     sync.Mutex
	cancel context.CancelFunc // stops the run in progress
	player *Player            // plays the run in progress
}

// Run reads inputs from src until it ends or :quit, and returns the exit
// status: for piped input the worst status of any input, else 0.
func Run(cfg Config, src LineSource) int {
	if cfg.Lang == "" {
		cfg.Lang = "en"
	}
	if cfg.Width == nil {
		cfg.Width = func() int { return 80 }
	}
	r := &REPL{cfg: cfg, src: src, msg: catalog(cfg.Lang)}
	r.printer = NewPrinter(cfg.Out, cfg.Err, cfg.Color)
	r.printer.Values = true
	r.env = rewrite.NewEnv(stdlib.Names(cfg.Engine.Unrestricted))
	if cfg.Completer != nil {
		cfg.Completer.attach(r.env)
	}
	sess, err := engine.NewSession(cfg.Engine)
	if err != nil {
		fmt.Fprintf(cfg.Err, "concur: %v\n", err)
		return 1
	}
	r.sess = sess
	defer func() { r.sess.Close() }()

	// While code runs, Ctrl-C is SIGINT: it must stop the run, not concur.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	defer signal.Stop(sigs)
	go r.interrupts(sigs)

	if src.Interactive() {
		fmt.Fprintln(cfg.Out, r.msg.banner)
	}
	if cfg.Record != "" && r.startRecording(cfg.Record) != nil {
		return 1
	}
	defer r.stopRecording()
	if cfg.Learn != nil {
		r.startLesson()
	}
	for {
		input, err := r.read()
		if err == io.EOF {
			if src.Interactive() {
				fmt.Fprintln(cfg.Out)
			}
			break
		}
		if err != nil {
			fmt.Fprintf(cfg.Err, "concur: %v\n", err)
			return 1
		}
		if strings.TrimSpace(input) == "" {
			continue
		}
		src.AddHistory(input)
		if strings.HasPrefix(strings.TrimSpace(input), ":") {
			if quit := r.meta(strings.TrimSpace(input)); quit {
				break
			}
			continue
		}
		r.typedInput(input, r.eval(input, ""))
	}
	if src.Interactive() {
		return 0
	}
	return r.worst
}

// read reads one input, line by line while it is incomplete.
func (r *REPL) read() (string, error) {
	prompt := "> "
	if !r.src.Interactive() {
		prompt = ""
	}
	var lines []string
	for {
		line, err := r.src.ReadLine(prompt)
		if err == ErrInterrupt {
			if len(lines) > 0 && r.src.Interactive() {
				fmt.Fprintln(r.cfg.Err, r.msg.abandoned)
			}
			lines = nil
			prompt = promptFor(r.src, "> ")
			continue
		}
		if err == io.EOF && len(lines) > 0 {
			// The input ended inside a construct: hand it over as it is,
			// and let the engine say what is missing.
			return strings.Join(lines, "\n"), nil
		}
		if err != nil {
			return "", err
		}
		if len(lines) > 0 && strings.TrimSpace(line) == "" && r.src.Interactive() {
			fmt.Fprintln(r.cfg.Err, r.msg.abandoned)
			lines = nil
			prompt = promptFor(r.src, "> ")
			continue
		}
		lines = append(lines, line)
		input := strings.Join(lines, "\n")
		if !r.src.Interactive() && (rewrite.IsProgram(input) || rewrite.NoCode(input)) {
			// A piped file is one program (concur < prog.go): read it to
			// its end; comments before it are part of it.
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(input), ":") || !Incomplete(input) {
			return input, nil
		}
		prompt = promptFor(r.src, Continuation)
	}
}

func promptFor(src LineSource, p string) string {
	if !src.Interactive() {
		return ""
	}
	return p
}

// InputName is the name positions give the REPL's nth input: "#3:1:13" is
// line 1, column 13 of the session's third input.
func InputName(n int) string { return fmt.Sprintf("#%d", n) }

// eval runs one input and shows it; it returns the input's exit status.
func (r *REPL) eval(input, file string) int {
	r.inputs++
	if file == "" {
		file = InputName(r.inputs)
	}
	r.printer.NewRun()
	if r.rec != nil {
		r.rec.Input(input)
	}
	events, res, err := r.play(r.sess, r.printer, file, input, false)
	if r.rec != nil {
		for _, e := range events {
			r.rec.Event(e)
		}
		if err := r.rec.Err(); err != nil {
			r.fail(r.msg.recordFailed, err)
			r.stopRecording()
		}
	}
	if err != nil {
		fmt.Fprintf(r.cfg.Err, "concur: %v\n", err)
		r.worst = max(r.worst, 1)
		return 1
	}
	r.worst = max(r.worst, res.Code)
	if len(res.AutoImports) > 0 && r.src.Interactive() {
		fmt.Fprintln(r.cfg.Err, r.printer.paint(dim, fmt.Sprintf(r.msg.imported, strings.Join(res.AutoImports, ", "))))
	}
	if res.Code == 0 {
		if in, err := rewrite.Rewrite(file, input, r.env); err == nil {
			r.env.Add(in)
		}
	}
	r.last = r.named(events)
	if r.cfg.Timeline && r.src.Interactive() && TimelineNeeded(events) && elapsed(events) > 0 {
		fmt.Fprint(r.cfg.Out, Timeline(r.last, r.cfg.Width(), r.cfg.Color))
	}
	return res.Code
}

// named gives the timeline the names of goroutines that earlier inputs
// started: a `go` event at the start of the run for each.
func (r *REPL) named(events []event.Event) []event.Event {
	if r.names == nil {
		r.names = map[int]string{}
	}
	started := map[int]bool{1: true}
	var missing []event.Event
	for _, e := range events {
		switch {
		case e.Kind == event.Go:
			r.names[e.G] = e.Name
			started[e.G] = true
		case e.G > 1 && !started[e.G]:
			started[e.G] = true
			if name, ok := r.names[e.G]; ok {
				missing = append(missing, event.Event{Kind: event.Go, G: e.G, Name: name})
			}
		}
	}
	return append(missing, events...)
}

// elapsed is a run's total time: its exit event's.
func elapsed(events []event.Event) int64 {
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Kind == event.Exit {
			return events[i].T
		}
	}
	return 0
}

// startRecording begins recording the session to path.
func (r *REPL) startRecording(path string) error {
	r.stopRecording()
	w, err := session.Create(path, session.Header{
		Concur: Version(), Clock: r.sess.Clock(), Lang: r.cfg.Lang, Cols: r.cfg.Width(), Rows: 24,
	})
	if err != nil {
		r.fail(r.msg.recordFailed, err)
		return err
	}
	r.rec = w
	r.recPath = path
	if r.src.Interactive() {
		r.say(r.msg.recording, path)
	}
	return nil
}

// stopRecording ends the recording in progress, if any.
func (r *REPL) stopRecording() {
	if r.rec == nil {
		return
	}
	if err := r.rec.Close(); err != nil {
		r.fail(r.msg.recordFailed, err)
	}
	if r.src.Interactive() {
		r.say(r.msg.recordStopped, r.recPath)
	}
	r.rec = nil
}

// Version is concur's version as the build knows it ("devel" from a checkout).
func Version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}

// play runs one input in sess and shows its events through printer as they
// come, paced on a terminal; Ctrl-C stops it or skips its playback, Enter
// skips the playback. It returns the run's events.
func (r *REPL) play(sess *engine.Session, printer *Printer, file, src string, final bool) ([]event.Event, engine.Result, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	speed := r.cfg.Speed
	if !r.src.Interactive() || sess.Clock() == "real" {
		speed = 0
	}
	if r.src.Interactive() {
		// Keys typed while the run plays must not land in its output; the
		// prompt shows them afterwards.
		defer quietTerminal()()
	}
	player := NewPlayer(speed, printer.Event, printer.Flush)
	r.mu.Lock()
	r.cancel, r.player = cancel, player
	r.mu.Unlock()
	stopSkip := make(chan struct{})
	if skip := r.src.Skip(); skip != nil {
		go func() {
			select {
			case <-skip:
				player.Skip()
			case <-stopSkip:
			}
		}()
	}
	var events []event.Event
	res, err := sess.Run(ctx, file, src, final, func(e event.Event) {
		events = append(events, e)
		player.Add(e)
	})
	player.Close()
	close(stopSkip)
	r.mu.Lock()
	r.cancel, r.player = nil, nil
	r.mu.Unlock()
	return events, res, err
}

// interrupts turns SIGINT into stopping the run in progress, or skipping
// its playback once the run is over.
func (r *REPL) interrupts(sigs <-chan os.Signal) {
	for range sigs {
		r.mu.Lock()
		cancel, player := r.cancel, r.player
		r.mu.Unlock()
		if player != nil {
			// The terminal has echoed ^C; what we print next starts a line.
			fmt.Fprintln(r.cfg.Err)
			player.Skip()
		}
		if cancel != nil {
			cancel()
		}
	}
}
