package repl

// messages are the REPL's own words, in one language.
type messages struct {
	lang                                                string // "en" or "zh"
	banner, abandoned, imported                         string
	unknownCommand                                      string
	helpHelp, helpQuit, helpReset, helpClock, helpSpeed string
	helpTimeline, helpGoroutines, helpHistory, helpLoad string
	helpSave, helpLang, helpKeys                        string
	resetDone, clockIs, badClock                        string
	badSpeed                                            string
	noTimeline, timelineOn, timelineOff, badTimeline    string
	noGoroutines, loadUsage, saveUsage, saved           string
	langSet, badLang                                    string
	helpRecord, recordUsage, recording, recordStopped   string
	recordFailed, notRecording                          string
	terminalWords                                       // the session at the terminal: pastes, pace, files (below)
	engineWords                                         // the session's program: restores, left-out inputs (engine_words.go)
	exploreWords                                        // seeds and exploring schedules (explore.go)
}

// catalog returns the messages of lang ("en" or "zh"; anything else is "en").
func catalog(lang string) messages {
	if lang == "zh" {
		return zh
	}
	return en
}

var en = messages{
	lang:           "en",
	banner:         "concur: a Go concurrency playground. Type Go; :help lists commands.",
	abandoned:      "(input abandoned)",
	imported:       "(imported %s)",
	unknownCommand: "unknown command %s: :help lists the commands",
	helpHelp:       "list these commands",
	helpQuit:       "leave concur (Ctrl-D on an empty line too)",
	helpReset:      "start a new session, forgetting all declarations",
	helpClock:      "show or set the clock: virtual (sleeps cost no time) or real; the session is replayed on it",
	helpSpeed:      "play output at N times its pace, or at once; idle: cut quiet gaps longer than DUR",
	helpTimeline:   "draw the last run's timeline; on/off: after every run",
	helpGoroutines: "list live goroutines and what each waits on",
	helpHistory:    "list the inputs typed so far",
	helpLoad:       "run a Go file in this session",
	helpSave:       "save the successful inputs as a file for concur run",
	helpLang:       "show or set the language: en or zh (中文)",
	helpKeys: "Keys: Ctrl-C clears the line, abandons an unfinished input, stops a run\n" +
		"or skips its playback; Enter skips playback; Ctrl-R searches history; Tab completes.\n" +
		"An input goes on at \"... \" until it is complete; blank lines belong to it.\n" +
		"A paste is one input, however many lines it holds.",
	resetDone:     "new session: nothing declared yet",
	clockIs:       "clock: %s",
	badClock:      "clock %q: want virtual or real",
	badSpeed:      "speed %q: want a positive number or max",
	noTimeline:    "no timeline: the last run used one goroutine and never slept",
	timelineOn:    "a timeline follows every run that slept or used goroutines",
	timelineOff:   "no timelines after runs (:timeline still draws the last one)",
	badTimeline:   "timeline %q: want on or off, or nothing to draw the last run's",
	noGoroutines:  "no goroutines are alive besides the prompt",
	loadUsage:     "usage: :load FILE",
	saveUsage:     "usage: :save FILE",
	saved:         "saved %d input(s) to %s",
	langSet:       "language: English",
	badLang:       "language %q: want en or zh",
	helpRecord:    "record to FILE for concur replay (--append, --force: onto one that exists); stop ends it",
	recordUsage:   "usage: :record FILE [--append|--force], or :record stop",
	recording:     "recording to %s (:record stop ends it)",
	recordStopped: "recording saved to %s; watch it with: concur replay %[1]s",
	recordFailed:  "concur: recording: %v",
	notRecording:  "not recording (:record FILE starts)",
}

var zh = messages{
	lang:           "zh",
	banner:         "concur —— Go 并发练习场。直接输入 Go 代码；:help 查看命令；Ctrl-D 退出。",
	abandoned:      "（已放弃这段输入）",
	imported:       "（已自动导入 %s）",
	unknownCommand: "没有 %s 这个命令：用 :help 查看所有命令",
	helpHelp:       "列出这些命令",
	helpQuit:       "退出 concur（在空行按 Ctrl-D 也可以）",
	helpReset:      "开始新会话：清空所有声明和变量",
	helpClock:      "查看或设置时钟：virtual（sleep 不耗费真实时间）或 real；会话会在新时钟上重放",
	helpSpeed:      "按记录节奏的 N 倍速回放输出，max 表示立即全部显示；idle：把超过该时长的静默间隔缩短",
	helpTimeline:   "画出上一次运行的时间线；on/off：每次运行后都画或都不画",
	helpGoroutines: "列出会话中仍然存活的 goroutine 以及它们在等什么",
	helpHistory:    "列出目前输入过的内容",
	helpLoad:       "在当前会话中运行一个 Go 文件",
	helpSave:       "把本会话成功的输入保存为 concur run 可以运行的文件",
	helpLang:       "查看或设置语言：en 或 zh",
	helpKeys: "按键：Ctrl-C 清空当前行、放弃尚未写完的输入、停止运行或跳过回放；\n" +
		"回车跳过回放；Ctrl-R 搜索历史；Tab 补全。\n" +
		"输入没写完时会在 \"... \" 提示符下继续，空行也算输入的一部分。\n" +
		"一次粘贴就是一段输入，不管它有多少行。",
	resetDone:     "新会话：目前什么都没有声明",
	clockIs:       "时钟：%s",
	badClock:      "时钟 %q 不存在：请用 virtual 或 real",
	badSpeed:      "速度 %q 无效：请用正数或 max",
	noTimeline:    "没有时间线：上一次运行只用了一个 goroutine，也没有 sleep",
	timelineOn:    "之后每次用到 sleep 或多个 goroutine 的运行都会画出时间线",
	timelineOff:   "运行后不再画时间线（:timeline 仍可画出上一次的）",
	badTimeline:   "%q 无效：请用 on 或 off，或不带参数画出上一次的时间线",
	noGoroutines:  "除了提示符之外没有存活的 goroutine",
	loadUsage:     "用法：:load 文件",
	saveUsage:     "用法：:save 文件",
	saved:         "已把 %d 段输入保存到 %s",
	langSet:       "语言：中文",
	badLang:       "语言 %q 无效：请用 en 或 zh",
	helpRecord:    "把本会话录制到文件供 concur replay 回放（文件已存在时加 --append 或 --force）；stop 结束录制",
	recordUsage:   "用法：:record 文件 [--append|--force]，或 :record stop",
	recording:     "正在录制到 %s（:record stop 结束）",
	recordStopped: "录制已保存到 %s；回放：concur replay %[1]s",
	recordFailed:  "concur：录制出错：%v",
	notRecording:  "当前没有在录制（:record 文件 开始录制）",
}

// terminalWords are the messages of the session at the terminal: pastes and
// unfinished inputs, playback pace, recording and files.
type terminalWords struct {
	stillOpen                                string
	cutGap, skipHint                         string
	paceIs, paceFull, badIdle, speedArgs     string
	recordExists, cannotAppend, recordAppend string
	recordFlagsAlone, recordFlagsBoth        string
	exportOntoInput, replayKeys              string
}

func init() {
	en.terminalWords = terminalWords{
		stillOpen: "(blank lines belong to the input: finish it, or press Ctrl-C to abandon it)",
		cutGap:    "⋯ %s later",
		skipHint:  "(Enter skips the wait)",
		paceIs:    "speed: %s; quiet gaps longer than %s are cut short (:speed idle DUR|off)",
		paceFull:  "speed: %s; quiet gaps are played in full (:speed idle DUR cuts them)",
		badIdle:   "idle limit %q: want a duration such as 2s, or off",
		speedArgs: "usage: :speed N|max, :speed idle DUR|off",

		recordExists:     "%s already exists: add --append to go on with it, or --force to replace it",
		cannotAppend:     "concur: cannot append to %s: %v",
		recordAppend:     "recording to %s, after its %d earlier input(s) (:record stop ends it)",
		recordFlagsAlone: "--append and --force go with --record FILE",
		recordFlagsBoth:  "--append or --force: choose one",
		exportOntoInput:  "-o %s is the session file being exported: write the export to another file",
		replayKeys:       "(space pauses, . steps, q quits)",
	}
	zh.terminalWords = terminalWords{
		stillOpen: "（空行也属于这段输入：把它写完，或按 Ctrl-C 放弃）",
		cutGap:    "⋯ %s 之后",
		skipHint:  "（按回车可跳过等待）",
		paceIs:    "回放速度：%s；超过 %s 的静默间隔会被缩短（:speed idle 时长|off）",
		paceFull:  "回放速度：%s；静默间隔按原样回放（:speed idle 时长 可缩短）",
		badIdle:   "静默上限 %q 无效：请用时长（例如 2s）或 off",
		speedArgs: "用法：:speed N|max，或 :speed idle 时长|off",

		recordExists:     "%s 已存在：加 --append 接着录制，或加 --force 覆盖它",
		cannotAppend:     "concur：无法接着录制 %s：%v",
		recordAppend:     "正在录制到 %s，接在之前的 %d 段输入之后（:record stop 结束）",
		recordFlagsAlone: "--append 和 --force 要和 --record 文件 一起用",
		recordFlagsBoth:  "--append 和 --force 只能选一个",
		exportOntoInput:  "-o %s 就是要导出的会话文件：请把导出写到别的文件",
		replayKeys:       "（空格暂停，. 单步，q 退出）",
	}
}
