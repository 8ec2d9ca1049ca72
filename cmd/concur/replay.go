package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/repl"
	"github.com/concur-dev/concur/session"
)

// frame is one piece of a replayed screen: what appeared, when, on which
// stream.
type frame struct {
	at       time.Duration // since the session started, on the screen's clock
	out, err string
	output   bool // a run's output (the gap before it is the program's, not the typist's)
}

// screenOptions say how a session is drawn.
type screenOptions struct {
	color    bool
	width    int  // for the timeline; 0: the recorded terminal's
	timeline bool // draw a timeline after runs that slept or used goroutines
}

// typeDelay is how long the replay takes to type one character of an input
// (less when the recording had less time between two inputs).
const typeDelay = 40 * time.Millisecond

// screenplay turns a recorded session into what the screen showed, in
// order: for each input the prompt and the input typed out, then its stamped
// output (repl.Printer, as the REPL showed it), then its timeline.
//
// Times: an input's last character appears when it was entered. On the
// virtual clock the REPL played a run's events at their recorded pace, so an
// event appears at its input's time plus its own t (or when it arrived, if
// later); on the real clock events appear when they arrived.
func screenplay(s *session.Session, o screenOptions) []frame {
	width := o.width
	if width <= 0 {
		width = s.Header.Cols
	}
	if width <= 0 {
		width = 80
	}
	var (
		frames   []frame
		now      time.Duration
		out, err bytes.Buffer
	)
	emitFrame := func(at time.Duration, output bool) {
		if out.Len() == 0 && err.Len() == 0 {
			return
		}
		now = max(now, at)
		frames = append(frames, frame{at: now, out: out.String(), err: err.String(), output: output})
		out.Reset()
		err.Reset()
	}
	emit := func(at time.Duration) { emitFrame(at, false) }
	p := repl.NewPrinter(&out, &err, o.color)
	p.Values = true
	p.Lang = s.Header.Lang
	var carry repl.Carry
	for _, in := range s.Inputs {
		out.WriteString("> ")
		emit(now)
		src := repl.VisibleLines(in.Src) // typed by someone else, maybe
		lines := strings.Split(src, "\n")
		chars := utf8.RuneCountInString(src) + 1
		step := typeDelay
		if gap := in.T - now; gap < typeDelay*time.Duration(chars) {
			step = max(gap, 0) / time.Duration(chars)
		}
		at := max(now, in.T-step*time.Duration(chars))
		for i, line := range lines {
			if i > 0 {
				out.WriteString(repl.Continuation)
				emit(at)
			}
			for _, r := range line {
				at += step
				out.WriteRune(r)
				emit(at)
			}
			at += step
			out.WriteByte('\n')
			emit(at)
		}
		now = max(now, in.T)

		p.NewRun()
		events := in.EngineEvents()
		for _, e := range in.Events {
			p.Event(e.Event)
			p.Flush()
			at := e.At
			if in.Clock != "real" {
				at = max(at, in.T+time.Duration(e.T))
			}
			emitFrame(at, true)
		}
		p.Verdict(events)
		p.Flush()
		emit(now)
		drawn := withNames(&carry, in.Clock, events) // every run, to follow the goroutines
		if o.timeline && repl.TimelineNeeded(drawn) && runElapsed(events) > 0 {
			out.WriteString(repl.DrawTimeline(drawn, repl.TimelineOptions{Width: width, Color: o.color, Lang: s.Header.Lang}))
			emit(now)
		}
	}
	return frames
}

// withNames gives the timeline what the REPL's does of the goroutines of
// earlier inputs (repl.Carry): their names, and what they were doing when
// the run began. Every run of the session goes through carry in order; the
// events it returns are made Visible (repl.VisibleEvent): they come from a
// file.
func withNames(carry *repl.Carry, clock string, events []event.Event) []event.Event {
	return carry.Run(repl.VisibleEvents(events), clock)
}

// runElapsed is a run's total time: its exit event's.
func runElapsed(events []event.Event) int64 {
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Kind == event.Exit {
			return events[i].T
		}
	}
	return 0
}

// openSession reads a session file, printing its warnings to stderr.
func openSession(cmd, path string, stderr io.Writer) (*session.Session, bool) {
	s, err := session.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %s: %v\n", cmd, path, err)
		return nil, false
	}
	for _, w := range s.Warnings {
		fmt.Fprintf(stderr, "%s: %s: warning: %s\n", cmd, path, w)
	}
	return s, true
}

// parseFlags parses flags; ok is false when the command should return code.
func parseFlags(fs *flag.FlagSet, args []string, lang string) (ok bool, code int) {
	if err := parseArgs(fs, args, lang); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return false, 0
		}
		return false, 2
	}
	return true, 0
}

// oneFile parses flags and exactly one FILE among them; flags may follow the
// file (concur replay s.jsonl --speed 2). When ok is false the command ends
// with code, having said why.
func oneFile(fs *flag.FlagSet, args []string, lang string, stderr io.Writer) (file string, ok bool, code int) {
	var files []string
	for len(args) > 0 {
		if ok, code := parseFlags(fs, args, lang); !ok {
			return "", false, code
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(files) != 1 {
		fmt.Fprintf(stderr, cliText(lang).oneFile, fs.Name())
		fs.Usage()
		return "", false, 2
	}
	return files[0], true, 0
}

// runReplay is `concur replay [flags] FILE`: it shows a recorded session as
// it looked, at its recorded pace on a terminal, at once otherwise. It never
// runs the session's code.
func runReplay(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("concur replay", flag.ContinueOnError)
	fs.SetOutput(stderr)
	speed := speedFlag(1)
	fs.Var(&speed, "speed", "play the session at this `speed` (2 is twice as fast; max: no waiting)")
	var idle idleFlag
	idle.register(fs)
	colorMode := fs.String("color", "auto", "colour output: auto, always or never (NO_COLOR is honoured)")
	timeline := fs.Bool("timeline", true, "draw a timeline after runs that slept or used goroutines")
	again := fs.Bool("rerun", false, "run the recorded inputs again (this runs the file's code) and report, input by input, whether output and timestamps match")
	langFlag := fs.String("lang", "", "language of concur's messages: en or zh (default from $LANG)")
	lang := argsLang(args)
	setUsage(fs, lang, stderr, func() {
		fmt.Fprintf(stderr, "Usage: concur replay [flags] FILE\n\nShows a recorded session as it looked: each input typed at the prompt,\nits stamped output and its timeline, at the recorded pace on a terminal\nand at once otherwise. The session's code is not run.\n\nFlags:\n")
		fs.PrintDefaults()
	})
	file, ok, code := oneFile(fs, args, lang, stderr)
	if !ok {
		return code
	}
	chosen, err := chooseLang(*langFlag)
	if err != nil {
		fmt.Fprintf(stderr, "concur replay: %s\n", errText(lang, err))
		return 2
	}
	lang = chosen
	color, err := colorEnabled(*colorMode, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "concur replay: %s\n", errText(lang, err))
		return 2
	}
	s, ok := openSession("concur replay", file, stderr)
	if !ok {
		return 1
	}
	if *again {
		return rerun(s, lang, stdout, stderr)
	}
	o := screenOptions{color: color, timeline: *timeline}
	pace := float64(speed)
	if isTerminal(stdout) {
		o.width = min(terminalWidth(stdout), max(s.Header.Cols, 10))
	} else {
		pace = 0
	}
	var keys <-chan byte
	if pace > 0 {
		if k, restore, ok := readKeys(stdin); ok {
			defer restore()
			keys = k
			fmt.Fprintln(stderr, repl.ReplayKeys(lang))
		}
	}
	note := func(left time.Duration) string { return repl.CutNote(lang, left) }
	if o.color {
		note = func(left time.Duration) string { return "\x1b[2m" + repl.CutNote(lang, left) + "\x1b[0m" }
	}
	playKeys(screenplay(s, o), stdout, stderr, playback{speed: pace, idle: time.Duration(idle), keys: keys, note: note})
	return 0
}

// Keys during replay on a terminal.
const (
	keyPause = ' ' // pause, or go on
	keyStep  = '.' // show the next event, then stay paused
	keyQuit  = 'q'
)

// playback says how frames are played.
type playback struct {
	speed float64       // 0: no waiting
	idle  time.Duration // pauses longer than this are cut to it; 0: none
	keys  <-chan byte   // keys typed (nil: none)
	// note, if set, is the line that says a quiet gap in a run's output was
	// cut, leaving out the given time ("⋯ 59m58s later").
	note func(left time.Duration) string
}

// playKeys writes frames, waiting between them at the playback's speed, no
// pause longer than its idle limit, taking keys from its keys: space pauses
// and goes on, '.' shows one more event and stays paused, 'q' stops.
func playKeys(frames []frame, stdout, stderr io.Writer, pb playback) {
	speed, idle, keys := pb.speed, pb.idle, pb.keys
	out, errw := bufio.NewWriter(stdout), bufio.NewWriter(stderr)
	var last *bufio.Writer
	write := func(w *bufio.Writer, s string) {
		if s == "" {
			return
		}
		if last != nil && last != w {
			last.Flush()
		}
		last = w
		w.WriteString(s)
	}
	// Waits are measured from the start, so the time writing takes does
	// not add up over thousands of frames.
	var prev, due time.Duration
	begin := time.Now()
	paused := false
	// pause waits for a key while paused; it reports false on 'q'.
	pause := func() bool {
		out.Flush()
		errw.Flush()
		start := time.Now()
		defer func() { begin = begin.Add(time.Since(start)) }()
		for k := range keys {
			switch k {
			case keyPause:
				paused = false
				return true
			case keyStep:
				return true
			case keyQuit:
				return false
			}
		}
		return true
	}
	for _, f := range frames {
		var cut time.Duration
		if speed > 0 {
			d := f.at - prev
			if idle > 0 && d > idle {
				cut, d = d-idle, idle
			}
			due += time.Duration(float64(max(d, 0)) / speed)
		}
		if paused && !pause() {
			break
		}
		if wait := time.Until(begin.Add(due)); speed > 0 && !paused && wait > time.Millisecond {
			out.Flush()
			errw.Flush()
			timer := time.NewTimer(wait)
			quit := false
		waiting:
			for {
				select {
				case <-timer.C:
					break waiting
				case k := <-keys:
					switch k {
					case keyQuit:
						quit = true
						break waiting
					case keyPause, keyStep:
						timer.Stop()
						paused = true
						if !pause() {
							quit = true
						}
						break waiting
					}
				}
			}
			timer.Stop()
			if quit {
				break
			}
		}
		prev = f.at
		if cut > 0 && f.output && pb.note != nil {
			write(out, pb.note(cut)+"\n")
		}
		write(out, f.out)
		write(errw, f.err)
	}
	out.Flush()
	errw.Flush()
}
