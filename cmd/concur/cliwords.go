package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/concur-dev/concur/internal/lazyregexp"
)

// The command line's own words in Chinese: usages, flag descriptions and
// error messages. The English words stay where they were written (beside
// each flag and message), so that English output does not change; these
// are used when the learner's language is zh.

// argsLang is the learner's language as the command line decides it before
// its flags are parsed (so that -h already answers in it): a --lang or
// -lang among the arguments (--lang zh or --lang=zh), else LC_ALL,
// LC_MESSAGES and LANG. A value that is neither en nor zh is left for the
// flag to report, in the language of the environment.
func argsLang(args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				break
			}
			value = args[i+1]
		}
		if value == "en" || value == "zh" {
			return value
		}
	}
	lang, _ := chooseLang("")
	return lang
}

// zhUsage is the top-level usage in Chinese (concur -h, concur help).
const zhUsage = `concur —— 在终端里练习 Go 并发的工具

用法：
  concur [选项]                 启动 REPL（从管道读入的输入直接运行，不显示提示符）
  concur run [选项] 文件        运行一个 Go 程序或代码片段；文件为 "-" 时读取标准输入
  concur learn [选项] [编号]    列出课程和你的进度，或打开第几课
  concur replay [选项] 文件     按原样重放一段录制的会话（不会运行其中的代码）
  concur export 文件 --format md|cast|html [-o 输出文件]   把录制的会话导出为 Markdown、asciicast 或网页

运行 "concur -h" 或 "concur run -h" 查看选项。
`

// usageText is the top-level usage in a language.
func usageText(lang string) string {
	if lang == "zh" {
		return zhUsage
	}
	return usage
}

// zhCommandUsage is what `concur CMD -h` prints before the flags, in
// Chinese.
var zhCommandUsage = map[string]string{
	"concur": "\nREPL 的选项：\n",
	"concur run": "用法：concur run [选项] 文件\n\n运行一个 Go 程序（带 func main 的 package main）或一段声明和语句。\n" +
		"文件为 \"-\" 时读取标准输入。\n\n选项：\n",
	"concur replay": "用法：concur replay [选项] 文件\n\n按录制时的样子展示一段会话：提示符后输入的每一段代码、带时间戳的输出和时间线；\n" +
		"在终端上按录制时的节奏播放，否则一次全部显示。不会运行会话中的代码。\n\n选项：\n",
	"concur export": "用法：concur export 文件 --format md|cast|html [-o 输出文件]\n\n" +
		"把录制的会话写成 Markdown（输入、输出和时间线）、asciinema 能播放的 asciicast v2 录像，\n" +
		"或一个自带 SVG 时间线和播放按钮的独立 HTML 网页。\n\n选项：\n",
}

// zhFlags says in Chinese what each flag does; zhCommandFlags overrides it
// for the flags whose meaning depends on the command.
var zhFlags = map[string]string{
	"clock":        "virtual（sleep 不花真实时间）或 real（真实时钟）",
	"speed":        "按这个倍速回放输出（2 表示两倍速；max 表示不等待）",
	"color":        "颜色：auto、always 或 never（遵守 NO_COLOR）",
	"lang":         "concur 提示信息的语言：en 或 zh（默认取自 $LANG）",
	"timeline":     "在用到 sleep 或多个 goroutine 的运行之后画出时间线",
	"unrestricted": "允许代码导入整个标准库（os、net ……）",
	"max-virtual":  "运行用掉这么多虚拟时间后停止",
	"timeout":      "运行用掉这么多真实时间后停止（虚拟时钟默认 10s，真实时钟默认不限）",
	"max-memory":   "运行代码的进程用的内存超过这么多时停止运行：字节数，或带单位（500MB、4GiB）",
	"idle-limit":   "回放输出时，把比这更长的安静间隔缩短成这么长（0：保留原样）",
	"jitter":       "按种子把每次 sleep 和每个计时器改变至多这么多（比如 20%）",
	"seed":         "虚拟时钟上的调度：0 是默认的那一种，其他数字挑选另一种合法的调度",
	"record":       "把会话录制到这个文件（用 concur replay 观看）；文件已存在时要加 --append 或 --force",
	"append":       "和 --record 一起用：接着文件里录制的会话继续录",
	"force":        "和 --record 一起用：覆盖这个文件",
	"json":         "以 JSON 行的形式打印事件流（见 docs/events.md）",
	"explore":      "在这么多种调度下运行程序（种子从 --seed 起，或从 1 起），列出不同的结果、每种结果出现的次数和能复现它的种子",
	"rerun":        "重新运行录制的输入（会运行文件里的代码），逐段报告输出和时间戳是否一致",
	"format":       "md（Markdown）、cast（asciicast v2，供 asciinema 播放）或 html（一个独立网页）",
	"o":            "写到这个文件（默认：标准输出）",
}

var zhCommandFlags = map[string]map[string]string{
	"concur run":    {"speed": "在终端上按这个倍速回放输出（2 表示两倍速；max 表示不等待）"},
	"concur replay": {"speed": "按这个倍速播放会话（2 表示两倍速；max 表示不等待）"},
	"concur learn":  {"lang": "课程和提示信息的语言：en 或 zh（默认取自 $LANG）"},
}

// zhPlaceholders name, in Chinese, the value a flag takes.
var zhPlaceholders = map[string]string{
	"clock": "时钟", "speed": "倍速", "color": "模式", "lang": "语言",
	"max-virtual": "时长", "timeout": "时长", "max-memory": "大小", "idle-limit": "时长",
	"jitter": "比例", "seed": "数字", "record": "文件", "explore": "次数",
	"format": "格式", "o": "文件",
}

// zhFlagUsage prints fs's usage in Chinese: what comes before the flags,
// then each flag with its value, what it does and its default.
func zhFlagUsage(fs *flag.FlagSet, head string, w io.Writer, extra map[string]string) {
	fmt.Fprint(w, head)
	fs.VisitAll(func(f *flag.Flag) {
		what, ok := extra[f.Name]
		if !ok {
			what, ok = zhCommandFlags[fs.Name()][f.Name]
		}
		if !ok {
			what, ok = zhFlags[f.Name]
		}
		if !ok {
			what = f.Usage // a flag not translated yet shows its English words
		}
		line := "  --" + f.Name
		if len(f.Name) == 1 {
			line = "  -" + f.Name // -o
		}
		if p, ok := zhPlaceholders[f.Name]; ok {
			line += " " + p
		}
		switch f.DefValue {
		case "", "0", "false", "0s":
		default:
			// 1h0m0s reads 1h: the zeros are Go's way of printing, not a value.
			what += "（默认 " + zeroUnits.ReplaceAllString(f.DefValue, "$1") + "）"
		}
		fmt.Fprintf(w, "%s\n    \t%s\n", line, what)
	})
}

// setUsage makes fs.Usage print in lang: the English usage en as it was,
// or the Chinese one of the command.
func setUsage(fs *flag.FlagSet, lang string, w io.Writer, en func()) {
	if lang != "zh" {
		fs.Usage = en
		return
	}
	head := zhCommandUsage[fs.Name()]
	if fs.Name() == "concur" {
		head = zhUsage + head // concur -h: the commands, then the REPL's flags
	}
	fs.Usage = func() { zhFlagUsage(fs, head, w, nil) }
}

// parseArgs is fs.Parse with the flag package's messages in lang: in
// English they are printed as the flag package prints them; in Chinese the
// same message is said in Chinese, followed by the usage.
func parseArgs(fs *flag.FlagSet, args []string, lang string) error {
	if lang != "zh" {
		return fs.Parse(args)
	}
	usage, out := fs.Usage, fs.Output()
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.Usage = usage
	fs.SetOutput(out)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(out, zhFlagError(err.Error()))
		}
		usage()
	}
	return err
}

var zeroUnits = lazyregexp.New(`^(\d+[hm])(0m)?0s$`)

var (
	flagUndefined = lazyregexp.New(`^flag provided but not defined: (-\S*)$`)
	flagBadValue  = lazyregexp.New(`^invalid value (".*") for flag (-\S+): (.*)$`)
	flagBadBool   = lazyregexp.New(`^invalid boolean (?:value (".*") for|flag) (-?\S+): .*$`)
	flagNoValue   = lazyregexp.New(`^flag needs an argument: (-\S+)$`)
	flagSyntax    = lazyregexp.New(`^bad flag syntax: (.*)$`)
)

// zhFlagError says a message of the flag package in Chinese; one it does
// not know stays as it is.
func zhFlagError(msg string) string {
	if m := flagUndefined.FindStringSubmatch(msg); m != nil {
		return "没有这个选项：" + m[1]
	}
	if m := flagBadValue.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("选项 %s 的值 %s 无效：%s", m[2], m[1], zhValueError(m[3]))
	}
	if m := flagBadBool.FindStringSubmatch(msg); m != nil {
		if m[1] == "" {
			return fmt.Sprintf("选项 %s 无效：它只能是 true 或 false", m[2])
		}
		return fmt.Sprintf("选项 %s 的值 %s 无效：请用 true 或 false", m[2], m[1])
	}
	if m := flagNoValue.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("选项 %s 需要一个值", m[1])
	}
	if m := flagSyntax.FindStringSubmatch(msg); m != nil {
		return "选项写法不对：" + m[1]
	}
	return msg
}

// zhValues are the English errors of the flag values' Set methods, in
// Chinese.
var zhValues = map[string]string{
	`want a positive number or "max"`:                      `请用正数或 "max"`,
	"want a duration such as 2s":                           "请用时长，例如 2s",
	"must not be negative":                                 "不能是负数",
	"want a fraction below 1, like 20% or 0.2":             "请用小于 1 的比例，例如 20% 或 0.2",
	"want a size such as 4GiB, 500MB or a number of bytes": "请用内存大小，例如 4GiB、500MB，或字节数",
	"parse error":        "格式不对", // the flag package's, for numbers and durations
	"value out of range": "超出范围",
}

func zhValueError(msg string) string {
	if zh, ok := zhValues[msg]; ok {
		return zh
	}
	return msg
}

// choiceError is a flag whose value is none of the ones it takes:
// --clock=sundial.
type choiceError struct {
	flag, value string
	choices     []string
}

func (e choiceError) Error() string {
	last := len(e.choices) - 1
	want := strings.Join(e.choices[:last], ", ") + " or " + e.choices[last]
	return fmt.Sprintf("--%s=%s: want %s", e.flag, e.value, want)
}

// errText is err's message in lang: the command line's own errors are
// said in Chinese, Go's stay as they are.
func errText(lang string, err error) string {
	var c choiceError
	if lang != "zh" || !errors.As(err, &c) {
		return err.Error()
	}
	last := len(c.choices) - 1
	want := strings.Join(c.choices[:last], "、") + " 或 " + c.choices[last]
	return fmt.Sprintf("--%s=%s：请用 %s", c.flag, c.value, want)
}

// cliWords are the command line's own messages, in every language.
type cliWords struct {
	unknownGo, unknown, flagsAfter, unexpected  string
	runOneFile, oneFile, exploreReal, noHistory string
	// concur replay --rerun: the start (inputs), an input that could not
	// run (number, error), one that matches (number, first line, lines),
	// one that does not (number, first line), the headings of what it
	// printed then and now, the summary (passed, failed).
	rerunStart, rerunFailed, rerunOK, rerunDiff, rerunRecorded, rerunNow, rerunSummary string
}

var cliCatalog = map[string]cliWords{
	"en": {
		unknownGo:   "concur: unknown command %q: did you mean concur run %s?\n",
		unknown:     "concur: unknown command %q\n\n%s",
		flagsAfter:  "concur: flags go after the command: concur %s %s\n",
		unexpected:  "concur: unexpected %q (did you mean concur run %s?)\n",
		runOneFile:  "concur run: want exactly one FILE (or - for standard input)",
		oneFile:     "%s: want exactly one FILE\n",
		exploreReal: "concur run: --explore needs the virtual clock: on the real clock the Go runtime schedules",
		noHistory:   "concur: no place for history (%v); it will not be saved\n",

		rerunStart:    "concur replay --rerun: running the %d input(s) of this file in a fresh session\n",
		rerunFailed:   "concur replay: input %d: %v\n",
		rerunOK:       "ok    input %d: %s (%d line(s))\n",
		rerunDiff:     "DIFF  input %d: %s\n",
		rerunRecorded: "      recorded:\n",
		rerunNow:      "      now:\n",
		rerunSummary:  "%d passed, %d failed\n",
	},
	"zh": {
		unknownGo:   "concur: 没有 %q 这个命令：你是想运行 concur run %s 吗？\n",
		unknown:     "concur: 没有 %q 这个命令\n\n%s",
		flagsAfter:  "concur: 选项要写在命令后面：concur %s %s\n",
		unexpected:  "concur: 多出来的参数 %q（你是想运行 concur run %s 吗？）\n",
		runOneFile:  "concur run: 要给出一个文件（或用 - 表示标准输入）",
		oneFile:     "%s: 要给出恰好一个文件\n",
		exploreReal: "concur run: --explore 要用虚拟时钟：在真实时钟上由 Go 运行时自己调度",
		noHistory:   "concur: 没有地方保存输入历史（%v）；历史不会被保存\n",

		rerunStart:    "concur replay --rerun: 在一个新会话里重新运行这个文件的 %d 段输入\n",
		rerunFailed:   "concur replay: 第 %d 段输入：%v\n",
		rerunOK:       "一致  第 %d 段输入：%s（%d 行）\n",
		rerunDiff:     "不同  第 %d 段输入：%s\n",
		rerunRecorded: "      录制时：\n",
		rerunNow:      "      这次：\n",
		rerunSummary:  "%d 段一致，%d 段不同\n",
	},
}

// cliText is the command line's messages in lang.
func cliText(lang string) cliWords {
	if w, ok := cliCatalog[lang]; ok {
		return w
	}
	return cliCatalog["en"]
}
