package repl

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/concur-dev/concur/engine"
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
		{":speed", "N|max", func(m messages) string { return m.helpSpeed }, (*REPL).speed},
		{":timeline", "[on|off]", func(m messages) string { return m.helpTimeline }, (*REPL).timeline},
		{":goroutines", "", func(m messages) string { return m.helpGoroutines }, (*REPL).goroutines},
		{":history", "", func(m messages) string { return m.helpHistory }, (*REPL).history},
		{":load", "FILE", func(m messages) string { return m.helpLoad }, (*REPL).load},
		{":save", "FILE", func(m messages) string { return m.helpSave }, (*REPL).save},
		{":lang", "en|zh", func(m messages) string { return m.helpLang }, (*REPL).lang},
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
	width := 0
	for _, c := range cmds {
		width = max(width, len(c.name)+1+len(c.args))
	}
	for _, c := range cmds {
		use := strings.TrimSpace(c.name + " " + c.args)
		r.say("  %-*s  %s", width, use, c.help(r.msg))
	}
	r.say("%s", r.msg.helpKeys)
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
	r.last = nil
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
	opts := r.cfg.Engine
	opts.Clock = arg
	if arg == "real" {
		opts.MaxVirtual = 0
	}
	if r.restart(opts) {
		r.say(r.msg.clockSet, arg)
	}
	return false
}

func (r *REPL) speed(arg string) bool {
	switch {
	case arg == "":
		if r.cfg.Speed == 0 {
			r.say(r.msg.speedIs, "max")
		} else {
			r.say(r.msg.speedIs, strconv.FormatFloat(r.cfg.Speed, 'g', -1, 64))
		}
	case arg == "max":
		r.cfg.Speed = 0
		r.say(r.msg.speedIs, "max")
	default:
		f, err := strconv.ParseFloat(arg, 64)
		if err != nil || f <= 0 {
			r.fail(r.msg.badSpeed, arg)
			return false
		}
		r.cfg.Speed = f
		r.say(r.msg.speedIs, arg)
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
		fmt.Fprint(r.cfg.Out, Timeline(r.last, r.cfg.Width(), r.cfg.Color))
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
	for _, g := range live {
		r.say("  %s: %s", Label(g.G, g.Name), g.State)
	}
	return false
}

func (r *REPL) history(string) bool {
	for i, h := range r.src.History() {
		lines := strings.Split(h, "\n")
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
		r.say("%s", r.msg.langSet)
	default:
		r.fail(r.msg.badLang, arg)
	}
	return false
}

func (r *REPL) record(arg string) bool {
	switch arg {
	case "":
		r.fail("%s", r.msg.recordUsage)
	case "stop":
		if r.rec == nil {
			r.fail("%s", r.msg.notRecording)
			return false
		}
		r.stopRecording()
	default:
		r.startRecording(arg)
	}
	return false
}
