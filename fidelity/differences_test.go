package fidelity

// Why programs differ. Each reason names the construct; README.md's
// "Differences from Go" says the same, naming the programs.
const (
	genericTypes    = "a type parameter used only inside another type (func(T) U, map[T]..., <-chan T) is an undefined type to the interpreter"
	genericCrash    = "the interpreter fails on a generic function that is variadic or calls another generic function"
	genericVariadic = "a generic library function whose only parameter is variadic (cmp.Or, slices.Concat) needs one argument before the others, and takes no spread list"
	goEmbed         = "//go:embed is refused: concur does not read the files beside a program"
	iterPull        = "iter.Pull and iter.Pull2 are missing"
	errorsDeclared  = "an error of a type the program declares is refused where library code would miss its methods: fmt.Errorf of one with an Unwrap method, errors.As and errors.AsType with such a target"
	flagExit        = "a flag.FlagSet made with ExitOnError panics with the error (status 2) instead of exiting with status 2"
	fmtHidden       = "refused: fmt with a String or Error method of a type the program declares below the top of an operand (a map's key, a struct's exported field, nested slices), which the interpreter hands fmt without its methods"
	logShortfile    = "log.Lshortfile and log.Llongfile are refused at the first log call: concur cannot tell log which line of the program called it"
	runtimeErrors   = "an index out of range and a slice bounds error are reported without the index, length and capacity: the interpreter does not give them"
	panicChains     = "a panic while panicking prints only the last panic, not Go's chain (first [recovered], then the next), and the calls deferred before a deferred call that panicked do not run"
	assertImpls     = "refused: a type assertion or a type switch's case to an interface that a struct type of the program implements (the interpreter loses the type's methods there)"
	assertHidden    = "refused: a type assertion or a type switch's case to a named type of the program that the interpreter keeps as its underlying type (type IDs []int, a type on a basic type with methods), or to that underlying type"
	fmtHiddenNames  = "refused: %T and %#v where fmt would print a named type of the program that the interpreter keeps as its underlying type (type IDs []int, a type on a basic type with methods): through an interface, or below the operand's top"
	deferLoop       = "a deferred function literal that uses the loop variable is refused"
	ioPipe          = "io.Pipe's reader and writer wait for each other inside Go's own code, where the scheduler cannot see them, so the clock stands still until the run's real-time budget stops it"
)

// differences lists the programs of testdata whose `concur run` differs
// from what Go prints, and why. README.md's "Differences from Go" names
// each; TestFidelity fails when one of them starts to agree.
var differences = map[string]string{
	"gen_channels.go":    genericTypes,
	"gen_map_filter.go":  genericTypes,
	"gen_set.go":         genericTypes,
	"gen_max_ordered.go": genericCrash,
	"gen_typed_nums.go":  genericCrash,

	"embed_string.go":         goEmbed,
	"embed_unrestricted.go":   goEmbed,
	"std_iter_pkg.go":         iterPull,
	"std_generic_variadic.go": genericVariadic,
	"std_errors_astype.go":    errorsDeclared,
	"std_errors.go":           errorsDeclared,
	"std_flag_exit.go":        flagExit,

	"fmt_stringer.go":           fmtHidden,
	"fmt_type_names_methods.go": fmtHiddenNames,

	"log_shortfile.go": logShortfile,

	"panic_index.go":        runtimeErrors,
	"panic_recover.go":      runtimeErrors,
	"panic_slice_bounds.go": runtimeErrors,
	"panic_nested_defer.go": panicChains,
	"panic_repanic.go":      panicChains,

	"lang_assert_ok.go":          assertImpls,
	"lang_assert_named_slice.go": assertHidden,
	"loop_defer_closure.go":      deferLoop,

	"std_io.go": ioPipe,
}

// Why the REPL fed a file differs from `concur run` on it.
const (
	replPositions = "the REPL gives positions as #input:line:col (#1:7:14) where concur run gives file:line:col"
)

// replDifferences lists the programs that `concur < prog.go` (the REPL fed
// the file) runs differently from `concur run prog.go`, and why.
var replDifferences = map[string]string{
	"compile_type_mismatch.go":  replPositions,
	"compile_undefined.go":      replPositions,
	"gen_channels.go":           replPositions,
	"gen_map_filter.go":         replPositions,
	"gen_max_ordered.go":        replPositions,
	"gen_set.go":                replPositions,
	"gen_typed_nums.go":         replPositions,
	"loop_defer_closure.go":     replPositions,
	"panic_custom_type.go":      replPositions,
	"panic_error_value.go":      replPositions,
	"panic_goroutine.go":        replPositions,
	"panic_int.go":              replPositions,
	"panic_named_values.go":     replPositions,
	"panic_any_named.go":        replPositions,
	"panic_named_any.go":        replPositions,
	"panic_nested_defer.go":     replPositions,
	"panic_repanic.go":          replPositions,
	"panic_string.go":           replPositions,
	"panic_stringer.go":         replPositions,
	"std_generic_variadic.go":   replPositions,
	"compile_missing_return.go": replPositions,
	"compile_unused_import.go":  replPositions,
	"compile_unused_var.go":     replPositions,

	"embed_string.go":            replPositions,
	"fmt_stringer.go":            replPositions,
	"fmt_type_names_methods.go":  replPositions,
	"lang_assert_named_slice.go": replPositions,
	"lang_assert_ok.go":          replPositions,
	"embed_unrestricted.go":      replPositions,

	"std_errors.go":   replPositions,
	"std_iter_pkg.go": replPositions,
}
