package repl

import (
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
// In this increment the step's text and its code are shown one under the
// other, whatever the terminal's width.
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
		{":check", "[FILE]", func(m messages) string { return learnCatalog(m).helpCheck }, (*REPL).check},
		{":hint", "", func(m messages) string { return learnCatalog(m).helpHint }, (*REPL).hint},
		{":solution", "", func(m messages) string { return learnCatalog(m).helpSolution }, (*REPL).solution},
		{":reset", "", func(m messages) string { return learnCatalog(m).helpReset }, (*REPL).lessonReset},
	}
}

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

// text picks the REPL's language from a map of translations.
func (r *REPL) text(m map[lessons.Lang]string) string {
	if s := m[lessons.Lang(r.cfg.Lang)]; s != "" {
		return s
	}
	return m[lessons.English]
}

func (r *REPL) saveProgress() {
	l := r.learn
	if l.Progress == nil || l.Path == "" {
		return
	}
	if err := l.Progress.Save(l.Path); err != nil {
		fmt.Fprintf(r.cfg.Err, "concur: progress not saved: %v\n", err)
	}
}

// showStep prints the current step: heading, text, then its code.
func (r *REPL) showStep() {
	l, m := r.learn, r.lmsg()
	lesson, s := l.lesson(), l.current()
	width := max(r.cfg.Width(), 20)
	out := r.cfg.Out
	head := fmt.Sprintf(m.lessonHead, lesson.Order, len(l.Lessons), r.text(lesson.Title))
	fmt.Fprintln(out, r.printer.paint("1", head))
	fmt.Fprintln(out, r.printer.paint("1", fmt.Sprintf(m.stepHead, l.step+1, len(lesson.Steps), r.text(s.Title))))
	fmt.Fprintln(out)
	fmt.Fprintln(out, wrapText(r.text(s.Text), width))
	for _, ex := range s.Examples {
		fmt.Fprintln(out)
		fmt.Fprintln(out, r.printer.paint(dim, fmt.Sprintf(m.exampleHead, ex.File())))
		fmt.Fprintln(out, strings.TrimRight(ex.Code, "\n"))
	}
	if x := s.Exercise; x != nil {
		fmt.Fprintln(out)
		fmt.Fprintln(out, r.printer.paint(dim, fmt.Sprintf(m.starterHead, x.File())))
		fmt.Fprintln(out, strings.TrimRight(x.Starter, "\n"))
		fmt.Fprintln(out)
		if l.Progress != nil && l.Progress.Solved(lesson.ID, x.Name) {
			r.say("%s", m.alreadySolved)
		}
		r.say("%s", m.exerciseKeys)
	} else {
		fmt.Fprintln(out)
		r.say("%s", m.stepKeys)
	}
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
// the output is the one the lesson talks about.
func (r *REPL) runExamples(string) bool {
	s := r.learn.current()
	if len(s.Examples) == 0 {
		r.say("%s", r.lmsg().noExample)
		return false
	}
	for _, ex := range s.Examples {
		r.say("%s", r.printer.paint(dim, fmt.Sprintf(r.lmsg().running, ex.File())))
		if width := r.cfg.Width(); r.src.Interactive() && width >= sideBySide {
			// Wide enough: the step's text on the left, the output beside it.
			cols := newColumns(r.cfg.Out, r.text(s.Text), width)
			r.runWholeTo(cols, ex.File(), ex.Code)
			cols.Close()
			continue
		}
		r.runWhole(ex.File(), ex.Code)
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
// its output (and timeline, as after any run) and returns its events.
func (r *REPL) runWhole(file, src string) ([]event.Event, bool) {
	sess, err := engine.NewSession(r.cfg.Engine)
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

// check is :check [FILE]: it runs what the learner typed since the step
// began (or FILE) as a whole program in a fresh session and checks it.
func (r *REPL) check(arg string) bool {
	l, m := r.learn, r.lmsg()
	x := r.exercise()
	if x == nil {
		return false
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
	events, ok := r.runWhole(file, src)
	if !ok {
		return false
	}
	failures := lessons.Check(x.Checks, events)
	if len(failures) > 0 {
		for _, f := range failures {
			fmt.Fprintln(r.cfg.Err, r.printer.paint(red, "✗ "+f.String()))
		}
		r.fail(m.checkFailed, len(failures), len(x.Checks))
		return false
	}
	r.say("%s", r.printer.paint("32", fmt.Sprintf(m.checkPassed, len(x.Checks))))
	if l.Progress != nil {
		l.Progress.MarkSolved(l.lesson().ID, x.Name)
		r.saveProgress()
	}
	return false
}

// hint is :hint: one more hint each time.
func (r *REPL) hint(string) bool {
	l, m := r.learn, r.lmsg()
	x := r.exercise()
	if x == nil {
		return false
	}
	hints := x.Hints[lessons.Lang(r.cfg.Lang)]
	if len(hints) == 0 {
		hints = x.Hints[lessons.English]
	}
	if l.hints >= len(hints) {
		r.say("%s", m.noMoreHints)
		return false
	}
	l.hints++
	r.say(m.hintHead, l.hints, len(hints))
	r.say("%s", wrapText(hints[l.hints-1], max(r.cfg.Width(), 20)))
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
	r.say("%s", strings.TrimRight(x.Solution, "\n"))
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
	r.say("%s", r.printer.paint(dim, fmt.Sprintf(r.lmsg().starterLoaded, x.File())))
	r.say("%s", strings.TrimRight(x.Starter, "\n"))
	r.learn.typed = nil
	// Only the declarations go into the session: the statements are the
	// learner's to type, changed as the exercise asks, and :check must not
	// run the starter's statements as well as theirs.
	if decls := declarations(x.Starter); decls != "" {
		code := r.eval(decls, x.File())
		r.typedInput(decls, code)
	}
	return false
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

// wrapText wraps the lines of text longer than width cells at spaces (or
// between wide characters), indenting continuations like the line they
// continue; lines in code fences are left as they are.
func wrapText(text string, width int) string {
	var b strings.Builder
	fence := false
	for i, line := range strings.Split(reflow(strings.TrimRight(text, "\n")), "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fence = !fence
		}
		if fence || runeCells(line) <= width {
			b.WriteString(line)
			continue
		}
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		if rest := line[len(indent):]; strings.HasPrefix(rest, "- ") || strings.HasPrefix(rest, "* ") {
			indent += "  "
		}
		b.WriteString(wrapLine(line, indent, width))
	}
	return b.String()
}

// reflow joins the lines of each paragraph (and of each list item) into one,
// so that wrapping to the screen does not leave the source's own line
// breaks in the middle of lines. Code fences, headings, blank lines and list
// items keep their own lines; Chinese lines join without a space.
func reflow(text string) string {
	var out []string
	fence := false
	joinable := false // the last line may take the next one
	for _, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") {
			fence = !fence
			out = append(out, line)
			joinable = false
			continue
		}
		startsBlock := trimmed == "" || fence || strings.HasPrefix(trimmed, "#") ||
			strings.HasPrefix(trimmed, "- ") || strings.HasPrefix(trimmed, "* ") ||
			strings.HasPrefix(trimmed, "|") || startsNumbered(trimmed) ||
			strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t")
		if joinable && !startsBlock {
			last := out[len(out)-1]
			sep := " "
			if r := []rune(last); len(r) > 0 && runeCells(string(r[len(r)-1])) == 2 {
				sep = "" // Chinese needs no space between lines
			}
			out[len(out)-1] = last + sep + trimmed
			continue
		}
		out = append(out, line)
		joinable = trimmed != "" && !fence && !strings.HasPrefix(trimmed, "#") && !strings.HasPrefix(trimmed, "|")
	}
	return strings.Join(out, "\n")
}

// startsNumbered reports whether a line starts a numbered list item ("1. ").
func startsNumbered(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && strings.HasPrefix(s[i:], ". ")
}

func wrapLine(line, indent string, width int) string {
	var b strings.Builder
	var cur strings.Builder
	cells := 0
	var word []rune
	flushWord := func() {
		w := runeCells(string(word))
		if cells > 0 && cells+w > width {
			b.WriteString(strings.TrimRight(cur.String(), " "))
			b.WriteByte('\n')
			cur.Reset()
			cur.WriteString(indent)
			cells = runeCells(indent)
			if strings.TrimSpace(string(word)) == "" {
				word = word[:0]
				return
			}
		}
		cur.WriteString(string(word))
		cells += w
		word = word[:0]
	}
	for _, c := range line {
		switch {
		case c == ' ':
			flushWord()
			word = append(word, c)
			flushWord()
		case wideRune(c) == 2:
			flushWord()
			word = append(word, c)
			flushWord()
		default:
			word = append(word, c)
		}
	}
	flushWord()
	b.WriteString(strings.TrimRight(cur.String(), " "))
	return b.String()
}

// learnMessages are lesson mode's words, in one language.
type learnMessages struct {
	helpRun, helpNext, helpPrev, helpLesson, helpCheck string
	helpHint, helpSolution, helpReset                  string
	lessonHead, stepHead, exampleHead, starterHead     string
	stepKeys, exerciseKeys, alreadySolved              string
	lastLesson, firstStep                              string
	noExample, running, noExercise                     string
	exerciseState, solved, notSolved                   string
	nothingTyped, checkFailed, checkPassed             string
	noMoreHints, hintHead                              string
	solutionConfirm, solutionHead, starterLoaded       string
}

func learnCatalog(m messages) learnMessages {
	if m.lang == "zh" {
		return learnZh
	}
	return learnEn
}

var learnEn = learnMessages{
	helpRun:         "run the step's example(s) as concur run does",
	helpNext:        "go to the next step",
	helpPrev:        "go back to the previous step",
	helpLesson:      "where am I: lesson, step, exercise",
	helpCheck:       "check what you typed since the step began (or FILE)",
	helpHint:        "one more hint",
	helpSolution:    "show a solution (after a :check, or asked twice)",
	helpReset:       "restore the exercise's starting code in a new session",
	lessonHead:      "Lesson %d/%d: %s",
	stepHead:        "Step %d/%d: %s",
	exampleHead:     "── example %s ──",
	starterHead:     "── exercise %s: starting code ──",
	stepKeys:        ":run runs the example · :next goes on · :help lists the commands",
	exerciseKeys:    "Type your answer (:reset loads the starting code), then :check. :hint gives a hint.",
	alreadySolved:   "(you solved this exercise already)",
	lastLesson:      "This was the last step of the last lesson.",
	firstStep:       "This is the first step.",
	noExample:       "this step has no example",
	running:         "running %s:",
	noExercise:      "this step has no exercise",
	exerciseState:   "Exercise %s: %s (hints %d/%d, checks run %d)",
	solved:          "solved",
	notSolved:       "not solved yet",
	nothingTyped:    "nothing to check: type your code first (:reset loads the starting code), or :check FILE",
	checkFailed:     "%d of %d checks failed",
	checkPassed:     "✓ all %d checks pass: exercise solved",
	noMoreHints:     "no more hints: :solution shows a solution",
	hintHead:        "Hint %d/%d:",
	solutionConfirm: "You have not run :check yet. Type :solution again to see a solution anyway.",
	solutionHead:    "── a solution (%s) ──",
	starterLoaded:   "new session; the declarations of %s are loaded, the statements are yours to type:",
}

var learnZh = learnMessages{
	helpRun:         "像 concur run 那样运行这一步的示例",
	helpNext:        "进入下一步",
	helpPrev:        "回到上一步",
	helpLesson:      "我在哪儿：第几课、第几步、练习做完没有",
	helpCheck:       "检查进入这一步以来输入的代码（或文件 FILE）",
	helpHint:        "再给一条提示",
	helpSolution:    "查看参考答案（:check 之后，或连输两次）",
	helpReset:       "在新会话中恢复练习的初始代码",
	lessonHead:      "第 %d/%d 课：%s",
	stepHead:        "第 %d/%d 步：%s",
	exampleHead:     "── 示例 %s ──",
	starterHead:     "── 练习 %s：初始代码 ──",
	stepKeys:        ":run 运行示例 · :next 下一步 · :help 查看所有命令",
	exerciseKeys:    "输入你的答案（:reset 载入初始代码），然后 :check。:hint 给出提示。",
	alreadySolved:   "（这个练习你已经完成了）",
	lastLesson:      "这是最后一课的最后一步。",
	firstStep:       "这已经是第一步了。",
	noExample:       "这一步没有示例",
	running:         "运行 %s：",
	noExercise:      "这一步没有练习",
	exerciseState:   "练习 %s：%s（提示 %d/%d，已检查 %d 次）",
	solved:          "已完成",
	notSolved:       "尚未完成",
	nothingTyped:    "没有可检查的代码：先输入代码（:reset 载入初始代码），或用 :check 文件",
	checkFailed:     "%d/%d 项检查未通过",
	checkPassed:     "✓ %d 项检查全部通过：练习完成",
	noMoreHints:     "没有更多提示了：:solution 查看参考答案",
	hintHead:        "提示 %d/%d：",
	solutionConfirm: "你还没有运行过 :check。再输入一次 :solution 即可查看参考答案。",
	solutionHead:    "── 参考答案（%s）──",
	starterLoaded:   "新会话：已载入 %s 中的声明，语句请你自己输入：",
}
