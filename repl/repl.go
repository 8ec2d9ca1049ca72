// Package repl is concur's read-eval-print loop: it reads Go from a line
// source (readline on a terminal, any reader otherwise), runs each input in an
// engine.Session, and shows the run's output stamped with time and goroutine,
// then a timeline of its goroutines.
//
// The multi-line rule: an input goes on while Incomplete says more lines could
// finish it (an open bracket, raw string or comment, a trailing operator); the
// prompt then reads "... ". A blank line is part of the input like any other
// (gofmt puts them inside functions) and never ends it; Ctrl-C abandons an
// unfinished input. A paste (bracketed paste, on a terminal) is one input with
// the line it was pasted into, whatever lines it holds, blank ones included:
// it runs as soon as it is complete, or goes on at "... " if it is not. A line
// starting with ':' is a meta-command (:help lists them).
//
// Output is played at its recorded pace on a terminal (Player); quiet gaps
// longer than the idle limit are cut to it and shown as cut. Everything shown
// of a run or a session file goes through Visible: control characters and
// escape sequences are shown escaped, never sent to the terminal as they are.
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
	"io/fs"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

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
	Engine engine.Options
	// Budgets gives a clock's budgets, for :clock; nil keeps the engine
	// options' own (and none but the timeout on the real clock).
	Budgets func(clock string) (maxVirtual, timeout time.Duration)
	Color   bool
	Speed   float64 // playback speed of a run's output on a terminal; 0: no waiting
	// IdleLimit cuts quiet gaps in the playback longer than this (in the
	// run's time) to it, and says so; 0 keeps them.
	IdleLimit time.Duration
	Timeline  bool   // draw a timeline after runs that slept or used goroutines
	Lang      string // "en" or "zh"
	Width     func() int
	Rows      func() int // the terminal's height, for the timeline; nil: not known
	Out, Err  io.Writer
	// Completer, if set, is kept pointed at the session's declarations.
	Completer *Completer
	// Record, if set, is a file to record the session to from the start;
	// RecordMode says what to do if it exists.
	Record     string
	RecordMode RecordMode
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
	carry   Carry // what the session's goroutines were doing when the last run ended
	runEnd  int64 // when the last run that ran ended, on its clock
	worst   int
	inputs  int
	msg     messages
	learn   *learner // nil outside lesson mode
	// toldOpen: the learner has been told that a blank line does not end
	// an unfinished input.
	toldOpen bool
	// toldSkip: the learner has been told that Enter skips a wait.
	toldSkip atomic.Bool

	bgMu  sync.Mutex
	bg    *Printer       // shows what goroutines print between inputs (the real clock)
	names map[int]string // of the session's goroutines, for bg

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
	r.printer = r.newPrinter(cfg.Out, cfg.Err)
	r.printer.Values = true
	r.printer.Lang = cfg.Lang
	r.env = rewrite.NewEnv(stdlib.Names(cfg.Engine.Unrestricted))
	if cfg.Completer != nil {
		cfg.Completer.attach(r.env)
	}
	// On the real clock goroutines go on while the learner types: what they
	// print is shown as it comes, above the prompt.
	r.cfg.Engine.Background = r.background
	sess, err := engine.NewSession(r.cfg.Engine)
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
	if cfg.Record != "" && r.startRecording(cfg.Record, cfg.RecordMode) != nil {
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
		if len(lines) > 0 && strings.TrimSpace(line) == "" && r.src.Interactive() && !r.toldOpen {
			// A blank line is part of the input (gofmt puts them inside
			// functions); say once how to get out of one left open.
			r.toldOpen = true
			fmt.Fprintln(r.cfg.Err, r.printer.paint(dim, r.msg.stillOpen))
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
		r.rec.Input(input, r.sess.Clock())
	}
	events, res, err := r.playTo(r.sess, r.printer, file, input, false, r.rec)
	if r.rec != nil {
		if err := r.rec.Err(); err != nil {
			r.fail(r.msg.recordFailed, err)
			r.stopRecording()
		}
	}
	if errors.Is(err, engine.ErrRestoreInterrupted) {
		// Ctrl-C while the session's program was being brought back:
		// nothing is lost, this input did not run.
		fmt.Fprintln(r.cfg.Err, r.printer.paint(dim, r.msg.restoreStopped))
		r.worst = max(r.worst, 1)
		return 1
	}
	if err != nil {
		fmt.Fprintf(r.cfg.Err, "concur: %v\n", err)
		r.worst = max(r.worst, 1)
		return 1
	}
	r.worst = max(r.worst, res.Code)
	if v := r.verdict(res); v != "" && r.src.Interactive() {
		fmt.Fprintln(r.cfg.Err, r.printer.paint(dim, v))
	}
	if len(res.AutoImports) > 0 && r.src.Interactive() {
		fmt.Fprintln(r.cfg.Err, r.printer.paint(dim, fmt.Sprintf(r.msg.imported, strings.Join(res.AutoImports, ", "))))
	}
	if res.Code == 0 {
		// What the worker's type check found the input to declare and
		// import, for completion: the input is not checked here again.
		for _, name := range res.Declared {
			r.env.Funcs[name] = true
		}
		for name, path := range res.Imports {
			r.env.Imports[name] = path
		}
	}
	// The timeline sees the goroutines of earlier inputs as they were
	// when the last input ended.
	r.last = r.carry.Run(events, r.sess.Clock())
	if r.sess.Clock() == "real" {
		r.noteNames(events) // only the real clock's goroutines print between inputs
	}
	if !compileError(events) {
		r.runEnd = elapsed(events)
	}
	if r.cfg.Timeline && r.src.Interactive() && TimelineNeeded(r.last) && elapsed(events) > 0 {
		fmt.Fprint(r.cfg.Out, DrawTimeline(r.last, r.timelineOptions(r.cfg.Width())))
	}
	return res.Code
}

// verdict says, after a run that ended the program as it would end a Go
// program (a panic, a fatal error, a deadlock, os.Exit with a status), what
// Go would have said and what became of the session; "" after others.
func (r *REPL) verdict(res engine.Result) string {
	switch res.Outcome {
	case engine.Died:
		return fmt.Sprintf(r.msg.verdictDied, res.Code)
	case engine.Panicked, engine.Deadlocked:
	case engine.Exited:
		if res.Code == 0 {
			return ""
		}
	default:
		return ""
	}
	return fmt.Sprintf(r.msg.verdict, res.Code)
}

// noteNames keeps the names of the goroutines a run started, for output
// they send between inputs (background).
func (r *REPL) noteNames(events []event.Event) {
	r.bgMu.Lock() // background reads the names
	defer r.bgMu.Unlock()
	if r.names == nil {
		r.names = map[int]string{}
	}
	for _, e := range events {
		if e.Kind == event.Go {
			r.names[e.G] = e.Name
		}
	}
}

// newPrinter is a Printer in the REPL's colours and language.
func (r *REPL) newPrinter(out, errw io.Writer) *Printer {
	p := NewPrinter(out, errw, r.cfg.Color)
	p.Lang = r.cfg.Lang
	return p
}

// timelineOptions are how the REPL draws a timeline width cells wide.
func (r *REPL) timelineOptions(width int) TimelineOptions {
	o := TimelineOptions{Width: width, Color: r.cfg.Color, Lang: r.cfg.Lang}
	if r.cfg.Rows != nil {
		o.Rows = r.cfg.Rows()
	}
	return o
}

// compileError reports whether a run did not compile (so nothing ran).
func compileError(events []event.Event) bool {
	for _, e := range events {
		if e.Kind == event.Compile {
			return true
		}
	}
	return false
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

// RecordMode says what recording to a file that exists does.
type RecordMode int

const (
	RecordNew     RecordMode = iota // refuse a file that exists
	RecordAppend                    // go on with the session recorded in it (--append)
	RecordReplace                   // replace it (--force)
)

// RecordFlags checks --append and --force, which go with --record, and
// returns the mode they ask for; its errors are in lang.
func RecordFlags(lang, record string, appendTo, force bool) (RecordMode, error) {
	m := catalog(lang)
	switch {
	case (appendTo || force) && record == "":
		return 0, errors.New(m.recordFlagsAlone)
	case appendTo && force:
		return 0, errors.New(m.recordFlagsBoth)
	case appendTo:
		return RecordAppend, nil
	case force:
		return RecordReplace, nil
	}
	return RecordNew, nil
}

// startRecording begins recording the session to path. The recording in
// progress, if any, goes on until the new one has begun.
func (r *REPL) startRecording(path string, mode RecordMode) error {
	if r.rec != nil && mode != RecordNew && sameFile(path, r.recPath) {
		r.stopRecording() // appended to or replaced: closed first
	}
	h := session.Header{Concur: Version(), Clock: r.sess.Clock(), Lang: r.cfg.Lang, Cols: r.cfg.Width(), Rows: 24,
		Seed: r.sess.Seed(), Scheduled: true}
	var (
		w      *session.Writer
		before int
		err    error
	)
	switch mode {
	case RecordAppend:
		w, before, err = session.Append(path)
		if errors.Is(err, fs.ErrNotExist) {
			w, err = session.Create(path, h)
		} else if err != nil {
			r.fail(r.msg.cannotAppend, path, err)
			return err
		}
	case RecordReplace:
		w, err = session.Overwrite(path, h)
	default:
		w, err = session.Create(path, h)
	}
	if errors.Is(err, fs.ErrExist) {
		r.fail(r.msg.recordExists, path)
		return err
	}
	if err != nil {
		r.fail(r.msg.recordFailed, err)
		return err
	}
	r.stopRecording()
	r.rec = w
	r.recPath = path
	if r.src.Interactive() {
		if before > 0 {
			r.say(r.msg.recordAppend, path, before)
		} else {
			r.say(r.msg.recording, path)
		}
	}
	return nil
}

// sameFile reports whether paths a and b name one file that exists.
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
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
	return r.playTo(sess, printer, file, src, final, nil)
}

// playTo is play that also records each event to rec (if not nil) the moment
// it arrives, with its true arrival time: one stream of events feeds the
// player, the recording and the events returned.
func (r *REPL) playTo(sess *engine.Session, printer *Printer, file, src string, final bool, rec *session.Writer) ([]event.Event, engine.Result, error) {
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
	player := NewPacedPlayer(PlayOptions{
		Speed: speed, IdleLimit: r.cfg.IdleLimit, Show: printer.Event, Flush: printer.Flush,
		Quiet: func(e event.Event) bool { return !printer.Shows(e) },
		Cut:   func(left time.Duration) { printer.Note(CutNote(r.msg.lang, left)) },
		Wait: func(d time.Duration) {
			if d >= longWait && r.src.Skip() != nil && !r.toldSkip.Swap(true) {
				printer.Note(r.msg.skipHint)
			}
		},
	})
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
		if rec != nil {
			rec.Event(e)
		}
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

// longWait is how long a wait in the playback must be for the learner to be
// told, once, that Enter skips it.
const longWait = 1500 * time.Millisecond

// FormatGap writes the run time a cut quiet gap left out: "59m58s", "1.5s".
func FormatGap(d time.Duration) string {
	if r := d.Round(time.Millisecond); r > 0 {
		return r.String()
	}
	return d.String()
}

// interruptible returns a context that Ctrl-C cancels until done is
// called: for what the REPL does for the learner that may take long (a
// replay on another clock), as for a run.
func (r *REPL) interruptible() (ctx context.Context, done func()) {
	ctx, cancel := context.WithCancel(context.Background())
	restore := func() {}
	if r.src.Interactive() {
		restore = quietTerminal()
	}
	r.mu.Lock()
	r.cancel = cancel
	r.mu.Unlock()
	return ctx, func() {
		r.mu.Lock()
		r.cancel = nil
		r.mu.Unlock()
		cancel()
		restore()
	}
}

// interrupts turns SIGINT into stopping the run in progress, or skipping
// its playback once the run is over.
func (r *REPL) interrupts(sigs <-chan os.Signal) {
	for range sigs {
		r.mu.Lock()
		cancel, player := r.cancel, r.player
		r.mu.Unlock()
		// The terminal does not echo ^C: quietTerminal turned echo off.
		if player != nil {
			player.Skip()
		}
		if cancel != nil {
			cancel()
		}
	}
}

// promptWriters is a line source that can show output while its prompt is
// up: it redraws the prompt under the output instead of writing into it.
type promptWriters interface {
	Stdout() io.Writer
	Stderr() io.Writer
}

// background shows an event that a goroutine of the program sent while no
// input runs (the real clock), stamped with its time since the last input
// began. It runs on the engine's goroutine, never during a run.
func (r *REPL) background(e event.Event) {
	r.bgMu.Lock()
	defer r.bgMu.Unlock()
	if r.bg == nil {
		out, errw := r.cfg.Out, r.cfg.Err
		if w, ok := r.src.(promptWriters); ok && r.src.Interactive() {
			out, errw = w.Stdout(), w.Stderr()
		}
		r.bg = NewPrinter(out, errw, r.cfg.Color)
	}
	r.bg.Lang = r.printer.Lang
	r.bg.learnNames(r.names)
	r.bg.Event(e)
	r.bg.Flush()
	if e.Kind == event.Panic && r.src.Interactive() {
		// A goroutine's panic between inputs ended the program, as a run's
		// would: the same word on what Go would do and what is kept.
		errw := r.cfg.Err
		if w, ok := r.src.(promptWriters); ok {
			errw = w.Stderr()
		}
		fmt.Fprintln(errw, r.printer.paint(dim, fmt.Sprintf(r.msg.verdict, 2)))
	}
}
