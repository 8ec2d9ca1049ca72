package repl_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/concur-dev/concur/repl/internal/tmuxtest"
)

// TestTerminalRunReadsTypedLines: `concur run prog.go` in a terminal gives
// the program what is typed while it runs, as its os.Stdin, with the
// terminal's own echo; Ctrl-D ends it.
func TestTerminalRunReadsTypedLines(t *testing.T) {
	bin := concurBinary(t)
	dir := t.TempDir()
	prog := filepath.Join(dir, "echo.go")
	src := `package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Println("type something")
	sc := bufio.NewScanner(os.Stdin)
	n := 0
	for sc.Scan() {
		n++
		fmt.Println("got", strings.ToUpper(sc.Text()))
	}
	fmt.Println("lines:", n)
}
`
	if err := os.WriteFile(prog, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	tm := tmuxtest.Start(t, tmuxtest.Config{
		Argv: []string{bin, "run", prog},
		Env:  []string{"NO_COLOR=1", "XDG_STATE_HOME=" + t.TempDir()},
	})
	tm.WaitText("type something", wait)
	tm.Type("hello")
	tm.Press("Enter")
	tm.WaitText("got HELLO", wait)
	tm.Type("wörld")
	tm.Press("Enter")
	tm.WaitText("got WÖRLD", wait)
	tm.Press("C-d")
	tm.WaitText("lines: 2", wait)
	if s := tm.WaitExit(wait); s.Status != 0 {
		t.Errorf("exit status %d, want 0", s.Status)
	}
}
