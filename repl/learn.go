package repl

import (
	"context"
	"errors"
	"fmt"
	"go/scanner"
	"go/token"
	"io"
	"os"
	"strings"
	"time"

	"github.com/concur-dev/concur/engine"
	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/lessons"
)

// Learn puts a REPL in lesson mode: it shows a lesson's steps one at a time
// and adds the lesson commands (:run, :next, :check ...). The learner types
// Go as usual in the same session.
//
// Every word lesson mode shows is in the learner's language (Config.Lang):
// the lesson's text, its code comments, the check messages and lesson
// mode's own messages (learnEn, learnZh below). What stays as it is: Go's
// own texts (compile errors, panics) and what programs print.
type Learn struct {
	Lessons  []lessons.Lesson
	Index    int               // the lesson to open, in Lessons
	Progress *lessons.Progress // updated as the learner goes; nil: not kept
	Path     string            // where Progress is saved; "": not saved
}

// learner is the state of lesson mode.
type learner struct {
	Learn
	step     int
	typed    []string // inputs typed since the step was entered, that compiled
	hints    int      // hints shown in this step
	attempts int      // :check runs in this step
	askedSol bool     // :solution was asked once without a try
}

var lessonCommands []metaCommand

func init() {
	lessonCommands = []metaCommand{
		{":run", "", func(m messages) string { return learnCatalog(m).helpRun }, (*REPL).runExamples},
		{":next", "", func(m messages) string { return learnCatalog(m).helpNext }, func(r *REPL, _ string) bool { r.moveStep(+1); return false }},
		{":prev", "", func(m messages) string { return learnCatalog(m).helpPrev }, func(r *REPL, _ string) bool { r.moveStep(-1); return false }},
		{":lesson", "", func(m messages) string { return learnCatalog(m).helpLesson }, (*REPL).where},
		{":check", "[--paced] [FILE]", func(m messages) string { return learnCatalog(m).helpCheck }, (*REPL).check},
		{":hint", "", func(m messages) string { return learnCatalog(m).helpHint }, (*REPL).hint},
		{":solution", "", func(m messages) string { return learnCatalog(m).helpSolution }, (*REPL).solution},
		{":reset", "", func(m messages) string { return learnCatalog(m).helpReset }, (*REPL).lessonReset},
		glossaryCommand,
	}
}

// glossaryCommand is :glossary, in lesson mode and out of it.
var glossaryCommand = metaCommand{":glossary", "[TERM]", func(m messages) string { return learnCatalog(m).helpGlossary }, (*REPL).glossary}

// lessonCommand finds a lesson command, in lesson mode.
func (r *REPL) lessonCommand(name string) (metaCommand, bool) {
	if r.learn == nil {
		return metaCommand{}, false
	}
	for _, c := range lessonCommands {
		if c.name == name {
			return c, true
		}
	}
	return metaCommand{}, false
}

// startLesson enters lesson mode, at the step the learner stopped at.
func (r *REPL) startLesson() {
	l := &learner{Learn: *r.cfg.Learn}
	r.learn = l
	lesson := l.lesson()
	if l.Progress != nil {
		lp := l.Progress.Lesson(lesson.ID)
		l.step = min(max(lp.Step, 0), len(lesson.Steps)-1)
		lp.LastOpened = now()
		r.saveProgress()
	}
	r.showStep()
}

// now is the time progress records as last opened.
var now = time.Now

func (l *learner) lesson() lessons.Lesson { return l.Lessons[l.Index] }

func (l *learner) current() lessons.Step { return l.lesson().Steps[l.step] }

func (r *REPL) lmsg() learnMessages { return learnCatalog(r.msg) }

// lang is the learner's language, as the lessons name it.
func (r *REPL) lessonLang() lessons.Lang { return lessons.Lang(r.cfg.Lang) }

// text picks the REPL's language from a map of translations.
func (r *REPL) text(m map[lessons.Lang]string) string {
	if s := m[r.lessonLang()]; s != "" {
		return s
	}
	return m[lessons.English]
}

// textWidth is the width lesson text is wrapped to: the terminal's, up to
// 80 columns, which read best.
func (r *REPL) textWidth() int { return min(max(r.cfg.Width(), 20), 80) }

// render shows Markdown from a lesson at the text width.
func (r *REPL) render(md string) string { return renderText(md, r.textWidth(), r.cfg.Color) }

func (r *REPL) saveProgress() {
	l := r.learn
	if l.Progress == nil || l.Path == "" {
		return
	}
	if err := l.Progress.Save(l.Path); err != nil {
		r.fail(r.lmsg().progressNotSaved, err)
	}
}

// showStep prints the current step: heading, text, then its code and the
// keys that apply to it.
func (r *REPL) showStep() {
	l, m, lang := r.learn, r.lmsg(), r.lessonLang()
	lesson, s := l.lesson(), l.current()
	out := r.cfg.Out
	head := fmt.Sprintf(m.lessonHead, lesson.Order, len(l.Lessons), r.text(lesson.Title))
	fmt.Fprintln(out, r.printer.paint("1", head))
	fmt.Fprintln(out, r.printer.paint("1", fmt.Sprintf(m.stepHead, l.step+1, len(lesson.Steps), r.text(s.Title))))
	fmt.Fprintln(out)
	fmt.Fprintln(out, r.render(r.text(s.Text)))
	for _, ex := range s.Examples {
		fmt.Fprintln(out)
		fmt.Fprintln(out, r.printer.paint(dim, fmt.Sprintf(m.exampleHead, ex.File())))
		fmt.Fprintln(out, strings.TrimRight(ex.CodeIn(lang), "\n"))
	}
	fmt.Fprintln(out)
	if x := s.Exercise; x != nil {
		fmt.Fprintln(out, r.printer.paint(dim, fmt.Sprintf(m.starterHead, x.File())))
		fmt.Fprintln(out, strings.TrimRight(x.StarterIn(lang), "\n"))
		fmt.Fprintln(out)
		if l.Progress != nil && l.Progress.Solved(lesson.ID, x.Name) {
			r.say("%s", m.alreadySolved)
		}
		r.say("%s", m.exerciseKeys)
	}
	r.say("%s", r.stepKeys(s))
}

// stepKeys is the line of keys under a step: :run only where it has an
// example to run.
func (r *REPL) stepKeys(s lessons.Step) string {
	m := r.lmsg()
	var keys []string
	if len(s.Examples) > 0 {
		keys = append(keys, m.keyRun)
	}
	keys = append(keys, m.keyNext, m.keyGlossary, m.keyHelp)
	return strings.Join(keys, " · ")
}

// moveStep goes by to the next (+1) or previous (-1) step.
func (r *REPL) moveStep(by int) {
	l, m := r.learn, r.lmsg()
	lesson := l.lesson()
	next := l.step + by
	switch {
	case next >= len(lesson.Steps) && l.Index+1 < len(l.Lessons):
		// On from the last step: the next lesson, from its first step.
		l.Index++
		lesson, next = l.lesson(), 0
		if l.Progress != nil {
			l.Progress.Lesson(lesson.ID).LastOpened = now()
		}
	case next >= len(lesson.Steps):
		r.say("%s", m.lastLesson)
		return
	case next < 0:
		r.say("%s", m.firstStep)
		return
	}
	l.step = next
	l.typed, l.hints, l.attempts, l.askedSol = nil, 0, 0, false
	if l.Progress != nil {
		l.Progress.Lesson(lesson.ID).Step = next
		r.saveProgress()
	}
	r.showStep()
}

// typedInput records an input the learner typed, for :check; inputs that
// did not compile (status 1) are left out.
func (r *REPL) typedInput(input string, code int) {
	if r.learn != nil && code != 1 {
		r.learn.typed = append(r.learn.typed, input)
	}
}

// runExamples is :run: each example of the step, as `concur run` runs it, so
// the output is the one the lesson talks about, and then what to look at in
// it.
func (r *REPL) runExamples(string) bool {
	s, m := r.learn.current(), r.lmsg()
	if len(s.Examples) == 0 {
		r.say("%s", m.noExample)
		return false
	}
	for _, ex := range s.Examples {
		r.say("%s", r.printer.paint(dim, fmt.Sprintf(m.running, ex.File())))
		if width := r.cfg.Width(); r.src.Interactive() && width >= sideBySide {
			// Wide enough: the step's text on the left, the output beside it.
			cols := newColumns(r.cfg.Out, r.text(s.Text), width, r.cfg.Color)
			r.runWholeTo(cols, ex.File(), ex.Code)
			cols.Close()
		} else {
			r.runWhole(ex.File(), ex.Code, false)
		}
		if look := r.text(ex.Look); look != "" {
			r.say("")
			r.say("%s", r.printer.paint("1", m.lookHead))
			r.say("%s", r.render(look))
		}
	}
	return false
}

// runWholeTo is runWhole with the output (faults too) written to w, and the
// timeline after it.
func (r *REPL) runWholeTo(w io.Writer, file, src string) {
	sess, err := engine.NewSession(r.cfg.Engine)
	if err != nil {
		r.fail("concur: %v", err)
		return
	}
	defer sess.Close()
	events, _, err := r.play(sess, r.newPrinter(w, w), file, src, true)
	if err != nil {
		r.fail("concur: %v", err)
		return
	}
	if r.cfg.Timeline && TimelineNeeded(events) && elapsed(events) > 0 {
		fmt.Fprint(w, DrawTimeline(events, r.timelineOptions((r.cfg.Width()-3)/2)))
	}
}

// runWhole runs src as a whole program in a fresh session of its own, shows
// its output (and timeline, as after any run) and returns its events; with
// leaks, its exit event says which goroutines were left behind (see
// engine.Options.Leaks).
func (r *REPL) runWhole(file, src string, leaks bool) ([]event.Event, bool) {
	opts := r.cfg.Engine
	opts.Leaks = leaks
	sess, err := engine.NewSession(opts)
	if err != nil {
		r.fail("concur: %v", err)
		return nil, false
	}
	defer sess.Close()
	events, _, err := r.play(sess, r.newPrinter(r.cfg.Out, r.cfg.Err), file, src, true)
	if err != nil {
		r.fail("concur: %v", err)
		return nil, false
	}
	if r.cfg.Timeline && r.src.Interactive() && TimelineNeeded(events) && elapsed(events) > 0 {
		fmt.Fprint(r.cfg.Out, DrawTimeline(events, r.timelineOptions(r.cfg.Width())))
	}
	return events, true
}

// where is :lesson.
func (r *REPL) where(string) bool {
	l, m := r.learn, r.lmsg()
	lesson, s := l.lesson(), l.current()
	r.say(m.lessonHead, lesson.Order, len(l.Lessons), r.text(lesson.Title))
	r.say(m.stepHead, l.step+1, len(lesson.Steps), r.text(s.Title))
	if x := s.Exercise; x != nil {
		state := m.notSolved
		if l.Progress != nil && l.Progress.Solved(lesson.ID, x.Name) {
			state = m.solved
		}
		r.say(m.exerciseState, x.Name, state, l.hints, len(x.Hints[lessons.English]), l.attempts)
	} else {
		r.say("%s", m.noExercise)
	}
	return false
}

func (r *REPL) exercise() *lessons.Exercise {
	x := r.learn.current().Exercise
	if x == nil {
		r.say("%s", r.lmsg().noExercise)
	}
	return x
}

// check is :check [--paced] [FILE]: it runs what the learner typed since the
// step began (or FILE) as a whole program in a fresh session and checks it.
// The run is shown at once, not at its pace: the learner is waiting for the
// verdict. --paced plays it at the REPL's speed.
func (r *REPL) check(arg string) bool {
	l, m := r.learn, r.lmsg()
	x := r.exercise()
	if x == nil {
		return false
	}
	paced := false
	if first, rest, _ := strings.Cut(arg, " "); first == "--paced" {
		paced, arg = true, strings.TrimSpace(rest)
	}
	file, src := x.File(), strings.Join(l.typed, "\n\n")
	if arg != "" {
		data, err := os.ReadFile(arg)
		if err != nil {
			r.fail("concur: %v", err)
			return false
		}
		file, src = arg, string(data)
	}
	if strings.TrimSpace(src) == "" {
		r.fail("%s", m.nothingTyped)
		return false
	}
	l.attempts++
	if !paced {
		speed := r.cfg.Speed
		r.cfg.Speed = 0
		defer func() { r.cfg.Speed = speed }()
	}
	events, ok := r.runWhole(file, src, true)
	if !ok {
		return false
	}
	if len(lessons.Check(x.Checks, events)) == 0 {
		r.say("%s", r.printer.paint(dim, fmt.Sprintf(m.checkingSchedules, 2*lessons.CheckSeeds, lessons.CheckSeeds, lessons.CheckJitter*100)))
	}
	failures, failed, err := r.judge(x, file, src, events)
	if err != nil {
		r.fail("concur: %v", err)
		return false
	}
	if failed != nil && failed.Seed != 0 {
		// The run that failed is not the one shown: show it.
		head := fmt.Sprintf(m.failedUnder, failed.Seed)
		if failed.Jitter > 0 {
			head = fmt.Sprintf(m.failedUnderJitter, failed.Seed, failed.Jitter*100)
		}
		r.say("%s", r.printer.paint(dim, head))
		p := r.newPrinter(r.cfg.Out, r.cfg.Err)
		for _, e := range failed.Events {
			p.Event(e)
		}
		p.Flush()
	}
	if len(failures) > 0 {
		for _, f := range failures {
			fmt.Fprintln(r.cfg.Err, r.printer.paint(red, "✗ "+f.In(r.lessonLang())))
		}
		r.fail(m.checkFailed, len(failures), len(x.Checks))
		return false
	}
	r.say("%s", r.printer.paint("32", fmt.Sprintf(m.checkPassed, len(x.Checks), 1+2*lessons.CheckSeeds)))
	if l.Progress != nil {
		l.Progress.MarkSolved(l.lesson().ID, x.Name)
		r.saveProgress()
	}
	r.say("%s", r.whatNext())
	return false
}

// judge checks an answer as lessons.Judge does: on its run, whose events
// are given, and under the other schedules, each in a program of its own.
// Ctrl-C stops it.
func (r *REPL) judge(x *lessons.Exercise, file, src string, events []event.Event) ([]lessons.Failure, *lessons.Run, error) {
	ctx, cancel := context.WithCancel(context.Background())
	r.mu.Lock()
	r.cancel = cancel
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		r.cancel = nil
		r.mu.Unlock()
		cancel()
	}()
	explore := func(seeds []uint64, jitter float64, each func(uint64, []event.Event)) error {
		opts := r.cfg.Engine
		opts.Leaks = true
		sess, err := engine.NewSession(opts)
		if err != nil {
			return err
		}
		defer sess.Close()
		return sess.Explore(ctx, file, src, true, seeds, jitter, func(sc engine.Schedule) { each(sc.Seed, sc.Events) })
	}
	failures, failed, err := lessons.Judge(x.Checks, events, explore)
	if ctx.Err() != nil {
		return nil, nil, errors.New(r.lmsg().checkStopped)
	}
	return failures, failed, err
}

// whatNext says where :next leads from here.
func (r *REPL) whatNext() string {
	l, m := r.learn, r.lmsg()
	switch {
	case l.step+1 < len(l.lesson().Steps):
		return m.nextStep
	case l.Index+1 < len(l.Lessons):
		next := l.Lessons[l.Index+1]
		return fmt.Sprintf(m.nextLesson, next.Order, r.text(next.Title))
	}
	return m.courseDone
}

// hint is :hint: one more hint each time.
func (r *REPL) hint(string) bool {
	l, m := r.learn, r.lmsg()
	x := r.exercise()
	if x == nil {
		return false
	}
	hints := x.Hints[r.lessonLang()]
	if len(hints) == 0 {
		hints = x.Hints[lessons.English]
	}
	if l.hints >= len(hints) {
		r.say("%s", m.noMoreHints)
		return false
	}
	l.hints++
	r.say(m.hintHead, l.hints, len(hints))
	r.say("%s", r.render(hints[l.hints-1]))
	return false
}

// solution is :solution: after a :check, or when asked twice.
func (r *REPL) solution(string) bool {
	l, m := r.learn, r.lmsg()
	x := r.exercise()
	if x == nil {
		return false
	}
	if l.attempts == 0 && !l.askedSol {
		l.askedSol = true
		r.say("%s", m.solutionConfirm)
		return false
	}
	r.say("%s", r.printer.paint(dim, fmt.Sprintf(m.solutionHead, x.File())))
	r.say("%s", strings.TrimRight(x.SolutionIn(r.lessonLang()), "\n"))
	return false
}

// lessonReset is :reset in lesson mode: on an exercise, a fresh session
// holding its starter code; elsewhere the plain :reset.
func (r *REPL) lessonReset(arg string) bool {
	x := r.learn.current().Exercise
	if x == nil {
		return r.reset(arg)
	}
	if !r.restart(r.cfg.Engine) {
		return false
	}
	starter := x.StarterIn(r.lessonLang())
	r.say("%s", r.printer.paint(dim, fmt.Sprintf(r.lmsg().starterLoaded, x.File())))
	r.say("%s", strings.TrimRight(starter, "\n"))
	r.learn.typed = nil
	// Only the declarations go into the session: the statements are the
	// learner's to type, changed as the exercise asks, and :check must not
	// run the starter's statements as well as theirs.
	if decls := declarations(starter); decls != "" {
		code := r.eval(decls, x.File())
		r.typedInput(decls, code)
	}
	return false
}

// glossary is :glossary [TERM]: the list of terms, or what one means, in
// the learner's language.
func (r *REPL) glossary(arg string) bool {
	m, lang := r.lmsg(), r.lessonLang()
	terms, err := lessons.Glossary()
	if err != nil {
		r.fail("concur: %v", err)
		return false
	}
	name := func(t lessons.Term) string {
		if n := t.Name[lang]; n != "" {
			return n
		}
		return t.Name[lessons.English]
	}
	if arg == "" {
		r.say("%s", m.glossaryHead)
		width := 0
		for _, t := range terms {
			width = max(width, runeCells(name(t)))
		}
		for _, t := range terms {
			def := t.Def[lang]
			if def == "" {
				def = t.Def[lessons.English]
			}
			// The list shows each term and the start of its meaning, on one line.
			line := "  " + name(t) + strings.Repeat(" ", width-runeCells(name(t))) + "  " + firstSentence(def)
			r.say("%s", clipWords(renderText(line, 1<<20, false), max(r.cfg.Width()-1, 20)))
		}
		return false
	}
	found := lessons.Lookup(terms, arg)
	if len(found) == 0 {
		r.fail(m.noTerm, arg)
		return false
	}
	all := r.cfg.Learn.lessonsOrLoad()
	for i, t := range found {
		if i > 0 {
			r.say("")
		}
		head := name(t)
		if lang != lessons.English {
			head += fmt.Sprintf(m.termInEnglish, t.Name[lessons.English])
		}
		r.say("%s", r.printer.paint("1", head))
		def := t.Def[lang]
		if def == "" {
			def = t.Def[lessons.English]
		}
		r.say("%s", r.render(def))
		for _, l := range all {
			if l.ID == t.Lesson {
				r.say(m.termLesson, l.Order, r.text(l.Title))
			}
		}
	}
	return false
}

// lessonsOrLoad returns the lessons of lesson mode, or loads them outside
// it (for :glossary in the plain REPL).
func (l *Learn) lessonsOrLoad() []lessons.Lesson {
	if l != nil {
		return l.Lessons
	}
	all, _ := lessons.Load()
	return all
}

// clipWords cuts s to at most n cells, between words (or Chinese
// characters), ending it in "…" when cut.
func clipWords(s string, n int) string {
	if runeCells(s) <= n {
		return s
	}
	lines := wrapStyled(plainStyled(s, 0), n-1, "", "", false)
	return strings.TrimRight(lines[0], " ，、：") + "…"
}

// firstSentence is s up to its first full stop.
func firstSentence(s string) string {
	for i, r := range s {
		// A colon introduces what follows: the sentence goes on (and the
		// list line is clipped to the terminal's width).
		if r == '。' {
			return s[:i+len(string(r))]
		}
		if r == '.' && (i+1 == len(s) || s[i+1] == ' ') {
			return s[:i+1]
		}
	}
	return s
}

// declarations returns the top-level declarations of a snippet (func,
// method, type, var, const, import), in order, without its statements.
func declarations(src string) string {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), nil, 0)
	type tok struct {
		off int
		tok token.Token
	}
	var toks []tok
	for {
		pos, t, _ := s.Scan()
		if t == token.EOF {
			break
		}
		toks = append(toks, tok{file.Offset(pos), t})
	}
	var out []string
	depth, start, isDecl := 0, -1, false
	for i, t := range toks {
		if start < 0 {
			start = t.off
			isDecl = isDeclStart(toks[i:], func(k int) token.Token { return toks[i+k].tok })
		}
		switch t.tok {
		case token.LPAREN, token.LBRACE, token.LBRACK:
			depth++
		case token.RPAREN, token.RBRACE, token.RBRACK:
			depth--
		case token.SEMICOLON:
			if depth == 0 {
				if isDecl {
					out = append(out, strings.TrimSpace(src[start:t.off]))
				}
				start = -1
			}
		}
	}
	if start >= 0 && isDecl {
		out = append(out, strings.TrimSpace(src[start:]))
	}
	return strings.Join(out, "\n\n")
}

// isDeclStart reports whether the tokens of a top-level item begin a
// declaration: a func with a name (or a method), type, var, const, import.
func isDeclStart[T any](rest []T, at func(int) token.Token) bool {
	switch at(0) {
	case token.TYPE, token.VAR, token.CONST, token.IMPORT:
		return true
	case token.FUNC:
		if len(rest) < 2 {
			return false
		}
		if at(1) == token.IDENT {
			return true
		}
		if at(1) != token.LPAREN {
			return false
		}
		// func (r T) Name(...) is a method; func(...) {...}(...) is a call.
		depth := 0
		for k := 1; k < len(rest); k++ {
			switch at(k) {
			case token.LPAREN:
				depth++
			case token.RPAREN:
				depth--
				if depth == 0 {
					return k+1 < len(rest) && at(k+1) == token.IDENT
				}
			}
		}
	}
	return false
}

// learnMessages are lesson mode's words, in one language. A string shown in
// lesson mode goes here, in every language; lessons/README.md says how to
// add one.
type learnMessages struct {
	helpRun, helpNext, helpPrev, helpLesson, helpCheck string
	helpHint, helpSolution, helpReset, helpGlossary    string
	lessonHead, stepHead, exampleHead, starterHead     string
	keyRun, keyNext, keyGlossary, keyHelp              string
	exerciseKeys, alreadySolved                        string
	lastLesson, firstStep                              string
	noExample, running, lookHead, noExercise           string
	exerciseState, solved, notSolved                   string
	nothingTyped, checkFailed, checkPassed             string
	checkingSchedules, failedUnder, failedUnderJitter  string
	checkStopped                                       string
	nextStep, nextLesson, courseDone                   string
	noMoreHints, hintHead                              string
	solutionConfirm, solutionHead, starterLoaded       string
	glossaryHead, noTerm, termInEnglish, termLesson    string
	progressNotSaved                                   string
}

func learnCatalog(m messages) learnMessages {
	if m.lang == "zh" {
		return learnZh
	}
	return learnEn
}

var learnEn = learnMessages{
	helpRun:           "run the step's example(s) as concur run does",
	helpNext:          "go to the next step",
	helpPrev:          "go back to the previous step",
	helpLesson:        "where am I: lesson, step, exercise",
	helpCheck:         "check what you typed since the step began (or FILE); --paced plays the run at its pace",
	helpHint:          "one more hint",
	helpSolution:      "show a solution (after a :check, or asked twice)",
	helpReset:         "restore the exercise's starting code in a new session",
	helpGlossary:      "the terms of the course, or what TERM means",
	lessonHead:        "Lesson %d/%d: %s",
	stepHead:          "Step %d/%d: %s",
	exampleHead:       "── example %s ──",
	starterHead:       "── exercise %s: starting code ──",
	keyRun:            ":run runs the example",
	keyNext:           ":next goes on",
	keyGlossary:       ":glossary lists the terms",
	keyHelp:           ":help lists the commands",
	exerciseKeys:      "Type your answer (:reset loads the starting code), then :check. :hint gives a hint.",
	alreadySolved:     "(you solved this exercise already)",
	lastLesson:        "This was the last step of the last lesson.",
	firstStep:         "This is the first step.",
	noExample:         "this step has no example",
	running:           "running %s:",
	lookHead:          "Look at:",
	noExercise:        "this step has no exercise",
	exerciseState:     "Exercise %s: %s (hints %d/%d, checks run %d)",
	solved:            "solved",
	notSolved:         "not solved yet",
	nothingTyped:      "nothing to check: type your code first (:reset loads the starting code), or :check FILE",
	checkFailed:       "%d of %d checks failed",
	checkPassed:       "✓ all %d checks pass, under %d schedules: exercise solved",
	checkingSchedules: "checking under %d more schedules (%d of them with every sleep changed by up to ±%.0f%%): an answer must synchronise, not only be lucky in its timing",
	failedUnder:       "under another schedule (seed %d; concur run --seed %[1]d shows it) it printed:",
	failedUnderJitter: "under another schedule (seed %d, sleeps changed by up to ±%.0f%%) it printed:",
	checkStopped:      "check stopped",
	nextStep:          ":next goes on to the next step.",
	nextLesson:        ":next opens lesson %d: %s",
	courseDone:        "That was the last exercise of the course.",
	noMoreHints:       "no more hints: :solution shows a solution",
	hintHead:          "Hint %d/%d:",
	solutionConfirm:   "You have not run :check yet. Type :solution again to see a solution anyway.",
	solutionHead:      "── a solution (%s) ──",
	starterLoaded:     "new session; the declarations of %s are loaded, the statements are yours to type:",
	glossaryHead:      "Glossary (:glossary TERM says more about one):",
	noTerm:            "no term %q in the glossary: :glossary lists them",
	termInEnglish:     "",
	termLesson:        "(lesson %d: %s)",
	progressNotSaved:  "concur: progress not saved: %v",
}

var learnZh = learnMessages{
	helpRun:           "像 concur run 那样运行这一步的示例",
	helpNext:          "进入下一步",
	helpPrev:          "回到上一步",
	helpLesson:        "我在哪儿：第几课、第几步、练习做完没有",
	helpCheck:         "检查进入这一步以来输入的代码（或给出的文件）；加 --paced 按原来的节奏回放运行",
	helpHint:          "再给一条提示",
	helpSolution:      "查看参考答案（:check 之后，或连输两次）",
	helpReset:         "在新会话中恢复练习的初始代码",
	helpGlossary:      "列出课程里的术语，或解释给出的那个术语",
	lessonHead:        "第 %d/%d 课：%s",
	stepHead:          "第 %d/%d 步：%s",
	exampleHead:       "── 示例 %s ──",
	starterHead:       "── 练习 %s：初始代码 ──",
	keyRun:            ":run 运行示例",
	keyNext:           ":next 下一步",
	keyGlossary:       ":glossary 术语表",
	keyHelp:           ":help 查看所有命令",
	exerciseKeys:      "输入你的答案（:reset 载入初始代码），然后 :check。:hint 给出提示。",
	alreadySolved:     "（这个练习你已经完成了）",
	lastLesson:        "这是最后一课的最后一步。",
	firstStep:         "这已经是第一步了。",
	noExample:         "这一步没有示例",
	running:           "运行 %s：",
	lookHead:          "看这里：",
	noExercise:        "这一步没有练习",
	exerciseState:     "练习 %s：%s（提示 %d/%d，已检查 %d 次）",
	solved:            "已完成",
	notSolved:         "尚未完成",
	nothingTyped:      "没有可检查的代码：先输入代码（:reset 载入初始代码），或用 :check 文件",
	checkFailed:       "%d/%d 项检查未通过",
	checkPassed:       "✓ %d 项检查在 %d 种调度下全部通过：练习完成",
	checkingSchedules: "再用 %d 种调度检查（其中 %d 种把每次 sleep 的时长上下浮动至多 ±%.0f%%）：答案要靠同步，不能只靠时间凑巧",
	failedUnder:       "换一种调度（种子 %d；concur run --seed %[1]d 可重现）时，它打印了：",
	failedUnderJitter: "换一种调度（种子 %d，sleep 时长上下浮动至多 ±%.0f%%）时，它打印了：",
	checkStopped:      "检查已停止",
	nextStep:          ":next 进入下一步。",
	nextLesson:        ":next 打开第 %d 课：%s",
	courseDone:        "这是整个课程的最后一个练习。",
	noMoreHints:       "没有更多提示了：:solution 查看参考答案",
	hintHead:          "提示 %d/%d：",
	solutionConfirm:   "你还没有运行过 :check。再输入一次 :solution 即可查看参考答案。",
	solutionHead:      "── 参考答案（%s）──",
	starterLoaded:     "新会话：已载入 %s 中的声明，语句请你自己输入：",
	glossaryHead:      "术语表（:glossary 术语 查看详细解释）：",
	noTerm:            "术语表里没有 %q：:glossary 列出所有术语",
	termInEnglish:     "（英文：“%s”）",
	termLesson:        "（第 %d 课：%s）",
	progressNotSaved:  "concur：进度没有保存：%v",
}
