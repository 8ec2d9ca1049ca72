// Package fidelity holds concur's differential test: small Go programs
// (testdata/*.go), each built by the real Go toolchain and run by `concur
// run`, whose outputs must agree.
//
// The Go side is built with the toolchain's faketime mode (`go build -tags
// faketime`, what the Go Playground runs): time starts at 2009-11-10
// 23:00:00 UTC and jumps to the next timer whenever every goroutine is
// blocked, and every write to standard output or error is framed with the
// time it was made. So the real runtime gives, without sleeping and
// whatever the load on the machine, the same thing concur shows: each line
// with the instant it was printed. concur's side is `concur run --json`.
//
// Two runs agree when they print the same lines at the same instants and end
// the same way (exit status, and the first paragraph of a panic or fatal
// error, with the waits of the goroutines of a deadlock). Within one
// instant, lines of different goroutines may come in any order, but each
// goroutine's own lines keep theirs. A line that concur's stream gives in
// pieces (output events marked more: another goroutine printed while it was
// unfinished) is joined first (event.Joined), as Go's raw output has it. A program whose output Go does not fix
// says so in a header comment and is compared on what is fixed:
//
//	// fidelity: compare=instant (why): lines of one instant in any order
//	// fidelity: compare=sorted (why): the lines in any order, at any time
//	// fidelity: compare=status (why): only the exit status
//	// fidelity: flags=--unrestricted: flags for concur (both commands)
//	// fidelity: env=NAME=value: set in the environment of both runs
//	// fidelity: compile-error: Go refuses the program; compare the first error
//
// A program NAME.go with a file NAME.stdin beside it reads that file on its
// standard input.
//
// The same test checks that the REPL fed a program on its standard input
// (`concur < prog.go`) prints what `concur run prog.go` prints.
//
// The programs that do not agree are listed, with the reason, in
// differences_test.go; the test fails when an unlisted program differs and
// when a listed one agrees, so the list stays true, and README.md's
// "Differences from Go" names each of them.
package fidelity
