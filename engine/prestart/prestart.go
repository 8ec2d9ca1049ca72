// Package prestart starts `concur run`'s worker process while the rest of
// the terminal side is still initialising: the worker's own start (exec,
// the Go runtime, package initialisation) then runs beside the terminal
// side's instead of after it, which is most of what hello world waits for
// (bench: BenchmarkHelloFirstOutput). Its options travel later, on the
// request pipe (engine.NewSession adopts the process; see engine's
// startWorker).
//
// CONCUR_NO_PRESTART=1 turns it off (to compare; the worker then starts
// when the session does).
//
// The package imports as little as it can (os, sync/atomic, syscall), so that Go
// initialises it among the first: a blank import in package main is all it
// takes. Linux only, as the rest of concur.
package prestart

import (
	"os"
	"sync/atomic"
	"syscall"
	"unsafe"
)

// Marker is the value of the worker's environment variable
// (engine.WorkerEnv) that tells it to read its options from the request
// pipe before anything else.
const Marker = "prestarted"

// Proc is a worker process started before its options were known.
type Proc struct {
	Process *os.Process
	Req     *os.File // requests, to the worker's fd 3
	Events  *os.File // events, from the worker's fd 4
	Output  *os.File // the worker's stdout and stderr
	// Stdin is the worker's standard input: os.Stdin itself when that is
	// not a terminal, else the read end of a pipe whose write end is
	// StdinRelay (see Relay).
	Stdin      *os.File
	StdinRelay *os.File
}

// started is the prestarted worker until a session takes it (sessions
// start on many goroutines in tests).
var started atomic.Pointer[Proc]

// Take returns the prestarted worker, once; nil if there is none.
func Take() *Proc { return started.Swap(nil) }

// Relay returns the read end of the pipe the prestarted worker reads as
// its standard input, and its write end, when its standard input is such a
// pipe (concur's own is a terminal); nil, nil otherwise.
func Relay() (r, w *os.File) {
	p := started.Load()
	if p == nil || p.StdinRelay == nil {
		return nil, nil
	}
	return p.Stdin, p.StdinRelay
}

// Discard ends a worker nobody will use: it ends once its requests close.
func (p *Proc) Discard() {
	p.Req.Close()
	p.Events.Close()
	p.Output.Close()
	if p.StdinRelay != nil {
		p.StdinRelay.Close()
	}
	go p.Process.Wait()
}

func init() {
	if os.Getenv("CONCUR_WORKER") != "" || os.Getenv("CONCUR_NO_PRESTART") != "" || !wanted(os.Args) {
		return
	}
	started.Store(start())
}

// wanted reports whether the command line is `concur run [flags] FILE`
// with a FILE other than "-" (standard input is then the program's) and
// without --explore (its sessions are its own).
func wanted(args []string) bool {
	if len(args) < 3 || args[1] != "run" || args[len(args)-1] == "-" {
		return false
	}
	for _, a := range args[2:] {
		if a == "--" || hasPrefix(a, "-") && contains(a, "explore") || a == "-h" || a == "-help" || a == "--help" {
			return false
		}
	}
	return true
}

func start() *Proc {
	exe, err := os.Executable()
	if err != nil {
		return nil
	}
	var p Proc
	var reqR, evW, outW *os.File
	var files []*os.File
	fail := func() *Proc {
		for _, f := range files {
			f.Close()
		}
		return nil
	}
	pipe := func() (r, w *os.File, ok bool) {
		r, w, err := os.Pipe()
		if err != nil {
			return nil, nil, false
		}
		files = append(files, r, w)
		return r, w, true
	}
	var ok bool
	if reqR, p.Req, ok = pipe(); !ok {
		return fail()
	}
	if p.Events, evW, ok = pipe(); !ok {
		return fail()
	}
	if p.Output, outW, ok = pipe(); !ok {
		return fail()
	}
	p.Stdin = os.Stdin
	if isTerminal(os.Stdin) {
		// A background process that reads the terminal is stopped: the
		// terminal side copies what is typed (see cmd/concur's stdin.go).
		if p.Stdin, p.StdinRelay, ok = pipe(); !ok {
			return fail()
		}
	}
	// A bigger events pipe lets a print-heavy worker run ahead of the
	// screen (Linux; elsewhere the default stays).
	syscall.Syscall(syscall.SYS_FCNTL, evW.Fd(), fSetPipeSize, 1<<20)
	env := append(os.Environ(), "CONCUR_WORKER="+Marker)
	proc, err := os.StartProcess(exe, []string{exe}, &os.ProcAttr{
		Env:   env,
		Files: []*os.File{p.Stdin, outW, outW, reqR, evW},
		// Its own process group: Ctrl-C at the terminal goes to the
		// terminal side, which decides what it means.
		Sys: &syscall.SysProcAttr{Setpgid: true},
	})
	if err != nil {
		return fail()
	}
	reqR.Close()
	evW.Close()
	outW.Close()
	p.Process = proc
	return &p
}

// fSetPipeSize is Linux's F_SETPIPE_SZ.
const fSetPipeSize = 1031

func isTerminal(f *os.File) bool {
	var t syscall.Termios
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), syscall.TCGETS, uintptr(unsafe.Pointer(&t)))
	return e == 0
}

// hasPrefix and contains are strings', which Go would initialise later.
func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
