package main

import (
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// readKeys reads single keys from a terminal on stdin, without echo and
// without waiting for Enter (Ctrl-C still interrupts). It returns ok false
// when stdin is not a terminal; restore puts the terminal back.
func readKeys(stdin io.Reader) (keys <-chan byte, restore func(), ok bool) {
	f, isFile := stdin.(*os.File)
	if !isFile {
		return nil, nil, false
	}
	fd := int(f.Fd())
	old, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return nil, nil, false
	}
	keyed := *old
	keyed.Lflag &^= unix.ECHO | unix.ICANON
	keyed.Cc[unix.VMIN], keyed.Cc[unix.VTIME] = 1, 0
	if err := unix.IoctlSetTermios(fd, unix.TCSETS, &keyed); err != nil {
		return nil, nil, false
	}
	ch := make(chan byte, 16)
	go func() {
		var b [1]byte
		for {
			if n, err := f.Read(b[:]); err != nil || n == 0 {
				return
			}
			select {
			case ch <- b[0]:
			default:
			}
		}
	}()
	return ch, func() { unix.IoctlSetTermios(fd, unix.TCSETS, old) }, true
}
