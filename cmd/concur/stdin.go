package main

import (
	"io"
	"os"

	"golang.org/x/term"

	"github.com/concur-dev/concur/engine/prestart"
)

// programStdin is what the program run by `concur run FILE` reads on
// os.Stdin: concur's own standard input. A pipe or a file goes to the
// worker as it is. A terminal cannot (the worker runs in a process group of
// its own, and a background process that reads the terminal is stopped),
// so what is typed there while the program runs is copied to it through a
// pipe, a line at a time as the terminal hands it over; the terminal echoes
// and edits the line as usual.
func programStdin(stdin io.Reader) *os.File {
	if f, ok := stdin.(*os.File); ok && !term.IsTerminal(int(f.Fd())) {
		return f
	}
	r, w := prestart.Relay() // the pipe the worker started early reads
	if r == nil || stdin != io.Reader(os.Stdin) {
		var err error
		if r, w, err = os.Pipe(); err != nil {
			return nil
		}
	}
	go func() {
		io.Copy(w, stdin)
		w.Close()
	}()
	return r
}
