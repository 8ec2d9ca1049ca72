//go:build race

package lessons_test

// The race detector makes Go's scheduler pick goroutines at random, so the
// output of an example with a race in it (lesson 4's main returning while its
// goroutines start) is not the one the lesson shows, and need not be.
func init() { raceEnabled = true }
