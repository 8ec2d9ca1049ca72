package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/concur-dev/concur/engine"
	"github.com/concur-dev/concur/event"
)

// Outcomes groups explored schedules by what the program did: the lines it
// printed, in order, and how it ended. Two schedules whose lines came in a
// different order are different outcomes: that is what exploring shows.
type Outcomes struct {
	Jitter float64 // the sleeps' perturbation, for the heading
	groups []*outcome
	byKey  map[string]*outcome
	seeds  []uint64
}

type outcome struct {
	lines []string // what it printed, and its fault's first line
	code  int
	seeds []uint64
}

// Add counts one schedule.
func (o *Outcomes) Add(sc engine.Schedule) {
	if o.byKey == nil {
		o.byKey = map[string]*outcome{}
	}
	var lines []string
	for _, e := range event.Joined(sc.Events) {
		switch e.Kind {
		case event.Output:
			lines = append(lines, Visible(e.Text))
		case event.Panic, event.Fatal, event.Deadlock, event.Timeout, event.Compile:
			first, _, _ := strings.Cut(e.Text, "\n")
			lines = append(lines, Visible(first))
		}
	}
	key := fmt.Sprintf("%d\x00%s", sc.Result.Code, strings.Join(lines, "\n"))
	g := o.byKey[key]
	if g == nil {
		g = &outcome{lines: lines, code: sc.Result.Code}
		o.byKey[key] = g
		o.groups = append(o.groups, g)
	}
	g.seeds = append(g.seeds, sc.Seed)
	o.seeds = append(o.seeds, sc.Seed)
}

// Worst is the worst exit status any schedule had.
func (o *Outcomes) Worst() int {
	worst := 0
	for _, g := range o.groups {
		worst = max(worst, g.code)
	}
	return worst
}

// Write shows the outcomes, the most frequent first, each with how many
// schedules gave it and one seed that does (run it again with --seed).
func (o *Outcomes) Write(w io.Writer, lang string, color bool) {
	m := catalog(lang)
	p := NewPrinter(w, w, color)
	defer p.Flush()
	groups := slices.Clone(o.groups)
	for _, g := range groups {
		slices.Sort(g.seeds)
	}
	slices.SortStableFunc(groups, func(a, b *outcome) int { return len(b.seeds) - len(a.seeds) })
	seeds := slices.Clone(o.seeds)
	slices.Sort(seeds)
	total := len(seeds)
	span := ""
	if total > 0 {
		span = fmt.Sprintf("%d", seeds[0])
		if total > 1 {
			span += fmt.Sprintf("–%d", seeds[total-1])
		}
	}
	jitter := ""
	if o.Jitter > 0 {
		jitter = fmt.Sprintf(m.exploreJitter, o.Jitter*100)
	}
	out := p.writer(p.out)
	head := m.exploreHead
	if len(groups) == 1 {
		head = m.exploreHeadOne
	}
	fmt.Fprintln(out, fmt.Sprintf(head, total, span, jitter, len(groups)))
	width := len(fmt.Sprint(total))
	for _, g := range groups {
		share := fmt.Sprintf("%*d/%d", width, len(g.seeds), total)
		seed := fmt.Sprintf(m.exploreSeed, g.seeds[0])
		end := ""
		if g.code != 0 {
			end = "  " + p.paint(red, fmt.Sprintf(m.exploreExit, g.code))
		}
		if line, ok := joinOutcome(g.lines); ok {
			fmt.Fprintf(out, "  %s  %s  %s%s\n", share, line, p.paint(dim, "— "+seed), end)
			continue
		}
		fmt.Fprintf(out, "  %s  %s%s\n", share, p.paint(dim, "— "+seed), end)
		for _, l := range g.lines {
			fmt.Fprintf(out, "      %s\n", l)
		}
		if len(g.lines) == 0 {
			fmt.Fprintf(out, "      %s\n", p.paint(dim, m.exploreSilent))
		}
	}
}

// joinOutcome joins an outcome's lines with " · " when they are short enough to
// read on one line (and none has a " · " of its own).
func joinOutcome(lines []string) (string, bool) {
	if len(lines) == 0 {
		return "", false
	}
	joined := strings.Join(lines, " · ")
	if len(lines) > 1 && (utf8.RuneCountInString(joined) > 60 || strings.Count(joined, " · ") != len(lines)-1) {
		return "", false
	}
	return joined, true
}

// Seeds returns n seeds from first on: the schedules :explore and
// --explore run.
func Seeds(first uint64, n int) []uint64 {
	if first == 0 {
		first = 1
	}
	seeds := make([]uint64, n)
	for i := range seeds {
		seeds[i] = first + uint64(i)
	}
	return seeds
}

func init() {
	en.exploreWords = exploreWords{
		exploreHead:    "%d schedules (seeds %s%s): %d different outcomes",
		exploreHeadOne: "%d schedules (seeds %s%s): %d outcome, the same on each",
		exploreJitter:  ", sleeps changed by up to ±%.0f%%",
		exploreSeed:    "seed %d",
		exploreExit:    "exit status %d",
		exploreSilent:  "(printed nothing)",
		exploreUsage:   "usage: :explore N [jitter] — run the last input under N schedules (jitter: sleeps changed by up to that much, like 20%)",
		exploreNone:    "nothing to explore yet: type an input first",
		exploring:      "%s under other schedules:",
		exploreReal:    ":explore needs the virtual clock: on the real clock the Go runtime schedules (:clock virtual)",
		helpSeed:       "show the schedule's seed, or rerun the session under another",
		helpExplore:    "rerun the last input under N schedules: every outcome",
		seedIs:         "seed: %d (0: the default schedule)",
		seedSet:        "seed: %d; the session's %d input(s) replayed under it",
		badSeed:        "seed %q: want a whole number (0: the default schedule)",
	}
	zh.exploreWords = exploreWords{
		exploreHead:    "%d 种调度（种子 %s%s）：%d 种不同结果",
		exploreHeadOne: "%d 种调度（种子 %s%s）：%d 种结果，每种调度都一样",
		exploreJitter:  "，sleep 时长上下浮动至多 ±%.0f%%",
		exploreSeed:    "种子 %d",
		exploreExit:    "退出状态 %d",
		exploreSilent:  "（什么也没打印）",
		exploreUsage:   "用法：:explore N [浮动] —— 用 N 种调度运行上一段输入（浮动：sleep 时长至多变化这么多，例如 20%）",
		exploreNone:    "还没有可以探索的输入：先输入一段代码",
		exploring:      "%s 在其他调度下：",
		exploreReal:    ":explore 需要虚拟时钟：真实时钟下由 Go 运行时调度（:clock virtual）",
		helpSeed:       "查看调度的种子，或换一个种子重放本会话",
		helpExplore:    "用 N 种调度重跑上一段输入，列出所有结果",
		seedIs:         "种子：%d（0 表示默认调度）",
		seedSet:        "种子：%d；本会话的 %d 段输入已按它重放",
		badSeed:        "种子 %q 无效：请用整数（0 表示默认调度）",
	}
}

// exploreWords are the words of schedules and their exploration.
type exploreWords struct {
	exploreHead, exploreHeadOne, exploreJitter, exploreSeed, exploreExit, exploreSilent string
	exploreUsage, exploreNone, exploreReal, exploring                                   string
	seedIs, seedSet, badSeed                                                            string
	helpSeed, helpExplore                                                               string
}

// seed is :seed (show the schedule's seed) or :seed N (replay the session
// under seed N: every later run follows it).
func (r *REPL) seed(arg string) bool {
	if arg == "" {
		r.say(r.msg.seedIs, r.sess.Seed())
		return false
	}
	n, err := strconv.ParseUint(arg, 10, 64)
	if err != nil {
		r.fail(r.msg.badSeed, arg)
		return false
	}
	replayed, err := r.sess.SetSeed(context.Background(), n, func(e event.Event) {
		if e.Kind == event.Dropped {
			r.printer.Event(e)
		}
	})
	r.printer.Flush()
	if err != nil {
		r.fail("concur: %v", err)
		return false
	}
	r.cfg.Engine.Seed = n
	r.say(r.msg.seedSet, n, replayed)
	return false
}

// explore is :explore N [jitter]: the last input again under N schedules,
// each after the inputs before it, and the different outcomes.
func (r *REPL) explore(arg string) bool {
	words := strings.Fields(arg)
	if len(words) == 0 || len(words) > 2 {
		r.fail("%s", r.msg.exploreUsage)
		return false
	}
	n, err := strconv.Atoi(words[0])
	if err != nil || n < 1 {
		r.fail("%s", r.msg.exploreUsage)
		return false
	}
	jitter := 0.0
	if len(words) == 2 {
		if jitter, err = ParseJitter(words[1]); err != nil {
			r.fail("%s", r.msg.exploreUsage)
			return false
		}
	}
	if r.sess.Clock() == "real" {
		r.fail("%s", r.msg.exploreReal)
		return false
	}
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
	seeds := Seeds(r.cfg.Engine.Seed, n)
	if r.learn != nil {
		// In a lesson: what the learner typed since the step began, as
		// :check runs it, or else the step's examples, as :run runs them.
		programs := r.lessonPrograms()
		if len(programs) == 0 {
			r.fail("%s", r.msg.exploreNone)
		}
		for _, p := range programs {
			r.say("%s", r.printer.paint(dim, fmt.Sprintf(r.msg.exploring, p[0])))
			out := Outcomes{Jitter: jitter}
			err := r.exploreProgram(ctx, p[0], p[1], seeds, jitter, &out)
			if err != nil && ctx.Err() == nil {
				r.fail("concur: %v", err)
				return false
			}
			out.Write(r.cfg.Out, r.cfg.Lang, r.cfg.Color)
			if ctx.Err() != nil {
				return false
			}
		}
		return false
	}
	out := Outcomes{Jitter: jitter}
	ok, err := r.sess.ExploreLast(ctx, seeds, jitter, out.Add)
	if !ok {
		r.fail("%s", r.msg.exploreNone)
		return false
	}
	if err != nil && ctx.Err() == nil {
		r.fail("concur: %v", err)
	}
	out.Write(r.cfg.Out, r.cfg.Lang, r.cfg.Color)
	return false
}

// lessonPrograms are what :explore explores in a lesson: the code typed
// since the step began, as one program, or the step's examples. Each is a
// file name and a source.
func (r *REPL) lessonPrograms() [][2]string {
	l := r.learn
	s := l.current()
	if len(l.typed) > 0 {
		file := "answer.go"
		if x := s.Exercise; x != nil {
			file = x.File()
		}
		return [][2]string{{file, strings.Join(l.typed, "\n\n")}}
	}
	var ps [][2]string
	for _, ex := range s.Examples {
		ps = append(ps, [2]string{ex.File(), ex.Code})
	}
	return ps
}

// exploreProgram runs src as a whole program under seeds, in a session of
// its own, counting the outcomes into out.
func (r *REPL) exploreProgram(ctx context.Context, file, src string, seeds []uint64, jitter float64, out *Outcomes) error {
	sess, err := engine.NewSession(r.cfg.Engine)
	if err != nil {
		return err
	}
	defer sess.Close()
	return sess.Explore(ctx, file, src, true, seeds, jitter, out.Add)
}

// ParseJitter reads a jitter: "20%" or "0.2", a fraction below 1.
func ParseJitter(v string) (float64, error) {
	pct := strings.HasSuffix(v, "%")
	f, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
	if pct {
		f /= 100
	}
	if err != nil || f < 0 || f >= 1 {
		return 0, errors.New("want a fraction below 1, like 20% or 0.2")
	}
	return f, nil
}
