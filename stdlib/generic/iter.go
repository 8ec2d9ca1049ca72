//go:build ignore

// Package iter is Go's iter as concur's interpreter compiles it (see
// package stdlib's generic.go): the types Seq and Seq2. Pull and Pull2 are
// missing: the interpreter fails on the coroutine they need (a closure of a
// generic function that returns a value on another goroutine).
package iter

// Seq is an iterator over sequences of individual values.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)
