package repl

import (
	"strings"
	"testing"

	"github.com/concur-dev/concur/lessons"
)

func TestRenderText(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		width    int
		want     string
	}{
		{"short", "short line", 40, "short line"},
		{"words", "one two three four five six seven", 20, "one two three four\nfive six seven"},
		{"joined", "One paragraph\nsplit over\nthree lines.", 80, "One paragraph split over three lines."},
		{"Chinese joins without a space", "中文一行\n接着一行", 80, "中文一行接着一行"},
		{"Chinese and Latin keep their space", "每秒打印一次\ntick，然后", 80, "每秒打印一次 tick，然后"},
		{"Latin and Chinese keep their space", "一个 goroutine\n打印", 80, "一个 goroutine 打印"},
		{"after Chinese punctuation no space", "这样。\nThen", 80, "这样。Then"},
		{"code span at the join", "用 `time.Sleep`\n代表等待", 80, "用 time.Sleep 代表等待"},
		{"no marks", "**bold**, `code` and *emphasis*: a * alone", 80, "bold, code and emphasis: a * alone"},
		{"stars in code stay", "the pattern `\"task A *\"` matches", 80, "the pattern \"task A *\" matches"},
		{"list", "- an item\n  that goes on\n- another", 80, "- an item that goes on\n- another"},
		{"list wraps under its text", "- item one two three", 10, "- item one\n  two\n  three"},
		{"numbered", "1. **First**: it\n   goes on.\n2. Second", 80, "1. First: it goes on.\n2. Second"},
		{"heading", "### Ties", 80, "Ties"},
		{"fence", "Code:\n\n```go\nx := 1\n```", 80, "Code:\n\n    x := 1"},
		{"Chinese wraps between characters", "同步阻塞一个任务接着一个任务", 10, "同步阻塞一\n个任务接着\n一个任务"},
		{"no closing punctuation first", "一二三四五，六七", 10, "一二三四\n五，六七"},
		{"no closing quote first", "一二三四“五”六", 10, "一二三四\n“五”六"},
		{"no opening punctuation last", "一二三四（五）六", 10, "一二三四\n（五）六"},
		{"code keeps its spaces", "一二三四`a: `，五", 10, "一二三四\na: ，五"},
		{"a long code span and its full stop", "看 `abcdefghijkl`。", 10, "看\nabcdefghij\nkl。"},
		{"a word longer than the line", "abcdefghijklmnop qr", 10, "abcdefghij\nklmnop qr"},
		{"table", "| | a | bb |\n|---|---|---|\n| x | 1 | 2 |", 80, "  │ a │ bb\n──┼───┼───\nx │ 1 │ 2"},
		{"table too wide", "| | blocking | non-blocking |\n|--|--|--|\n| sync | `a(); b()` | polling |\n| async | go | go |", 20, "sync\n  - blocking:\n    a(); b()\n  - non-blocking:\n    polling\n\nasync\n  - blocking: go\n  - non-blocking: go"},
		{"Chinese table too wide", "| | 阻塞 | 非阻塞 |\n|--|--|--|\n| 同步 | 依次调用 | 轮询 |", 20, "同步\n  - 阻塞：依次调用\n  - 非阻塞：轮询"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := renderText(tc.in, tc.width, false)
			if got != tc.want {
				t.Errorf("renderText(%q, %d) =\n%s\nwant\n%s", tc.in, tc.width, got, tc.want)
			}
		})
	}
}

func TestRenderTextColor(t *testing.T) {
	got := renderText("a **b** `c`", 80, true)
	if want := "a \x1b[1mb\x1b[0m \x1b[36mc\x1b[0m"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if visibleCells(got) != 5 {
		t.Errorf("visibleCells(%q) = %d, want 5", got, visibleCells(got))
	}
}

// TestRenderLessons renders every lesson's text, hints and notes at a few
// widths, in every language: no line is wider than the screen, none shows
// Markdown's marks, none starts with closing punctuation, and no Chinese
// line joins a Chinese character straight to a Latin letter where the
// source had a line break.
func TestRenderLessons(t *testing.T) {
	ls, err := lessons.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		for _, lang := range lessons.Langs {
			var texts []string
			for _, s := range l.Steps {
				texts = append(texts, s.Text[lang])
				for _, ex := range s.Examples {
					texts = append(texts, ex.Look[lang])
				}
				if s.Exercise != nil {
					texts = append(texts, s.Exercise.Hints[lang]...)
				}
			}
			for _, width := range []int{40, 58, 80} {
				for _, text := range texts {
					inFence := strings.Contains(text, "```")
					for _, line := range strings.Split(renderText(text, width, false), "\n") {
						if w := visibleCells(line); w > width && !strings.HasPrefix(line, "    ") {
							t.Errorf("%s at %d columns: a line of %d cells: %q", l.Source[lang], width, w, line)
						}
						if !inFence && (strings.Contains(line, "**") || strings.Contains(line, "`")) {
							t.Errorf("%s: raw Markdown on screen: %q", l.Source[lang], line)
						}
						if trimmed := strings.TrimLeft(line, " -"); trimmed != "" && strings.ContainsRune("，。、；：？！）》」』”", []rune(trimmed)[0]) {
							t.Errorf("%s at %d columns: a line starts with closing punctuation: %q", l.Source[lang], width, line)
						}
					}
				}
			}
		}
	}
}

func TestJoinLines(t *testing.T) {
	for _, c := range [][3]string{
		{"每秒打印一次", "tick", "每秒打印一次 tick"},
		{"tick", "每秒", "tick 每秒"},
		{"中文", "中文", "中文中文"},
		{"中文，", "tick", "中文，tick"},
		{"the end", "of it", "the end of it"},
		{"“引号”", "之后", "“引号”之后"},
		{"用 `go`", "启动", "用 `go` 启动"},
	} {
		if got := joinLines(c[0], c[1]); got != c[2] {
			t.Errorf("joinLines(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}
