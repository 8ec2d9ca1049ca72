package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/concur-dev/concur/lessons"
	"github.com/concur-dev/concur/repl"
)

// learnWords are the words of `concur learn` outside the REPL.
var learnWords = map[string]struct{ list, step, hint, noLesson string }{
	"en": {
		list:     "Lessons (✓ done, ▸ started, · not started):",
		step:     "step %d/%d",
		hint:     "Open one with: concur learn N",
		noLesson: "no lesson %q: there are lessons 1 to %d (a number or an id such as %s)",
	},
	"zh": {
		list:     "课程（✓ 已完成，▸ 进行中，· 未开始）：",
		step:     "第 %d/%d 步",
		hint:     "打开一课：concur learn 编号",
		noLesson: "没有课程 %q：课程编号为 1 到 %d（也可以用 id，例如 %s）",
	},
}

// learn is `concur learn [N|ID]`: without an argument it lists the lessons
// with the learner's progress; with one it opens that lesson in the REPL.
func learn(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("concur learn", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var rf replFlags
	rf.register(fs, "language of the lessons and messages: en or zh (default from $LANG)")
	verify := fs.Bool("verify", false, "run every lesson's examples and exercises and check them; ends with \"N passed, M failed\"")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: concur learn [flags] [N|ID]\n\nWithout N, lists the lessons and your progress; with it, opens lesson N\n(a number or an id) in the REPL, where you can also type Go.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	want := fs.Arg(0)
	if fs.NArg() > 1 {
		// Flags may come after the lesson too: concur learn 3 --lang=zh.
		if err := fs.Parse(fs.Args()[1:]); err != nil {
			return 2
		}
		if fs.NArg() > 0 {
			fmt.Fprintf(stderr, "concur learn: want at most one lesson, got %q and %q\n", want, fs.Arg(0))
			return 2
		}
	}
	cfg, err := rf.config(stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "concur learn: %v\n", err)
		return 2
	}
	language, opts := cfg.Lang, cfg.Engine
	all, err := lessons.Load()
	if err == nil && *verify {
		return verifyLessons(all, opts, stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "concur learn: %v\n", err)
		return 1
	}
	path, err := lessons.ProgressPath()
	if err != nil {
		fmt.Fprintf(stderr, "concur learn: no place for progress (%v); it will not be saved\n", err)
		path = ""
	}
	progress := &lessons.Progress{}
	if path != "" {
		progress, err = lessons.LoadProgress(path)
		if err != nil {
			fmt.Fprintf(stderr, "concur learn: %v\n", err)
			var corrupt *lessons.CorruptError
			if !errors.As(err, &corrupt) {
				path = "" // unreadable for another reason: do not overwrite it
			}
		}
	}
	words := learnWords[language]
	l := lessons.Lang(language)

	if want == "" {
		fmt.Fprintln(stdout, words.list)
		for _, lesson := range all {
			mark, where := "·", ""
			switch {
			case progress.Complete(lesson):
				mark = "✓"
			case progress.Started(lesson.ID):
				mark = "▸"
				where = "  (" + fmt.Sprintf(words.step, progress.Lesson(lesson.ID).Step+1, len(lesson.Steps)) + ")"
			}
			fmt.Fprintf(stdout, "  %s %2d  %s%s\n", mark, lesson.Order, lesson.Title[l], where)
		}
		fmt.Fprintln(stdout, words.hint)
		return 0
	}

	index := -1
	for i, lesson := range all {
		if n, err := strconv.Atoi(want); (err == nil && n == lesson.Order) || strings.EqualFold(want, lesson.ID) {
			index = i
		}
	}
	if index < 0 {
		fmt.Fprintf(stderr, "concur learn: "+words.noLesson+"\n", want, len(all), all[0].ID)
		return 2
	}

	cfg.Learn = &repl.Learn{Lessons: all, Index: index, Progress: progress, Path: path}
	src, err := lineSource(stdin, stdout, stderr, &cfg)
	if err != nil {
		fmt.Fprintf(stderr, "concur learn: %v\n", err)
		return 1
	}
	defer src.Close()
	return repl.Run(cfg, src)
}
