package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/concur-dev/concur/internal/langcheck"
	"github.com/concur-dev/concur/lessons"
)

// TestLearnChinese runs `concur learn` in Chinese: the list of lessons with
// what to open next, the usage, a lesson that does not exist, an unreadable
// progress file. None of it may be English, apart from commands, flags and
// file names.
func TestLearnChinese(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	all, err := lessons.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := langcheck.New()
	for _, l := range all {
		c.AllowWords(l.ID)
		for _, s := range l.Steps { // titles name identifiers: time.After
			for _, ex := range s.Examples {
				c.AllowCode(ex.Code)
			}
		}
	}
	// Flag values the usage names as they are typed.
	c.AllowWords("virtual", "real", "auto", "always", "never", "en", "zh", "max", "passed", "failed")

	progress := filepath.Join(state, "concur", "progress.json")
	for _, run := range []struct {
		name  string
		args  []string
		setup func()
		want  string // in stdout or stderr
	}{
		{name: "list", args: []string{"--lang=zh"}, want: "下一课：concur learn 1（"},
		{name: "usage", args: []string{"--lang=zh", "-h"}, want: "用法：concur learn"},
		{name: "no such lesson", args: []string{"--lang=zh", "99"}, want: "没有课程"},
		{name: "two lessons", args: []string{"--lang=zh", "1", "2"}, want: "最多只能指定一课"},
		{name: "corrupt progress", args: []string{"--lang=zh"}, want: "无法读取", setup: func() {
			os.MkdirAll(filepath.Dir(progress), 0o755)
			os.WriteFile(progress, []byte("{not json"), 0o644)
		}},
	} {
		t.Run(run.name, func(t *testing.T) {
			if run.setup != nil {
				run.setup()
			}
			var stdout, stderr bytes.Buffer
			learn(run.args, strings.NewReader(""), &stdout, &stderr)
			out := stdout.String() + stderr.String()
			if !strings.Contains(out, run.want) {
				t.Errorf("concur learn %s: no %q in\n%s", strings.Join(run.args, " "), run.want, out)
			}
			for _, f := range c.Check(strings.ReplaceAll(out, state, "STATE")) {
				t.Errorf("concur learn %s shows English: %s", strings.Join(run.args, " "), f)
			}
		})
	}
}
