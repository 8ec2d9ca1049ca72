package lessons

import (
	"fmt"
	"strings"
)

// The words of checks, in every language: what an expectation asks for and
// what a run did instead. English is also the check language itself
// (Expectation.Text is what the lesson's author wrote); Chinese says the
// same things in its own sentences. Texts a run printed and Go's own error
// messages are quoted as they are, in any language.

// msg is a sentence to say in the learner's language: a key of gotWords and
// its arguments, which may be localized values themselves.
type msg struct {
	key  string
	args []any
}

// localized is an argument that reads differently in each language.
type localized interface{ in(Lang) string }

// times is a list of instants: "0s, 1s and 2s", "0s、1s 和 2s".
type times []int64

func (ts times) in(lang Lang) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = dur(t)
	}
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	if lang == Chinese {
		return strings.Join(s[:len(s)-1], "、") + " 和 " + s[len(s)-1]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// count is a number of things: "1 goroutine", "2 goroutines", "2 个 goroutine".
type count struct {
	n    int
	word string // English, singular: "goroutine", "time"
}

func (c count) in(lang Lang) string {
	if lang == Chinese {
		switch c.word {
		case "time":
			return fmt.Sprintf("%d 次", c.n)
		default:
			return fmt.Sprintf("%d 个 %s", c.n, c.word)
		}
	}
	return fmt.Sprintf("%d %s", c.n, plural(c.n, c.word))
}

// quoted is a pattern as the learner reads it: as written in English,
// between full-width quotes in Chinese.
type quoted struct{ p pattern }

func (q quoted) in(lang Lang) string {
	if lang == Chinese {
		return "“" + strings.TrimSuffix(strings.TrimPrefix(q.p.text, `"`), `"`) + "”"
	}
	return q.p.text
}

// gotWords are the sentences that say what a run did instead, by key.
var gotWords = map[string]map[Lang]string{
	"printed at":      {English: "it was printed at %s", Chinese: "实际打印于 %s"},
	"never printed":   {English: "it was never printed", Chinese: "从未打印"},
	"took":            {English: "the run took %s", Chinese: "这次运行用了 %s"},
	"started":         {English: "the program started %s", Chinese: "程序用 go 启动了 %s"},
	"exited":          {English: "it exited with %d", Chinese: "退出状态为 %d"},
	"exited deadlock": {English: "it exited with %d (deadlock)", Chinese: "退出状态为 %d（死锁）"},
	"exited fault":    {English: "it exited with %d (%s)", Chinese: "退出状态为 %d（%s）"},
	"no deadlock":     {English: "it ended at %s without a deadlock", Chinese: "它在 %s 结束，没有发生死锁"},
	"deadlocked":      {English: "it deadlocked at %s: %s", Chinese: "它在 %s 死锁：%s"},
	"still running":   {English: "still running when the program ended: %s", Chinese: "程序结束时仍在运行：%s"},
	"never finish":    {English: "left when main returned, and could never finish: %s", Chinese: "main 返回时还在、而且永远结束不了：%s"},
	"cut short":       {English: "still working when main returned, so the program ended them unfinished: %s", Chinese: "main 返回时还在干活，程序结束时它们没做完就被终止了：%s"},
	"pattern never":   {English: "%s was never printed", Chinese: "%s 从未打印"},
	"ran from":        {English: "%s ran from %s to %s, %s from %s to %s", Chinese: "%s 从 %s 持续到 %s，%s 从 %s 持续到 %s"},
	"too many":        {English: "too many lines match to decide: make the texts more precise", Chinese: "匹配的行太多，无法判断：请把文本写得更具体"},
	"printed only":    {English: "%s was printed only %s", Chinese: "%s 只打印了 %s"},
	"came before tie": {English: "%s came before %s: both at %s, printed by %s in that order", Chinese: "%s 出现在 %s 之前：两行都在 %s，由 %s 按这个顺序打印"},
	"came before":     {English: "%s came before %s: printed at %s, %s at %s", Chinese: "%[1]s 出现在 %[2]s 之前：前者打印于 %[3]s，后者打印于 %[5]s"},
	"did not end":     {English: "the run did not end", Chinese: "这次运行没有结束"},
	"as is":           {English: "%s", Chinese: "%s"}, // Go's own words, or the engine's
	"unknown":         {English: "unknown check", Chinese: "未知的检查"},
	"overlap never":   {English: "%s was never printed", Chinese: "%s 从未打印"},
	"compiles":        {English: "compiles", Chinese: "能够编译"},
	"runs to its end": {English: "runs to its end", Chinese: "运行到结束（没有被时限或中断停下）"},
	"goroutine":       {English: "g%d %s", Chinese: "g%d %s"},
	"goroutine waits": {English: "g%d %s (%s)", Chinese: "g%d %s（%s）"},
	"list separator":  {English: ", ", Chinese: "，"},
	"no goroutine":    {English: "no goroutine is %s", Chinese: "没有叫 %s 的 goroutine"},
	"waited":          {English: "g%d %s %s from %s to %s", Chinese: "g%d %s 从 %[4]s 到 %[5]s %[3]s"},
	"never waited":    {English: "%s was never %s", Chinese: "%s 从未%s"},
	"printed line":    {English: "%q (g%d %s at %s)", Chinese: "“%s”（g%d %s，%s）"},
	"no wait before":  {English: "%s was printed without its goroutine being %s first%s", Chinese: "%s打印之前，它的 goroutine 并没有先%s%s"},
	"no hand-off":     {English: "no hand-off leads from %s to %s%s", Chinese: "没有哪条交接链从 %s 通向 %s%s"},
	"woken by":        {English: " (g%d was last woken by g%d's %s on %s at %s)", Chinese: "（g%[1]d 上一次是在 %[5]s 被 g%[2]d 在 %[4]s 上的 %[3]s 唤醒的）"},
	"woken by clock":  {English: " (g%d was last woken by the clock at %s)", Chinese: "（g%d 上一次是在 %s 被时钟唤醒的）"},
	"started by":      {English: " (g%d %s was started by g%d at %s)", Chinese: "（g%d %s 是 g%d 在 %s 启动的）"},
	"nothing":         {English: "", Chinese: ""},
}

func (m msg) in(lang Lang) string {
	words := gotWords[m.key]
	format, ok := words[lang]
	if !ok {
		format = words[English]
	}
	args := make([]any, len(m.args))
	for i, a := range m.args {
		if l, ok := a.(localized); ok {
			args[i] = l.in(lang)
		} else {
			args[i] = a
		}
	}
	return fmt.Sprintf(format, args...)
}

// list is several localized values joined with the language's separator.
type list []localized

func (l list) in(lang Lang) string {
	s := make([]string, len(l))
	for i, v := range l {
		s[i] = v.in(lang)
	}
	return strings.Join(s, gotWords["list separator"][lang])
}

// In says what x expects in lang. In English that is the check as written.
func (x Expectation) In(lang Lang) string {
	if lang == English {
		return x.Text
	}
	if x.key != "" { // an expectation every run has: "compiles"
		return msg{key: x.key}.in(lang)
	}
	q := func(i int) string { return quoted{x.pats[i]}.in(lang) }
	v := dur(x.n)
	switch x.form {
	case linesInOrder:
		s := make([]string, len(x.pats))
		for i := range x.pats {
			s[i] = q(i)
		}
		return "按顺序打印 " + strings.Join(s, "、")
	case lineAt:
		return q(0) + " " + byOp(x.op, "在 "+v+" 打印", "在 "+v+" 之前打印", "最晚在 "+v+" 打印", "在 "+v+" 之后打印", "最早在 "+v+" 打印")
	case noLine:
		return "不打印 " + q(0)
	case total:
		return "总用时" + byOp(x.op, " "+v, "少于 "+v, "不超过 "+v, "超过 "+v, "至少 "+v)
	case goroutines:
		n := fmt.Sprint(x.n)
		return "用 go 启动" + byOp(x.op, " "+n+" 个", "少于 "+n+" 个", "最多 "+n+" 个", "多于 "+n+" 个", "至少 "+n+" 个") + " goroutine"
	case exitStatus:
		return fmt.Sprintf("退出状态为 %d", x.n)
	case deadlock:
		return "以死锁结束"
	case noDeadlock:
		return "不发生死锁"
	case noLeaks:
		return "没有泄漏的 goroutine"
	case waitFor:
		w := x.wait
		s, sep := w.who+" "+waitWords(w.reason).in(lang), "，"
		switch {
		case w.never && w.span: // "main 没有一次从 0s 到 3s 阻塞在 chan receive 上"
			return w.who + " 没有一次从 " + dur(w.from) + " 到 " + dur(w.to) + " " + waitWords(w.reason).in(lang)
		case w.never: // "main 没有一次阻塞在 chan send 上持续超过 0s"
			s, sep = w.who+" 没有一次"+waitWords(w.reason).in(lang), ""
		}
		switch {
		case w.span:
			s += sep + "从 " + dur(w.from) + " 到 " + dur(w.to)
		case w.dur:
			s += sep + "持续" + byOp(x.op, " "+v, "少于 "+v, "不超过 "+v, "超过 "+v, "至少 "+v)
		}
		return s
	case afterWait:
		return "每行 " + q(0) + " 打印之前，它的 goroutine 都先" + waitWords(x.wait.reason).in(lang)
	case happensBefore:
		return q(0) + " 先行发生于 " + q(1)
	case overlap:
		return q(0) + " 和 " + q(1) + " 的时间段重叠"
	case noOverlap:
		return q(0) + " 和 " + q(1) + " 的时间段不重叠"
	}
	return x.Text
}

// byOp picks the words for a comparison: =, <, <=, >, >=.
func byOp(op, eq, lt, le, gt, ge string) string {
	switch op {
	case "<":
		return lt
	case "<=":
		return le
	case ">":
		return gt
	case ">=":
		return ge
	}
	return eq
}
