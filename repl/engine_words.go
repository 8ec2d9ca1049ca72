package repl

import (
	"fmt"
	"time"

	"github.com/concur-dev/concur/event"
)

// engineWords are what concur says about the session's program: that a new
// one replaced it, which input was left out, a clock switch. The engine's
// events carry codes and Go's own words; these say the rest in the
// learner's language.
type engineWords struct {
	restore      string            // why, count, time
	restoreWhy   map[string]string // by the restore event's reason; %s is its cause
	restoreDiff  string
	restoreOut   string            // unrestricted: replaying repeated side effects
	dropped      string            // input number, its first line, why
	droppedWhy   map[string]string // by the dropped event's reason
	clockSwitch  string            // clock, inputs replayed, how long that took, its budgets
	clockUnknown string
	// clockStopped: clock, inputs: Ctrl-C stopped the replay on the new clock.
	clockStopped string
	// The budgets of a clock: both (virtual, real), virtual time only,
	// real time only, none.
	budgetBoth, budgetVirtual, budgetReal, budgetNone string
	// restoreStopped: Ctrl-C stopped bringing the program back before an input.
	restoreStopped string
	// verdict: the exit status Go would give a program that ended so;
	// verdictDied, for a fatal error that replaces the program.
	verdict, verdictDied string
	// helpSurvives ends :help: what the session survives.
	helpSurvives string
}

func init() {
	en.engineWords = engineWords{
		restore: "concur: new program (%s); replayed %d earlier input(s) in %v",
		restoreWhy: map[string]string{
			"died":        "the last one died: %s",
			"memory":      "the last one ran out of memory",
			"busy":        "the last one did not stop",
			"clock":       "the clock is now %s",
			"seed":        "the schedule's seed is now %s",
			"interpreter": "the interpreter could not run the last input and kept part of it",
		},
		restoreDiff: "; %d ended differently this time",
		restoreOut:  "; replaying repeated what they did outside the program (files, network)",
		dropped:     "concur: left out input %d (%s): %s",
		droppedWhy: map[string]string{
			"died":   "its goroutine ended the program",
			"busy":   "its goroutine kept running and would not stop",
			"memory": "it used too much memory",
			"again":  "it failed again when replayed",
		},
		clockSwitch:    "clock: %s; the session's %d input(s) replayed on it in %v; %s",
		clockUnknown:   "the session's program had to be replaced",
		clockStopped:   "clock: %s; replaying the session's %d input(s) on it was stopped: nothing is lost, the next input replays them",
		budgetBoth:     "a run may take %s of virtual time and %s of real time (--max-virtual, --timeout)",
		budgetVirtual:  "a run may take %s of virtual time (--max-virtual)",
		budgetReal:     "a run may take %s of real time (--timeout)",
		budgetNone:     "a run may take as long as it needs (--timeout sets a limit)",
		restoreStopped: "concur: bringing the session's program back was stopped: this input did not run; nothing earlier is lost, the next input tries again",
		verdict:        "(exit status %d: a Go program would end here; the session keeps its declarations and values)",
		verdictDied:    "(exit status %d: a Go program would end here; the next input brings the session back without the input to blame)",
		helpSurvives: "A panic, a deadlock, os.Exit, a budget or Ctrl-C ends the program, never the session:\n" +
			"its declarations and values stay, and the fault is shown once. A fatal error of the Go runtime\n" +
			"(stack overflow, out of memory) replaces the program: the next input replays the earlier ones\n" +
			"quietly, leaving out the one to blame. :clock and :seed replay the session; :reset forgets it.",
	}
	zh.engineWords = engineWords{
		restore: "concur：换了新的程序（%s）；已重放之前的 %d 段输入，用时 %v",
		restoreWhy: map[string]string{
			"died":        "上一个程序已终止：%s",
			"memory":      "上一个程序用光了内存",
			"busy":        "上一个程序停不下来",
			"clock":       "时钟已切换为 %s",
			"seed":        "调度的种子已改为 %s",
			"interpreter": "解释器没能运行上一段输入，却留下了它的一部分",
		},
		restoreDiff: "；其中 %d 段这次的结果不同",
		restoreOut:  "；重放时它们对程序之外（文件、网络）做过的事又做了一遍",
		dropped:     "concur：已舍弃第 %d 段输入（%s）：%s",
		droppedWhy: map[string]string{
			"died":   "它的 goroutine 让程序终止了",
			"busy":   "它的 goroutine 一直在运行，停不下来",
			"memory": "它用了太多内存",
			"again":  "重放时它又失败了",
		},
		clockSwitch:    "时钟：%s；本会话的 %d 段输入已在这个时钟上重放，用时 %v；%s",
		clockUnknown:   "本会话的程序不得不被替换",
		clockStopped:   "时钟：%s；在这个时钟上重放本会话的 %d 段输入被中断了：什么都没有丢，下一段输入会重放它们",
		budgetBoth:     "每次运行最多 %s 虚拟时间、%s 真实时间（--max-virtual、--timeout）",
		budgetVirtual:  "每次运行最多 %s 虚拟时间（--max-virtual）",
		budgetReal:     "每次运行最多 %s 真实时间（--timeout）",
		budgetNone:     "每次运行不限时间（--timeout 可设上限）",
		restoreStopped: "concur：恢复本会话的程序被中断了：这段输入没有运行；之前的输入一段都没丢，下一段输入会再试",
		verdict:        "（退出状态 %d：Go 程序到这里就结束了；本会话的声明和变量都还在）",
		verdictDied:    "（退出状态 %d：Go 程序到这里就结束了；下一段输入会把会话恢复回来，舍弃惹祸的那一段输入）",
		helpSurvives: "panic、死锁、程序自行退出、超出预算或 Ctrl-C 只会结束程序，不会结束会话：\n" +
			"声明和变量都还在，出错信息只显示一次。Go 运行时的致命错误（栈溢出、内存不足）会换掉程序：\n" +
			"下一段输入会先悄悄重放之前的输入，并舍弃惹祸的那一段。:clock 和 :seed 会重放本会话；:reset 清空它。",
	}
}

// restoreText says a restore event in the learner's language.
func (m messages) restoreText(e event.Event) string {
	if e.Reason == "" && e.Text != "" {
		// A recording from before restores said why in codes: its words.
		return "concur: " + e.Text
	}
	why, ok := m.restoreWhy[e.Reason]
	if !ok {
		why = m.clockUnknown
	} else if e.Reason == "died" || e.Reason == "clock" || e.Reason == "seed" {
		why = fmt.Sprintf(why, e.Cause)
	}
	text := fmt.Sprintf(m.restore, why, e.N, time.Duration(e.D).Round(100*time.Microsecond))
	if e.Code > 0 {
		text += fmt.Sprintf(m.restoreDiff, e.Code)
	}
	if e.Name == "unrestricted" {
		text += m.restoreOut
	}
	return text
}

// droppedText says a dropped event in the learner's language.
func (m messages) droppedText(e event.Event) string {
	why, ok := m.droppedWhy[e.Reason]
	if !ok {
		why = e.Reason
	}
	return fmt.Sprintf(m.dropped, e.Input, e.Text, why)
}
