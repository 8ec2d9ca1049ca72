package fidelity

// Why programs differ. Each reason names the construct; README.md's
// "Differences from Go" says the same, naming the programs.
const (
	errorsValue    = "refused: errors.As and errors.AsType with a target of a struct type the program declares, not a pointer to one (the interpreter cannot take such a value back out of an error)"
	fmtHidden      = "refused: fmt with a String or Error method of a type the program declares below the top of an operand (a map's key, a struct's exported field, nested slices), which the interpreter hands fmt without its methods"
	runtimeErrors  = "an index out of range and a slice bounds error are reported without the index, length and capacity: the interpreter does not give them"
	typedNil       = "refused when it happens: a nil pointer (or map, slice, chan, func) of a type the program declares made a value of a library interface such as error, which the interpreter makes a nil interface where Go's is not nil"
	atomicPointer  = "refused: atomic.Pointer[T], a generic type of sync/atomic, is not in the interpreter (atomic.Value and the typed integers are)"
	assertHidden   = "refused: a type assertion or a type switch's case to a named type of the program that the interpreter keeps as its underlying type (type IDs []int, a type on a basic type with methods), or to that underlying type"
	fmtHiddenNames = "refused: %T and %#v where fmt would print a named type of the program that the interpreter keeps as its underlying type (type IDs []int, a type on a basic type with methods): through an interface, or below the operand's top"
)

// differences lists the programs of testdata whose `concur run` differs
// from what Go prints, and why. README.md's "Differences from Go" names
// each; TestFidelity fails when one of them starts to agree.
var differences = map[string]string{
	"std_errors_astype.go": errorsValue,

	"fmt_stringer.go":           fmtHidden,
	"fmt_type_names_methods.go": fmtHiddenNames,

	"panic_index.go":        runtimeErrors,
	"panic_recover.go":      runtimeErrors,
	"panic_slice_bounds.go": runtimeErrors,

	"lang_assert_named_slice.go": assertHidden,

	"lang_typed_nil.go": typedNil,

	"conc_atomic_types.go": atomicPointer,
}

// replDifferences lists the programs that `concur < prog.go` (the REPL fed
// the file) runs differently from `concur run prog.go`, and why. Positions
// and log.Lshortfile's places are compared without their name (see unnamed
// and logPlaces): the REPL names the input #1 where concur run names the
// file.
var replDifferences = map[string]string{}
