package repl

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/concur-dev/concur/engine"
	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/rewrite"
	"github.com/concur-dev/concur/stdlib"
)

// metaCommand is one of the REPL's own commands.
type metaCommand struct {
	name, args string
	help       func(m messages) string
	run        func(r *REPL, arg string) (quit bool)
}

// metaCommands lists the commands :help shows, in that order.
var metaCommands []metaCommand

func init() {
	metaCommands = []metaCommand{
		{":help", "", func(m messages) string { return m.helpHelp }, func(r *REPL, _ string) bool { r.help(); return false }},
		{":quit", "", func(m messages) string { return m.helpQuit }, func(*REPL, string) bool { return true }},
		{":reset", "", func(m messages) string { return m.helpReset }, (*REPL).reset},
		{":clock", "virtual|real", func(m messages) string { return m.helpClock }, (*REPL).clock},
		{":speed", "N|max|idle DUR", func(m messages) string { return m.helpSpeed }, (*REPL).speed},
		{":timeline", "[on|off]", func(m messages) string { return m.helpTimeline }, (*REPL).timeline},
		{":goroutines", "", func(m messages) string { return m.helpGoroutines }, (*REPL).goroutines},
		{":history", "", func(m messages) string { return m.helpHistory }, (*REPL).history},
		{":load", "FILE", func(m messages) string { return m.helpLoad }, (*REPL).load},
		{":save", "FILE", func(m messages) string { return m.helpSave }, (*REPL).save},
		{":lang", "en|zh", func(m messages) string { return m.helpLang }, (*REPL).lang},
		{":seed", "[N]", func(m messages) string { return m.helpSeed }, (*REPL).seed},
		{":explore", "N [jitter]", func(m messages) string { return m.helpExplore }, (*REPL).explore},
		{":record", "FILE|stop", func(m messages) string { return m.helpRecord }, (*REPL).record},
		glossaryCommand, // learn.go
	}
}

// meta runs a meta-command line; it reports whether the REPL should end.
func (r *REPL) meta(line string) bool {
	name, arg, _ := strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	if c, ok := r.lessonCommand(name); ok {
		return c.run(r, arg)
	}
	for _, c := range metaCommands {
		if c.name == name {
			return c.run(r, arg)
		}
	}
	r.fail(r.msg.unknownCommand, name)
	r.worst = max(r.worst, 1)
	return false
}

func (r *REPL) fail(format string, args ...any) {
	fmt.Fprintln(r.cfg.Err, r.printer.paint(red, fmt.Sprintf(format, args...)))
	r.worst = max(r.worst, 1)
}

func (r *REPL) say(format string, args ...any) {
	fmt.Fprintf(r.cfg.Out, format+"\n", args...)
}

func (r *REPL) help() {
	cmds := metaCommands
	if r.learn != nil {
		// The lesson commands first; their :reset replaces the plain one.
		cmds = lessonCommands
		for _, c := range metaCommands {
			if _, ok := r.lessonCommand(c.name); !ok {
				cmds = append(cmds[:len(cmds):len(cmds)], c)
			}
		}
	}
	uses := make([]string, len(cmds))
	width := 0
	for i, c := range cmds {
		uses[i] = strings.TrimSpace(c.name + " " + placeholders(r.cfg.Lang, c.args))
		width = max(width, cells(uses[i]))
	}
	for i, c := range cmds {
		r.say("  %s%s  %s", uses[i], strings.Repeat(" ", width-cells(uses[i])), c.help(r.msg))
	}
	r.say("%s", r.msg.helpKeys)
	r.say("%s", r.msg.helpSurvives)
}

// placeholdersZh name what a command's argument stands for, in Chinese;
// the words typed as they are (max, idle, on, off, stop, virtual, real)
// stay.
var placeholdersZh = strings.NewReplacer("FILE", "文件", "DUR", "时长", "TERM", "术语", "jitter", "抖动")

// placeholders is a command's argument synopsis in lang.
func placeholders(lang, args string) string {
	if lang == "zh" {
		return placeholdersZh.Replace(args)
	}
	return args
}

// cells is how many terminal columns s takes: two for a wide (CJK)
// character.
func cells(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x2E80 {
			n++
		}
	}
	return n
}

// restart replaces the session with a new one under opts.
func (r *REPL) restart(opts engine.Options) bool {
	sess, err := engine.NewSession(opts)
	if err != nil {
		r.fail("concur: %v", err)
		return false
	}
	r.sess.Close()
	r.sess = sess
	r.cfg.Engine = opts
	r.env = rewrite.NewEnv(stdlib.Names(opts.Unrestricted))
	if r.cfg.Completer != nil {
		r.cfg.Completer.attach(r.env)
	}
	r.last, r.carry, r.runEnd = nil, Carry{}, 0
	r.inputs = 0 // the new session numbers its inputs from 1, as the engine does
	// The last run's events, which :timeline drew, may have been hundreds
	// of megabytes (300 k lines): give the memory back now, not when the
	// runtime gets round to it.
	debug.FreeOSMemory()
	return true
}

func (r *REPL) reset(arg string) bool {
	if r.restart(r.cfg.Engine) {
		r.say("%s", r.msg.resetDone)
	}
	return false
}

func (r *REPL) clock(arg string) bool {
	if arg == "" {
		r.say(r.msg.clockIs, r.sess.Clock())
		return false
	}
	if arg != "virtual" && arg != "real" {
		r.fail(r.msg.badClock, arg)
		return false
	}
	// The session's inputs are replayed on the new clock: declarations and
	// values carry over. Each clock has its own budgets.
	maxVirtual, timeout := r.cfg.Engine.MaxVirtual, r.cfg.Engine.Timeout
	if r.cfg.Budgets != nil {
		maxVirtual, timeout = r.cfg.Budgets(arg)
	} else if arg == "real" {
		maxVirtual = 0
	}
	// Ctrl-C stops the replay; the session is on the new clock either way,
	// and its next input replays what this one did not.
	ctx, done := r.interruptible()
	var took time.Duration
	n, err := r.sess.SetClock(ctx, arg, maxVirtual, timeout, func(e event.Event) {
		switch e.Kind {
		case event.Dropped:
			r.printer.Event(e)
		case event.Restore:
			took = time.Duration(e.D)
		}
	})
	done()
	r.printer.Flush()
	if err != nil && !errors.Is(err, engine.ErrRestoreInterrupted) {
		r.fail("concur: %v", err)
		return false
	}
	r.cfg.Engine.Clock, r.cfg.Engine.MaxVirtual, r.cfg.Engine.Timeout = arg, maxVirtual, timeout
	if err != nil {
		r.say(r.msg.clockStopped, arg, n)
		return false
	}
	r.say(r.msg.clockSwitch, arg, n, took.Round(100*time.Microsecond), r.budgetText(maxVirtual, timeout))
	return false
}

// budgetText says a clock's budgets: what a run may take before it is
// stopped.
func (r *REPL) budgetText(maxVirtual, timeout time.Duration) string {
	switch {
	case maxVirtual > 0 && timeout > 0:
		return fmt.Sprintf(r.msg.budgetBoth, shortDuration(maxVirtual), shortDuration(timeout))
	case maxVirtual > 0:
		return fmt.Sprintf(r.msg.budgetVirtual, shortDuration(maxVirtual))
	case timeout > 0:
		return fmt.Sprintf(r.msg.budgetReal, shortDuration(timeout))
	}
	return r.msg.budgetNone
}

// shortDuration writes d without zero minutes and seconds: "1h", "10s", "1m30s".
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// speed is :speed N|max (the playback speed), :speed idle DUR|off (the
// idle limit), both in one line, or nothing to show them.
func (r *REPL) speed(arg string) bool {
	speed, idle := r.cfg.Speed, r.cfg.IdleLimit
	words := strings.Fields(arg)
	for i := 0; i < len(words); i++ {
		switch w := words[i]; {
		case w == "max":
			speed = 0
		case w == "idle":
			if i+1 == len(words) {
				r.fail("%s", r.msg.speedArgs)
				return false
			}
			i++
			if words[i] == "off" {
				idle = 0
				break
			}
			d, err := time.ParseDuration(words[i])
			if err != nil || d < 0 {
				r.fail(r.msg.badIdle, words[i])
				return false
			}
			idle = d
		default:
			f, err := strconv.ParseFloat(w, 64)
			if err != nil || f <= 0 {
				r.fail(r.msg.badSpeed, w)
				return false
			}
			speed = f
		}
	}
	r.cfg.Speed, r.cfg.IdleLimit = speed, idle
	shown := "max"
	if speed != 0 {
		shown = strconv.FormatFloat(speed, 'g', -1, 64)
	}
	if idle > 0 {
		r.say(r.msg.paceIs, shown, idle)
	} else {
		r.say(r.msg.paceFull, shown)
	}
	return false
}

func (r *REPL) timeline(arg string) bool {
	switch arg {
	case "":
		if !TimelineNeeded(r.last) {
			r.say("%s", r.msg.noTimeline)
			return false
		}
		fmt.Fprint(r.cfg.Out, DrawTimeline(r.last, r.timelineOptions(r.cfg.Width())))
	case "on":
		r.cfg.Timeline = true
		r.say("%s", r.msg.timelineOn)
	case "off":
		r.cfg.Timeline = false
		r.say("%s", r.msg.timelineOff)
	default:
		r.fail(r.msg.badTimeline, arg)
	}
	return false
}

func (r *REPL) goroutines(string) bool {
	live, err := r.sess.Goroutines(context.Background())
	if err != nil {
		r.fail("concur: %v", err)
		return false
	}
	if len(live) == 0 {
		r.say("%s", r.msg.noGoroutines)
		return false
	}
	// On the virtual clock time stands still between inputs: it is now
	// the end of the last run, which is what the waits are counted from.
	now := int64(-1)
	if r.sess.Clock() != "real" {
		now = r.runEnd
	}
	for _, line := range GoroutineLines(r.cfg.Lang, live, now, nil) {
		r.say("  %s", line)
	}
	r.say("  %s", Total(r.cfg.Lang, live))
	return false
}

func (r *REPL) history(string) bool {
	for i, h := range r.src.History() {
		lines := strings.Split(VisibleLines(h), "\n")
		r.say("%4d  %s", i+1, lines[0])
		for _, l := range lines[1:] {
			r.say("      %s", l)
		}
	}
	return false
}

func (r *REPL) load(arg string) bool {
	if arg == "" {
		r.fail("%s", r.msg.loadUsage)
		return false
	}
	src, err := os.ReadFile(arg)
	if err != nil {
		r.fail("concur: %v", err)
		return false
	}
	r.eval(string(src), arg)
	return false
}

func (r *REPL) save(arg string) bool {
	if arg == "" {
		r.fail("%s", r.msg.saveUsage)
		return false
	}
	inputs := r.sess.Inputs()
	var b strings.Builder
	b.WriteString("// Saved by concur: run it with `concur run " + arg + "`.\n\n")
	for _, in := range inputs {
		b.WriteString(strings.TrimSpace(in))
		b.WriteString("\n\n")
	}
	if err := os.WriteFile(arg, []byte(b.String()), 0o644); err != nil {
		r.fail("concur: %v", err)
		return false
	}
	r.say(r.msg.saved, len(inputs), arg)
	return false
}

func (r *REPL) lang(arg string) bool {
	switch arg {
	case "":
		r.say("%s", r.cfg.Lang)
	case "en", "zh":
		r.cfg.Lang = arg
		r.msg = catalog(arg)
		r.printer.Lang = arg
		r.say("%s", r.msg.langSet)
	default:
		r.fail(r.msg.badLang, arg)
	}
	return false
}

// record is :record FILE [--append|--force] (in any order), or :record stop.
func (r *REPL) record(arg string) bool {
	if arg == "stop" {
		if r.rec == nil {
			r.fail("%s", r.msg.notRecording)
			return false
		}
		r.stopRecording()
		return false
	}
	var file string
	var appendTo, force bool
	for _, w := range strings.Fields(arg) {
		switch {
		case w == "--append" || w == "-append":
			appendTo = true
		case w == "--force" || w == "-force":
			force = true
		case file == "" && !strings.HasPrefix(w, "-"):
			file = w
		default:
			r.fail("%s", r.msg.recordUsage)
			return false
		}
	}
	if file == "" {
		r.fail("%s", r.msg.recordUsage)
		return false
	}
	mode, err := RecordFlags(r.msg.lang, file, appendTo, force)
	if err != nil {
		r.fail("%v", err)
		return false
	}
	r.startRecording(file, mode)
	return false
}
