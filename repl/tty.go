package repl

import (
	"os"

	"golang.org/x/sys/unix"
)

// quietTerminal turns off the terminal's echo while a run plays, keeping
// line editing and Ctrl-C as they are, and returns what turns it back on.
// Outside a terminal it does nothing.
func quietTerminal() (restore func()) {
	fd := int(os.Stdin.Fd())
	old, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return func() {}
	}
	quiet := *old
	quiet.Lflag &^= unix.ECHO
	if err := unix.IoctlSetTermios(fd, unix.TCSETS, &quiet); err != nil {
		return func() {}
	}
	return func() { unix.IoctlSetTermios(fd, unix.TCSETS, old) }
}
