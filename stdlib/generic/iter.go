//go:build ignore

// Package iter is Go's iter as concur's interpreter compiles it (see
// package stdlib's generic.go): the types Seq and Seq2, and Pull and Pull2,
// which run in compiled code (stdlib/pull.go).
package iter

import "concur/generic"

// Seq is an iterator over sequences of individual values.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)

// Pull converts the push-style iterator seq into a pull-style iterator:
// next returns the next value and true, or the zero value and false when
// the sequence is over or stop was called; stop ends the iteration.
func Pull[V any](seq Seq[V]) (func() (V, bool), func()) {
	next, stop := generic.Pull(seq)
	return next.(func() (V, bool)), stop
}

// Pull2 is Pull for an iterator over pairs.
func Pull2[K, V any](seq Seq2[K, V]) (func() (K, V, bool), func()) {
	next, stop := generic.Pull(seq)
	return next.(func() (K, V, bool)), stop
}
