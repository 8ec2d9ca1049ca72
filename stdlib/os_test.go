package stdlib

import (
	"errors"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"
)

type stdinHooks struct {
	*fakeHooks
	in io.Reader
}

func (h *stdinHooks) Stdin() io.Reader { return h.in }

// osFiles returns os.Stdin, os.Stdout and os.Stderr as restricted mode gives them.
func osFiles(h Hooks) (stdin, stdout, stderr *File) {
	syms := Symbols(h, false)["os/os"]
	return syms["Stdin"].Interface().(*File), syms["Stdout"].Interface().(*File), syms["Stderr"].Interface().(*File)
}

func TestFile(t *testing.T) {
	h := newFake(true)
	stdin, stdout, stderr := osFiles(h)
	stdout.WriteString("out")
	stderr.Write([]byte("err"))
	if out, errs, _ := h.record(); out != "out" || errs != "err" {
		t.Errorf("captured %q and %q, want out and err", out, errs)
	}
	if n, err := stdin.Read(make([]byte, 8)); n != 0 || err != io.EOF {
		t.Errorf("os.Stdin without StdinHooks read %d, %v; want 0, EOF", n, err)
	}
	if _, err := stdin.Write([]byte("x")); !errors.Is(err, syscall.EBADF) {
		t.Errorf("writing os.Stdin: %v, want EBADF", err)
	}
	if err := stdout.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := stdout.WriteString("late"); !errors.Is(err, os.ErrClosed) {
		t.Errorf("writing a closed os.Stdout: %v, want ErrClosed", err)
	}

	stdin, _, _ = osFiles(&stdinHooks{fakeHooks: newFake(true), in: strings.NewReader("typed")})
	if b, err := io.ReadAll(stdin); string(b) != "typed" || err != nil {
		t.Errorf("os.Stdin with StdinHooks read %q, %v; want typed", b, err)
	}
}
