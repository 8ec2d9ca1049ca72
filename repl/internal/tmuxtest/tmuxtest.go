// Package tmuxtest runs a program in a real terminal emulator, tmux, so that
// a test can type at it and read the screen a person would see, cursor
// included, with wide (CJK) characters laid out the way terminals lay them out.
//
// Each Term is its own tmux server (its own socket), so tests that use one
// each can run in parallel. Keys go in one per tmux call, so the program
// reads each in its own read(2), as when a person types. Tests synchronise by
// waiting for what they expect to see (WaitFor, WaitText, WaitLine) under a
// deadline, never by sleeping a fixed time.
package tmuxtest

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// Available reports why tmux cannot be used, or "" if it can.
func Available() string {
	if _, err := exec.LookPath("tmux"); err != nil {
		return "tmux is not installed (apt-get install tmux); skipping terminal tests"
	}
	return ""
}

// Config says what to run and in what terminal.
type Config struct {
	Argv          []string // the program and its arguments
	Env           []string // NAME=value settings added to the environment
	Unset         []string // names taken out of the environment
	Width, Height int      // default 80x24
}

// Term is one program running in its own tmux server.
type Term struct {
	t      testing.TB
	socket string
	cfg    Config
}

var serial atomic.Int64

// Start starts cfg.Argv in a new tmux server and stops the server when the
// test ends. The pane stays after the program exits (remain-on-exit), so its
// last screen and exit status can be read.
func Start(t testing.TB, cfg Config) *Term {
	t.Helper()
	if cfg.Width == 0 {
		cfg.Width, cfg.Height = 80, 24
	}
	tm := &Term{t: t, cfg: cfg, socket: fmt.Sprintf("concur-test-%d-%d", os.Getpid(), serial.Add(1))}
	t.Cleanup(func() {
		path, err := tm.run("display-message", "-p", "#{socket_path}")
		tm.run("kill-server")
		if err == nil {
			os.Remove(path) // tmux leaves it behind
		}
	})
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		if out, err := tm.run("capture-pane", "-p"); err == nil {
			t.Logf("last screen of %s:\n%s", strings.Join(cfg.Argv, " "), strings.TrimRight(out, "\n"))
		}
	})
	tm.tmux("-f", "/dev/null", "new-session", "-d",
		"-x", fmt.Sprint(cfg.Width), "-y", fmt.Sprint(cfg.Height), tm.command(), ";",
		"set-option", "remain-on-exit", "on")
	return tm
}

// command is the shell command line the pane runs.
func (tm *Term) command() string {
	words := []string{"exec", "env"}
	for _, name := range tm.cfg.Unset {
		words = append(words, "-u", name)
	}
	words = append(words, "TERM=screen", "LANG=C.UTF-8")
	words = append(words, tm.cfg.Env...)
	words = append(words, tm.cfg.Argv...)
	for i, w := range words {
		words[i] = quote(w)
	}
	return strings.Join(words, " ")
}

func quote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=./:,+") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func (tm *Term) run(args ...string) (string, error) {
	cmd := exec.Command("tmux", append([]string{"-L", tm.socket, "-u"}, args...)...)
	cmd.Env = outsideTmux()
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSuffix(string(out), "\n"), nil
}

func (tm *Term) tmux(args ...string) string {
	tm.t.Helper()
	out, err := tm.run(args...)
	if err != nil {
		tm.t.Fatal(err)
	}
	return out
}

// outsideTmux is the environment without tmux's own variables: a test run
// inside tmux must not have its commands aimed at the pane it runs in.
func outsideTmux() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TMUX=") && !strings.HasPrefix(kv, "TMUX_PANE=") {
			env = append(env, kv)
		}
	}
	return env
}

// Type types text literally (no key names).
func (tm *Term) Type(text string) {
	tm.t.Helper()
	tm.tmux("send-keys", "-l", text)
}

// Press presses keys one at a time, each in its own write: tmux key names
// such as Enter, Left, BSpace, Tab, Up, C-a, C-c, C-d, C-r.
func (tm *Term) Press(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		tm.tmux("send-keys", k)
	}
}

// Paste pastes text as a terminal does when a person pastes it: tmux sends
// it in one write, line breaks as carriage returns, between bracketed-paste
// markers when the program has turned that mode on.
func (tm *Term) Paste(text string) {
	tm.t.Helper()
	tm.tmux("set-buffer", "-b", "tmuxtest", "--", text)
	tm.tmux("paste-buffer", "-p", "-d", "-b", "tmuxtest")
}

// Screen is what the terminal shows at one moment.
type Screen struct {
	Lines []string // one per row, trailing blanks removed
	X, Y  int      // cursor column and row, counted in cells from 0
	Dead  bool     // the program has exited
	// Status is the program's exit status once Dead.
	Status int
}

// Text is the screen's rows joined by newlines, without the empty rows at the bottom.
func (s *Screen) Text() string {
	return strings.TrimRight(strings.Join(s.Lines, "\n"), "\n")
}

// CursorLine is the row the cursor is on.
func (s *Screen) CursorLine() string {
	if s.Y < len(s.Lines) {
		return s.Lines[s.Y]
	}
	return ""
}

func (s *Screen) String() string {
	return fmt.Sprintf("cursor %d,%d dead=%v\n%s", s.X, s.Y, s.Dead, s.Text())
}

// Snapshot reads the screen and cursor in one tmux call.
func (tm *Term) Snapshot() *Screen {
	tm.t.Helper()
	out := tm.tmux("display-message", "-p", "#{cursor_x},#{cursor_y},#{pane_dead},#{pane_dead_status}", ";",
		"capture-pane", "-p")
	head, body, _ := strings.Cut(out, "\n")
	s := &Screen{Lines: strings.Split(body, "\n")}
	var dead int
	fmt.Sscanf(strings.ReplaceAll(head, ",", " "), "%d %d %d %d", &s.X, &s.Y, &dead, &s.Status)
	s.Dead = dead == 1
	return s
}

// Scrollback returns every row the terminal has shown, those scrolled off
// the top included, trailing blank rows left out.
func (tm *Term) Scrollback() string {
	tm.t.Helper()
	return strings.TrimRight(tm.tmux("capture-pane", "-p", "-S", "-"), "\n")
}

// Title is the pane's title, which a program can set with an escape
// sequence (OSC 0 or 2).
func (tm *Term) Title() string {
	tm.t.Helper()
	return tm.tmux("display-message", "-p", "#{pane_title}")
}

// Colored returns the screen's rows with their colour escape sequences.
func (tm *Term) Colored() string {
	tm.t.Helper()
	return tm.tmux("capture-pane", "-p", "-e")
}

// poll is how often WaitFor looks at the screen.
const poll = 20 * time.Millisecond

// WaitFor reads the screen until ok accepts it, and returns that screen; the
// test fails, showing the last screen, if timeout passes first.
func (tm *Term) WaitFor(what string, timeout time.Duration, ok func(*Screen) bool) *Screen {
	tm.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		s := tm.Snapshot()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("waited %v for %s; the screen shows:\n%s", timeout, what, s)
		}
		time.Sleep(poll)
	}
}

// WaitText waits until the screen contains text.
func (tm *Term) WaitText(text string, timeout time.Duration) *Screen {
	tm.t.Helper()
	return tm.WaitFor(fmt.Sprintf("%q on screen", text), timeout, func(s *Screen) bool {
		return strings.Contains(s.Text(), text)
	})
}

// WaitLine waits until the cursor's row reads line exactly and the cursor is
// at column x (x < 0: any column).
func (tm *Term) WaitLine(line string, x int, timeout time.Duration) *Screen {
	tm.t.Helper()
	return tm.WaitFor(fmt.Sprintf("cursor row %q, cursor column %d", line, x), timeout, func(s *Screen) bool {
		return s.CursorLine() == line && (x < 0 || s.X == x)
	})
}

// WaitExit waits until the program has exited.
func (tm *Term) WaitExit(timeout time.Duration) *Screen {
	tm.t.Helper()
	return tm.WaitFor("the program to exit", timeout, func(s *Screen) bool { return s.Dead })
}
