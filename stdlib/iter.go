package stdlib

// iterSource is package iter for the interpreter, which cannot import a
// package whose API is all generic from a table: Use compiles it, as
// yaegi's Use compiles its own sources of cmp, maps and slices. It has the
// sequence types; Pull and Pull2, which need coroutines, are left out (a
// program that uses them is told the interpreter cannot run it).
const iterSource = `package iter

// Seq is an iterator over sequences of individual values.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)
`

// SourceNames lists what a package the interpreter compiles from source
// (not a table) provides, for the packages whose source is concur's; nil
// for any other. Package typecheck reports a use of the rest.
func SourceNames(path string) []string {
	if path == "iter" {
		return []string{"Seq", "Seq2"}
	}
	return nil
}
