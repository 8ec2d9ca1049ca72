// Package engine runs learner code safely and reports what it did as events.
//
// Two processes share the work. The terminal side holds a Session: it
// starts a worker process (this same binary with WorkerEnv set), sends it
// one input at a time and hands the events that come back to its caller.
// The worker (ServeWorker) keeps one yaegi interpreter for the whole
// session: it rewrites each input (package rewrite), compiles it, and runs
// it as a run of the program's scheduler (package sched) — on the virtual
// clock one goroutine at a time, deterministically; on the real clock as
// any Go program. Nothing the learner's code does can reach the terminal
// side: a panic, a deadlock, os.Exit, a budget or an interrupt ends the run
// (the program, in Go's terms) and the session goes on in the same
// interpreter, with every declaration and value it had.
//
// The worker itself is replaced only when it cannot go on: the Go runtime
// killed it (a stack overflow; on the real clock a concurrent map write),
// it used more memory than allowed, or a goroutine ran code that never
// reaches a scheduling point and would not stop. Then the Session starts a
// new worker and replays, quietly, every input that ran before; on the
// virtual clock a replay is exact (same schedule, same clock, same random
// numbers). The input whose goroutine caused the loss is left out and named.
//
// One place ends a run (worker.endRun, given the scheduler's outcome) and
// one place replaces the worker (Session.restore). Run returns the run's
// result as one value; its events go to the caller's function as they
// arrive, so the player, the recorder and a lesson's check all see the same
// stream.
package engine
