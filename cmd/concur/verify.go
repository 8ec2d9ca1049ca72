package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/concur-dev/concur/engine"
	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/lessons"
	"github.com/concur-dev/concur/repl"
)

// verifyWords are --verify's words, in every language.
var verifyWords = map[string]struct{ example, explore, shown, shownSol, starter, solution, prints, shows, allPass, summary string }{
	"en": {
		example:  "%s: example %s prints what the lesson shows",
		explore:  "%s: :explore %d of example %s prints what the lesson shows",
		shown:    "%s: example %s as %s shows it prints what the lesson shows",
		shownSol: "%s: the solution of %s as %s shows it passes its checks under every schedule",
		starter:  "%s: the starting code of %s fails its checks",
		solution: "%s: the solution of %s passes its checks under every schedule",
		prints:   "it prints:",
		shows:    "the lesson shows:",
		allPass:  "every check passes; it prints:",
		summary:  "%d passed, %d failed",
	},
	"zh": {
		example:  "%s：示例 %s 打印的和课程里显示的一样",
		explore:  "%s：对示例 %[3]s 执行 :explore %[2]d 打印的和课程里显示的一样",
		shown:    "%s：%[3]s 文件里显示的示例 %[2]s 打印的和课程里显示的一样",
		shownSol: "%s：%[3]s 文件里显示的练习 %[2]s 的参考答案在每种调度下都通过了检查",
		starter:  "%s：练习 %s 的初始代码没有通过检查",
		solution: "%s：练习 %s 的参考答案在每种调度下都通过了检查",
		prints:   "它打印的是：",
		shows:    "课程里显示的是：",
		allPass:  "每项检查都通过了；它打印的是：",
		summary:  "%d 项通过，%d 项失败",
	},
}

// verifyLessons is `concur learn --verify`: it runs every lesson's examples
// and compares what they print (and what :explore prints, where a lesson
// shows it) with what the lessons show, checks that every exercise's
// starting code fails its checks and its solution passes them under every
// schedule an answer is judged on (lessons.Judge), and ends with a line "N passed, M failed" (in the
// learner's language).
func verifyLessons(all []lessons.Lesson, opts engine.Options, stdout io.Writer, lang string) int {
	opts.Leaks = true // the checks judge goroutines left behind
	words, ok := verifyWords[lang]
	if !ok {
		words = verifyWords["en"]
	}
	passed, failed := 0, 0
	result := func(ok bool, what, why string) {
		if ok {
			passed++
			fmt.Fprintf(stdout, "ok    %s\n", what)
			return
		}
		failed++
		fmt.Fprintf(stdout, "FAIL  %s\n", what)
		for _, line := range strings.Split(strings.TrimRight(why, "\n"), "\n") {
			fmt.Fprintf(stdout, "      %s\n", line)
		}
	}
	// prints checks that code, as a lesson shows it, prints the output shown.
	prints := func(what, file, code, want string) {
		_, out, err := runForVerify(opts, file, code)
		if err != nil {
			result(false, what, err.Error())
			return
		}
		result(lessons.SameOutput(out, want), what, words.prints+"\n"+out+words.shows+"\n"+want)
	}
	// passes checks that code, as a lesson shows a solution, passes its
	// exercise's checks under every schedule an answer is judged on.
	passes := func(what string, x *lessons.Exercise, code string) {
		events, out, err := runForVerify(opts, x.File(), code)
		if err != nil {
			result(false, what, err.Error())
			return
		}
		failures, failedRun, err := lessons.Judge(x.Checks, events, explorerForVerify(opts, x.File(), code))
		if err != nil {
			result(false, what, err.Error())
			return
		}
		var why []string
		for _, f := range failures {
			why = append(why, f.In(lessons.Lang(lang)))
		}
		if failedRun != nil {
			out = printedForVerify(failedRun.Events)
		}
		result(len(why) == 0, what, strings.Join(why, "\n")+"\n"+words.prints+"\n"+out)
	}
	for _, l := range all {
		file := l.Source[lessons.English]
		for _, s := range l.Steps {
			for _, ex := range s.Examples {
				prints(fmt.Sprintf(words.example, file, ex.Name), ex.File(), ex.Code, ex.Output)
				for _, tl := range lessons.Langs {
					// A translation shows the code with its comments in
					// its language: it must print the same.
					if code := ex.CodeIn(tl); tl != lessons.English && code != ex.Code {
						prints(fmt.Sprintf(words.shown, file, ex.Name, l.Source[tl]), ex.File(), code, ex.Output)
					}
				}
				if ex.Explore > 0 {
					what := fmt.Sprintf(words.explore, file, ex.Explore, ex.Name)
					got, err := exploreForVerify(opts, ex.File(), ex.Code, ex.Explore)
					if err != nil {
						result(false, what, err.Error())
					} else {
						result(got == ex.Explored, what, words.prints+"\n"+got+words.shows+"\n"+ex.Explored)
					}
				}
			}
			x := s.Exercise
			if x == nil {
				continue
			}
			events, out, err := runForVerify(opts, x.File(), x.Starter)
			what := fmt.Sprintf(words.starter, file, x.Name)
			if err != nil {
				result(false, what, err.Error())
			} else {
				result(len(lessons.Check(x.Checks, events)) > 0, what, words.allPass+"\n"+out)
			}
			passes(fmt.Sprintf(words.solution, file, x.Name), x, x.Solution)
			for _, tl := range lessons.Langs {
				if code := x.SolutionIn(tl); tl != lessons.English && code != x.Solution {
					passes(fmt.Sprintf(words.shownSol, file, x.Name, l.Source[tl]), x, code)
				}
			}
		}
	}
	fmt.Fprintf(stdout, words.summary+"\n", passed, failed)
	if failed > 0 {
		return 1
	}
	return 0
}

// explorerForVerify runs src under other schedules, for lessons.Judge.
func explorerForVerify(opts engine.Options, file, src string) lessons.Explorer {
	if opts.Timeout == 0 || opts.Timeout > time.Minute {
		opts.Timeout = time.Minute
	}
	return func(seeds []uint64, jitter float64, each func(uint64, []event.Event)) error {
		s, err := engine.NewSession(opts)
		if err != nil {
			return err
		}
		defer s.Close()
		return s.Explore(context.Background(), file, src, true, seeds, jitter, func(sc engine.Schedule) { each(sc.Seed, sc.Events) })
	}
}

// exploreForVerify is what :explore n prints for src in a lesson, in
// English without colour.
func exploreForVerify(opts engine.Options, file, src string, n int) (string, error) {
	var o repl.Outcomes
	err := explorerForVerify(opts, file, src)(repl.Seeds(0, n), 0, func(seed uint64, events []event.Event) {
		o.Add(engine.Schedule{Seed: seed, Events: events, Result: engine.Result{Code: exitCode(events)}})
	})
	var b bytes.Buffer
	o.Write(&b, "en", false)
	return b.String(), err
}

// exitCode is a run's exit status, from its exit event.
func exitCode(events []event.Event) int {
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Kind == event.Exit {
			return events[i].Code
		}
	}
	return 0
}

// printedForVerify is what `concur run` prints for events, without colour.
func printedForVerify(events []event.Event) string {
	var out bytes.Buffer
	p := repl.NewPrinter(&out, &out, false)
	for _, e := range events {
		p.Event(e)
	}
	p.Flush()
	return out.String()
}

// runForVerify runs src as `concur run` does, in a session of its own, and
// returns its events and what `concur run` prints for them, without colour.
func runForVerify(opts engine.Options, file, src string) ([]event.Event, string, error) {
	if opts.Timeout == 0 || opts.Timeout > time.Minute {
		opts.Timeout = time.Minute
	}
	s, err := engine.NewSession(opts)
	if err != nil {
		return nil, "", err
	}
	defer s.Close()
	var (
		events []event.Event
		out    bytes.Buffer
	)
	p := repl.NewPrinter(&out, &out, false)
	_, err = s.Run(context.Background(), file, src, true, func(e event.Event) {
		events = append(events, e)
		p.Event(e)
	})
	p.Flush()
	return events, out.String(), err
}
