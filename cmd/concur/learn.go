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

// learnWords are the words of `concur learn` outside the REPL, in every
// language.
type learnWords struct {
	list, step, open, resume, next, allDone string
	noLesson, tooMany, noProgressPlace      string
	corruptMoved, corruptKept, unreadable   string
	usage, flagsHead, verifyFlag            string
}

var learnCatalog = map[string]learnWords{
	"en": {
		list:            "Lessons (✓ done, ▸ started, · not started):",
		step:            "step %d/%d",
		open:            "Open one with: concur learn N",
		resume:          "Go on where you stopped: concur learn %d (lesson %d, step %d/%d: %s)",
		next:            "Next: concur learn %d (%s)",
		allDone:         "You have solved every exercise of the course.",
		noLesson:        "no lesson %q: there are lessons 1 to %d (a number or an id such as %s)",
		tooMany:         "want at most one lesson, got %q and %q",
		noProgressPlace: "no place for progress (%v); it will not be saved",
		corruptMoved:    "progress file %s is unreadable (%v); moved it to %s and starting afresh",
		corruptKept:     "progress file %s is unreadable (%v); starting afresh",
		unreadable:      "progress file %s: %v",
		usage:           "Usage: concur learn [flags] [N|ID]\n\nWithout N, lists the lessons and your progress; with it, opens lesson N\n(a number or an id) in the REPL, where you can also type Go.\n",
		flagsHead:       "Flags:",
		verifyFlag:      "run every lesson's examples and exercises and check them; ends with \"N passed, M failed\"",
	},
	"zh": {
		list:            "课程（✓ 已完成，▸ 进行中，· 未开始）：",
		step:            "第 %d/%d 步",
		open:            "打开一课：concur learn 编号",
		resume:          "从上次停下的地方继续：concur learn %d（第 %d 课第 %d/%d 步：%s）",
		next:            "下一课：concur learn %d（%s）",
		allDone:         "整个课程的练习你都完成了。",
		noLesson:        "没有课程 %q：课程编号为 1 到 %d（也可以用 ID，例如 %s）",
		tooMany:         "最多只能指定一课，却给了 %q 和 %q",
		noProgressPlace: "没有地方保存进度（%v）；进度不会被保存",
		corruptMoved:    "进度文件 %s 无法读取（“%v”）；已把它移到 %s，从头开始",
		corruptKept:     "进度文件 %s 无法读取（“%v”）；从头开始",
		unreadable:      "进度文件 %s：%v",
		usage:           "用法：concur learn [选项] [编号|ID]\n\n不带编号时列出所有课程和你的进度；带编号时在 REPL 中打开那一课（编号或 ID），\n在那里你也可以直接输入 Go 代码。\n",
		flagsHead:       "选项：",
		verifyFlag:      "运行每一课的示例和练习并逐一检查；最后一行是“N 项通过，M 项失败”",
	},
}

// learn is `concur learn [N|ID]`: without an argument it lists the lessons
// with the learner's progress and what to open next; with one it opens that
// lesson in the REPL.
func learn(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("concur learn", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var rf replFlags
	rf.register(fs, "language of the lessons and messages: en or zh (default from $LANG)")
	verify := fs.Bool("verify", false, learnCatalog["en"].verifyFlag)
	lang := argsLang(args)
	fs.Usage = func() { learnUsage(fs, lang, stderr) }
	if err := parseArgs(fs, args, lang); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	want := fs.Arg(0)
	if fs.NArg() > 1 {
		// Flags may come after the lesson too: concur learn 3 --lang=zh.
		if err := parseArgs(fs, fs.Args()[1:], lang); err != nil {
			return 2
		}
		if fs.NArg() > 0 {
			if l, err := chooseLang(rf.lang); err == nil {
				lang = l
			}
			fmt.Fprintf(stderr, "concur learn: "+learnCatalog[lang].tooMany+"\n", want, fs.Arg(0))
			return 2
		}
	}
	cfg, err := rf.config(stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "concur learn: %s\n", errText(lang, err))
		return 2
	}
	language, opts := cfg.Lang, cfg.Engine
	words := learnCatalog[language]
	all, err := lessons.Load()
	if err == nil && *verify {
		return verifyLessons(all, opts, stdout, language)
	}
	if err != nil {
		fmt.Fprintf(stderr, "concur learn: %v\n", err)
		return 1
	}
	path, err := lessons.ProgressPath()
	if err != nil {
		fmt.Fprintf(stderr, "concur learn: "+words.noProgressPlace+"\n", err)
		path = ""
	}
	progress := &lessons.Progress{}
	if path != "" {
		progress, err = lessons.LoadProgress(path)
		if err != nil {
			var corrupt *lessons.CorruptError
			switch {
			case errors.As(err, &corrupt) && corrupt.MovedTo != "":
				fmt.Fprintf(stderr, "concur learn: "+words.corruptMoved+"\n", corrupt.Path, corrupt.Err, corrupt.MovedTo)
			case errors.As(err, &corrupt):
				fmt.Fprintf(stderr, "concur learn: "+words.corruptKept+"\n", corrupt.Path, corrupt.Err)
			default:
				fmt.Fprintf(stderr, "concur learn: "+words.unreadable+"\n", path, err)
				path = "" // unreadable for another reason: do not overwrite it
			}
		}
	}
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
				if language == "zh" {
					where = "（" + fmt.Sprintf(words.step, progress.Lesson(lesson.ID).Step+1, len(lesson.Steps)) + "）"
				}
			}
			fmt.Fprintf(stdout, "  %s %2d  %s%s\n", mark, lesson.Order, lesson.Title[l], where)
		}
		fmt.Fprintln(stdout, whatNext(all, progress, l, words))
		fmt.Fprintln(stdout, words.open)
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

// whatNext says which lesson to open: the one last opened, if it is not
// done, else the first one not done.
func whatNext(all []lessons.Lesson, p *lessons.Progress, lang lessons.Lang, words learnWords) string {
	var last *lessons.Lesson
	for i, lesson := range all {
		lp := p.Lessons[lesson.ID]
		if lp == nil || p.Complete(lesson) {
			continue
		}
		if last == nil || lp.LastOpened.After(p.Lessons[last.ID].LastOpened) {
			last = &all[i]
		}
	}
	if last != nil {
		step := min(max(p.Lessons[last.ID].Step, 0), len(last.Steps)-1)
		return fmt.Sprintf(words.resume, last.Order, last.Order, step+1, len(last.Steps), last.Steps[step].Title[lang])
	}
	for _, lesson := range all {
		if !p.Complete(lesson) {
			return fmt.Sprintf(words.next, lesson.Order, lesson.Title[lang])
		}
	}
	return words.allDone
}

// learnUsage prints `concur learn -h` in the learner's language.
func learnUsage(fs *flag.FlagSet, language string, stderr io.Writer) {
	words := learnCatalog[language]
	if language != "zh" {
		fmt.Fprint(stderr, words.usage)
		fmt.Fprintf(stderr, "\n%s\n", words.flagsHead)
		fs.PrintDefaults()
		return
	}
	zhFlagUsage(fs, words.usage+"\n"+words.flagsHead+"\n", stderr, map[string]string{"verify": words.verifyFlag})
}
