package repl

import (
	"strings"

	"github.com/concur-dev/concur/internal/lazyregexp"
)

// stopWordsZh are concur's own words in the reports of runs it ended (a
// stop, a budget, its memory limit), in Chinese; Go's own texts in them
// ("fatal error: runtime: out of memory") stay as Go prints them.
var stopWordsZh = []struct {
	en *lazyregexp.Regexp
	zh string
}{
	{lazyregexp.New(`^stopped: interrupted$`), "已停止：被中断了（Ctrl-C）"},
	{lazyregexp.New(`^stopped: the run took more than (.+) of real time \(--timeout\)$`), "已停止：这次运行用了超过 ${1} 的真实时间（--timeout）"},
	{lazyregexp.New(`^stopped: the run reached (.+) of virtual time \(--max-virtual=(.+)\)$`), "已停止：这次运行到了 ${1} 虚拟时间（--max-virtual=${2}）"},
	{lazyregexp.New(`^stopped: a goroutine was still running and did not stop$`), "已停止：有个 goroutine 还在运行，停不下来"},
	{lazyregexp.New(`^stopped$`), "已停止"},
	{lazyregexp.New(`^the virtual clock stood still: a goroutine was waiting on something the clock cannot see$`), "虚拟时钟停住了：有个 goroutine 在等时钟看不见的东西"},
	{lazyregexp.New(`^\(not a channel, timer or lock of the program's own\), so time could not move on$`), "（不是程序自己的通道、定时器或锁），所以时间走不下去"},
	{lazyregexp.New(`^fatal error: runtime: out of memory \(the program used more than (.+), concur's limit; --max-memory raises it\)$`), "fatal error: runtime: out of memory（程序用了超过 ${1}，这是 concur 的上限；--max-memory 可以调高）"},
}

// stopText is text, a report's lines, with concur's own words in lang.
func stopText(lang, text string) string {
	if lang != "zh" {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		for _, w := range stopWordsZh {
			if w.en.MatchString(line) {
				lines[i] = w.en.ReplaceAllString(line, w.zh)
				break
			}
		}
	}
	return strings.Join(lines, "\n")
}

// compileWordsZh are concur's own words in messages about an input it will
// not run, in Chinese; positions, Go's names and Go's own texts stay.
var compileWordsZh = []struct {
	en *lazyregexp.Regexp
	zh string
}{
	{lazyregexp.New(`import ("[^"]*"): not available in concur's sandbox; run with --unrestricted to allow it`), "import ${1}：concur 的沙箱里没有这个包；要用它，请加 --unrestricted 运行"},
	{lazyregexp.New(`import ("[^"]*"): concur runs the standard library only`), "import ${1}：concur 只能运行标准库"},
	{lazyregexp.New(`a struct literal of a type with methods assigned to an interface beside other values: concur's interpreter loses the values that are not calls or literals; assign them one at a time`),
		"带方法的类型的结构体字面量和别的值一起赋给接口：concur 的解释器会丢掉其中不是调用或字面量的值；请一个一个地赋值"},
}

// compileText is a compile message's text with concur's own words in lang.
func compileText(lang, text string) string {
	if lang != "zh" {
		return text
	}
	for _, w := range compileWordsZh {
		text = w.en.ReplaceAllString(text, w.zh)
	}
	return text
}
