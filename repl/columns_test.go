package repl

import (
	"bytes"
	"strings"
	"testing"
)

func TestColumnsSideBySide(t *testing.T) {
	var out bytes.Buffer
	text := "第一段：同步阻塞，一个任务接着一个任务。\n\nA second paragraph, in English, long enough to wrap on the left side of a wide terminal, twice over."
	c := newColumns(&out, text, 120, false)
	c.Write([]byte(" +0.000s  g1 main │ task A start\n +10.000s  g1 main │ task A"))
	c.Write([]byte(" stop\n"))
	c.Close()
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	if len(lines) < 4 {
		t.Fatalf("%d rows:\n%s", len(lines), out.String())
	}
	bar := -1
	for i, l := range lines {
		if w := runeCells(l); w > 120 {
			t.Errorf("row %d is %d cells wide, more than 120: %q", i, w, l)
		}
		// The separator stands at the same cell in every row.
		cells := 0
		for _, r := range l {
			if r == '│' {
				break
			}
			cells += runeCells(string(r))
		}
		if bar < 0 {
			bar = cells
		} else if cells != bar {
			t.Errorf("row %d has its separator at cell %d, row 0 at %d:\n%s", i, cells, bar, out.String())
		}
	}
	if !strings.HasSuffix(lines[0], " │  +0.000s  g1 main │ task A start") || !strings.HasSuffix(lines[1], "│  +10.000s  g1 main │ task A stop") {
		t.Errorf("output lines are not beside the text:\n%s", out.String())
	}
	if !strings.HasPrefix(lines[0], "第一段") {
		t.Errorf("the text does not start the left column:\n%s", out.String())
	}
}
