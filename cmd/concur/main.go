// Command concur is a Go concurrency playground for the terminal.
//
//	concur                 start the REPL
//	concur run [flags] FILE run a Go program or snippet (FILE "-" is stdin)
//	concur learn [N|ID]     list the lessons, or open one in the REPL
//
// The same binary is also the worker process that runs learner code: the
// engine starts it with engine.WorkerEnv set.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/concur-dev/concur/engine"
	// Starts `concur run`'s worker while the rest initialises.
	_ "github.com/concur-dev/concur/engine/prestart"
	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/repl"
	// The tables behind --unrestricted: linked here, not in the engine, so
	// that only a program that offers the flag pays for them.
	_ "github.com/concur-dev/concur/stdlib/unrestricted"
)

func main() {
	if engine.IsWorker() {
		os.Exit(engine.ServeWorker())
	}
	// The terminal side decodes and prints every event a run makes; fewer
	// collections keep it ahead of a print-heavy worker.
	debug.SetGCPercent(400)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `concur — a Go concurrency playground for the terminal

Usage:
  concur [flags]              start the REPL (inputs from a pipe run without prompts)
  concur run [flags] FILE     run a Go program or snippet; FILE "-" reads stdin
  concur learn [flags] [N]    list the lessons and your progress, or open lesson N
  concur replay [flags] FILE  show a recorded session as it happened (never runs it)
  concur export FILE --format md|cast|html [-o OUT]   a recorded session as Markdown, asciicast or a web page

Run "concur -h" or "concur run -h" for the flags.
`

// run is the whole program: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	lang := argsLang(args)
	words := cliText(lang)
	if len(args) > 0 {
		switch args[0] {
		case "run":
			return runFile(args[1:], stdin, stdout, stderr)
		case "replay":
			return runReplay(args[1:], stdin, stdout, stderr)
		case "export":
			return runExport(args[1:], stdin, stdout, stderr)
		case "learn":
			return learn(args[1:], stdin, stdout, stderr)
		case "help":
			fmt.Fprint(stdout, usageText(lang))
			return 0
		}
		if !strings.HasPrefix(args[0], "-") {
			if strings.HasSuffix(args[0], ".go") || args[0] == "-" {
				fmt.Fprintf(stderr, words.unknownGo, args[0], args[0])
				return 2
			}
			fmt.Fprintf(stderr, words.unknown, args[0], usageText(lang))
			return 2
		}
	}
	return runREPL(args, stdin, stdout, stderr)
}

// replFlags are the flags of the commands that open the REPL: concur and
// concur learn.
type replFlags struct {
	engine   engineFlags
	speed    speedFlag
	idle     idleFlag
	color    string
	lang     string
	timeline bool
}

func (f *replFlags) register(fs *flag.FlagSet, langUsage string) {
	f.engine.register(fs)
	f.speed = 1
	fs.Var(&f.speed, "speed", "play output back at this `speed` (2 is twice as fast; max: no waiting)")
	f.idle.register(fs)
	fs.StringVar(&f.color, "color", "auto", "colour output: auto, always or never (NO_COLOR is honoured)")
	fs.StringVar(&f.lang, "lang", "", langUsage)
	fs.BoolVar(&f.timeline, "timeline", true, "draw a timeline after runs that slept or used goroutines")
}

// config checks the flags and makes the REPL's configuration from them.
func (f *replFlags) config(stdout, stderr io.Writer) (repl.Config, error) {
	opts, err := f.engine.options()
	if err != nil {
		return repl.Config{}, err
	}
	color, err := colorEnabled(f.color, stdout)
	if err != nil {
		return repl.Config{}, err
	}
	language, err := chooseLang(f.lang)
	if err != nil {
		return repl.Config{}, err
	}
	return repl.Config{
		Engine: opts, Budgets: f.engine.budgets,
		Color: color, Speed: float64(f.speed), IdleLimit: time.Duration(f.idle), Timeline: f.timeline, Lang: language,
		Out: stdout, Err: stderr, Width: func() int { return terminalWidth(stdout) },
		Rows: func() int { return terminalRows(stdout) },
	}, nil
}

func runREPL(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	lang := argsLang(args)
	words := cliText(lang)
	fs := flag.NewFlagSet("concur", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var rf replFlags
	rf.register(fs, "language of concur's messages: en or zh (default from $LANG)")
	record := fs.String("record", "", "record the session to this `file` (watch it with concur replay); a file that exists needs --append or --force")
	appendTo := fs.Bool("append", false, "with --record: go on with the session recorded in the file")
	force := fs.Bool("force", false, "with --record: replace the file")
	setUsage(fs, lang, stderr, func() {
		fmt.Fprint(stderr, usage)
		fmt.Fprintf(stderr, "\nFlags of the REPL:\n")
		fs.PrintDefaults()
	})
	if err := parseArgs(fs, args, lang); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		switch sub := fs.Arg(0); sub {
		case "run", "learn", "replay", "export":
			// concur --lang zh learn 3: the flags belong after the command.
			flags := args[:len(args)-fs.NArg()]
			fmt.Fprintf(stderr, words.flagsAfter, sub, strings.Join(append(append([]string{}, flags...), fs.Args()[1:]...), " "))
		default:
			fmt.Fprintf(stderr, words.unexpected, sub, sub)
		}
		return 2
	}
	cfg, err := rf.config(stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "concur: %s\n", errText(lang, err))
		return 2
	}
	cfg.Record = *record
	if cfg.RecordMode, err = repl.RecordFlags(cfg.Lang, *record, *appendTo, *force); err != nil {
		fmt.Fprintf(stderr, "concur: %v\n", err)
		return 2
	}
	src, err := lineSource(stdin, stdout, stderr, &cfg)
	if err != nil {
		fmt.Fprintf(stderr, "concur: %v\n", err)
		return 1
	}
	defer src.Close()
	return repl.Run(cfg, src)
}

// lineSource is readline with history and completion when a person is at a
// terminal, and the plain reader (no prompts, no pacing) otherwise.
func lineSource(stdin io.Reader, stdout, stderr io.Writer, cfg *repl.Config) (repl.LineSource, error) {
	if f, ok := stdin.(*os.File); !ok || !term.IsTerminal(int(f.Fd())) || !isTerminal(stdout) {
		cfg.Speed = 0
		return repl.NewPlainSource(stdin), nil
	}
	path, err := repl.HistoryPath()
	if err != nil {
		fmt.Fprintf(stderr, cliText(cfg.Lang).noHistory, err)
		path = ""
	}
	cfg.Completer = &repl.Completer{}
	return repl.NewTerminalSource(path, cfg.Completer, stderr)
}

// chooseLang picks the language of messages: the flag, else $LANG.
func chooseLang(flagValue string) (string, error) {
	switch flagValue {
	case "en", "zh":
		return flagValue, nil
	case "":
	default:
		return "", choiceError{"lang", flagValue, []string{"en", "zh"}}
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l := os.Getenv(v); l != "" {
			if strings.HasPrefix(l, "zh") {
				return "zh", nil
			}
			return "en", nil
		}
	}
	return "en", nil
}

func terminalWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok {
		if width, _, err := term.GetSize(int(f.Fd())); err == nil && width > 0 {
			return width
		}
	}
	return 80
}

// terminalRows is the height of the terminal w writes to; 0 if it is not
// one.
func terminalRows(w io.Writer) int {
	if f, ok := w.(*os.File); ok {
		if _, rows, err := term.GetSize(int(f.Fd())); err == nil && rows > 0 {
			return rows
		}
	}
	return 0
}

// engineFlags are the flags every command that runs code shares.
type engineFlags struct {
	clock        string
	unrestricted bool
	maxVirtual   time.Duration
	timeout      time.Duration
	memory       bytesFlag
	seed         uint64
	jitter       jitterFlag
}

func (f *engineFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.clock, "clock", "virtual", "`virtual` (sleeps take no real time) or real")
	fs.BoolVar(&f.unrestricted, "unrestricted", false, "let snippets import the whole standard library (os, net, ...)")
	fs.DurationVar(&f.maxVirtual, "max-virtual", time.Hour, "stop a run after this much virtual time")
	fs.DurationVar(&f.timeout, "timeout", 0, "stop a run after this much real time (default 10s on the virtual clock, none on the real one)")
	f.memory = 2 << 30
	fs.Var(&f.memory, "max-memory", "stop a run whose worker uses more than this much memory: `size` in bytes, or with a unit (500MB, 4GiB)")
	fs.Uint64Var(&f.seed, "seed", 0, "the schedule on the virtual clock: 0 is the default one, any other `number` picks another legal one")
	fs.Var(&f.jitter, "jitter", "change every sleep and timer by up to this `fraction` (like 20%), from the seed")
}

// bytesFlag is --max-memory: a number of bytes, written 2147483648, 2GiB
// or 500MB (KB, MB and GB are powers of 1000, KiB, MiB and GiB of 1024;
// any case).
type bytesFlag int64

func (b *bytesFlag) String() string {
	switch n := int64(*b); {
	case n > 0 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + "GiB"
	case n > 0 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + "MiB"
	default:
		return strconv.FormatInt(n, 10)
	}
}

func (b *bytesFlag) Set(v string) error {
	units := []struct {
		suffix string
		size   float64
	}{{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9}, {"b", 1}}
	num, size := strings.ToLower(strings.TrimSpace(v)), 1.0
	for _, u := range units {
		if n, ok := strings.CutSuffix(num, u.suffix); ok {
			num, size = strings.TrimSpace(n), u.size
			break
		}
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f <= 0 || f*size > math.MaxInt64/2 {
		return errors.New("want a size such as 4GiB, 500MB or a number of bytes")
	}
	*b = bytesFlag(f * size)
	return nil
}

// jitterFlag is --jitter: a fraction between 0 and 1, written 0.2 or 20%.
type jitterFlag float64

func (j *jitterFlag) String() string {
	if *j == 0 {
		return "0"
	}
	return strconv.FormatFloat(float64(*j)*100, 'g', -1, 64) + "%"
}

func (j *jitterFlag) Set(v string) error {
	f, err := repl.ParseJitter(v)
	if err != nil {
		return err
	}
	*j = jitterFlag(f)
	return nil
}

func (f *engineFlags) options() (engine.Options, error) {
	if f.clock != "virtual" && f.clock != "real" {
		return engine.Options{}, choiceError{"clock", f.clock, []string{"virtual", "real"}}
	}
	opts := engine.Options{Clock: f.clock, Unrestricted: f.unrestricted, MemoryLimit: int64(f.memory), Seed: f.seed, Jitter: float64(f.jitter)}
	opts.MaxVirtual, opts.Timeout = f.budgets(f.clock)
	return opts, nil
}

// budgets are a clock's budgets: on the virtual clock --max-virtual and
// --timeout (default 10s), on the real clock --timeout only (default none).
func (f *engineFlags) budgets(clock string) (maxVirtual, timeout time.Duration) {
	if clock == "real" {
		return 0, f.timeout
	}
	timeout = f.timeout
	if timeout == 0 {
		timeout = 10 * time.Second
	}
	return f.maxVirtual, timeout
}

// speedFlag is --speed: a positive number, or "max" for no pacing.
type speedFlag float64

func (s *speedFlag) String() string {
	if *s == 0 {
		return "max"
	}
	return strconv.FormatFloat(float64(*s), 'g', -1, 64)
}

func (s *speedFlag) Set(v string) error {
	if v == "max" {
		*s = 0
		return nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f <= 0 {
		return errors.New(`want a positive number or "max"`)
	}
	*s = speedFlag(f)
	return nil
}

// idleFlag is --idle-limit, with one meaning everywhere: when output is
// played back at its pace, a quiet gap longer than this (in the run's or the
// recording's time, before --speed divides it) is cut to it; 0 keeps gaps.
type idleFlag time.Duration

func (d *idleFlag) register(fs *flag.FlagSet) {
	*d = idleFlag(repl.DefaultIdleLimit)
	fs.Var(d, "idle-limit", "when playing output back, cut quiet gaps longer than this `duration` to it (0: keep them)")
}

func (d *idleFlag) String() string { return time.Duration(*d).String() }

func (d *idleFlag) Set(v string) error {
	t, err := time.ParseDuration(v)
	if err != nil {
		return errors.New("want a duration such as 2s")
	}
	if t < 0 {
		return errors.New("must not be negative")
	}
	*d = idleFlag(t)
	return nil
}

func runFile(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("concur run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var ef engineFlags
	ef.register(fs)
	jsonOut := fs.Bool("json", false, "print the event stream as JSON lines (see docs/events.md)")
	explore := fs.Int("explore", 0, "run the program under `N` schedules (seeds from --seed on, or 1) and show the different outcomes, with how many gave each and a seed for each")
	speed := speedFlag(1)
	fs.Var(&speed, "speed", "on a terminal, play output back at this `speed` (2 is twice as fast; max: no waiting)")
	var idle idleFlag
	idle.register(fs)
	colorMode := fs.String("color", "auto", "colour output: auto, always or never (NO_COLOR is honoured)")
	langFlag := fs.String("lang", "", "language of concur's messages: en or zh (default from $LANG)")
	lang := argsLang(args)
	setUsage(fs, lang, stderr, func() {
		fmt.Fprintf(stderr, "Usage: concur run [flags] FILE\n\nRuns a Go program (package main with func main) or a snippet of\ndeclarations and statements. FILE \"-\" reads standard input.\n\nFlags:\n")
		fs.PrintDefaults()
	})
	if err := parseArgs(fs, args, lang); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, cliText(lang).runOneFile)
		fs.Usage()
		return 2
	}
	chosen, err := chooseLang(*langFlag)
	if err != nil {
		fmt.Fprintf(stderr, "concur run: %s\n", errText(lang, err))
		return 2
	}
	lang = chosen
	opts, err := ef.options()
	if err != nil {
		fmt.Fprintf(stderr, "concur run: %s\n", errText(lang, err))
		return 2
	}
	color, err := colorEnabled(*colorMode, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "concur run: %s\n", errText(lang, err))
		return 2
	}

	name := fs.Arg(0)
	var src []byte
	if name == "-" {
		src, err = io.ReadAll(stdin)
		name = "stdin.go"
	} else {
		src, err = os.ReadFile(name)
	}
	if err != nil {
		fmt.Fprintf(stderr, "concur run: %v\n", err)
		return 1
	}

	if fs.Arg(0) != "-" {
		opts.Stdin = programStdin(stdin) // see stdin.go
	}
	sess, err := engine.NewSession(opts)
	if err != nil {
		fmt.Fprintf(stderr, "concur run: %v\n", err)
		return 1
	}
	defer sess.Close()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if *explore > 0 {
		if opts.Clock == "real" {
			fmt.Fprintln(stderr, cliText(lang).exploreReal)
			return 2
		}
		return exploreFile(ctx, sess, name, string(src), *explore, opts, color, lang, stdout, stderr)
	}

	var (
		show  func(event.Event)
		flush func()
		note  func(string)
		quiet func(event.Event) bool
	)
	if *jsonOut {
		var line []byte
		out := bufio.NewWriterSize(stdout, 32<<10)
		show = func(e event.Event) {
			line = append(e.AppendJSON(line[:0]), '\n')
			out.Write(line)
		}
		flush = func() { out.Flush() }
		show(event.Event{Kind: event.Start, V: event.Version, Clock: opts.Clock, Seed: opts.Seed})
	} else {
		printer := repl.NewPrinter(stdout, stderr, color)
		printer.Lang = lang
		show, flush, note = printer.Event, printer.Flush, printer.Note
		quiet = func(e event.Event) bool { return !printer.Shows(e) }
	}
	pace := float64(speed)
	if *jsonOut || opts.Clock == "real" || !isTerminal(stdout) {
		pace = 0
	}
	po := repl.PlayOptions{Speed: pace, IdleLimit: time.Duration(idle), Show: show, Flush: flush, Quiet: quiet}
	if note != nil { // the JSON stream is never paced, and has no room for notes
		po.Cut = func(left time.Duration) { note(repl.CutNote(lang, left)) }
	}
	player := repl.NewPacedPlayer(po)
	res, err := sess.Run(ctx, name, string(src), true, player.Add)
	if ctx.Err() == nil {
		// A second Ctrl-C while the output is still being played skips it.
		go func() { <-ctx.Done(); player.Skip() }()
	} else {
		player.Skip()
	}
	player.Close()
	if err != nil {
		fmt.Fprintf(stderr, "concur run: %v\n", err)
		return 1
	}
	return res.Code
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// colorEnabled decides --color: auto colours a terminal unless NO_COLOR is set.
func colorEnabled(mode string, w io.Writer) (bool, error) {
	switch strings.ToLower(mode) {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		return os.Getenv("NO_COLOR") == "" && isTerminal(w), nil
	}
	return false, choiceError{"color", mode, []string{"auto", "always", "never"}}
}

// exploreFile runs a program under n schedules and shows its outcomes.
func exploreFile(ctx context.Context, sess *engine.Session, name, src string, n int, opts engine.Options, color bool, lang string, stdout, stderr io.Writer) int {
	out := repl.Outcomes{Jitter: opts.Jitter}
	err := sess.Explore(ctx, name, src, true, repl.Seeds(opts.Seed, n), opts.Jitter, out.Add)
	if err != nil && ctx.Err() == nil {
		fmt.Fprintf(stderr, "concur run: %v\n", err)
		return 1
	}
	out.Write(stdout, lang, color)
	return out.Worst()
}
