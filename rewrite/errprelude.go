package rewrite

import (
	"strings"
	"sync"
)

// errPrelude is errors.Is, As, AsType and Unwrap in interpreted Go, which
// the rewrite calls in their place (errorsCall). Go's own, compiled, never
// see the methods of an error of a type the program declares: the
// interpreter hands library code such an error in a wrapper with Error
// alone, so Go's errors.Is does not look inside a *QueryError's Unwrap, and
// errors.As cannot tell its type. These walk the same tree in Go's order:
// an error of the program's through the assertion helpers below, whose
// cases the rewrite fills in with the program's types (ifaceassert.go: each
// input that declares types assigns them again, so a function of an earlier
// input sees the types of a later one), and any other error through
// compiled code (stdlib/errwalk.go), which sees a library error's methods.
const errHelpersPrelude = `
type __concur_eUnwrap1 interface{ Unwrap() error }
type __concur_eUnwrapN interface{ Unwrap() []error }
type __concur_eIsM interface{ Is(error) bool }
type __concur_eAsM interface{ As(any) bool }

var __concur_eu1 = func(x error) (__concur_eUnwrap1, bool) { return nil, false }
var __concur_euN = func(x error) (__concur_eUnwrapN, bool) { return nil, false }
var __concur_eIs = func(x error) (__concur_eIsM, bool) { return nil, false }
var __concur_eAs = func(x error) (__concur_eAsM, bool) { return nil, false }
`

// errPrelude is the rest: the walk itself, which the worker compiles with
// the first input whose rewritten code calls it (errPreludeUnit), so that
// a program without errors.Is and the others does not pay for it (hello
// world's worker compiled the whole prelude in about 3 ms more). The
// helpers above stay in Prelude: every input that declares a type assigns
// them, and the interpreter refuses a function-typed variable declared in
// a later Eval than the session's first ("variable definition loop").
const errPrelude = `
// __concur_boxed holds an error handed to library code (fmt.Errorf's %w,
// errors.Join): see boxWrapped.
type __concur_boxed struct{ err error }

func (b *__concur_boxed) Error() string { return b.err.Error() }

func __concur_box(err error) error {
	if err == nil {
		return nil
	}
	return &__concur_boxed{err}
}

func __concur_boxAll(errs []error) []error {
	out := make([]error, len(errs))
	for i, err := range errs {
		out[i] = __concur_box(err)
	}
	return out
}

func __concur_unbox(err error) error {
	if b, ok := err.(*__concur_boxed); ok {
		return b.err
	}
	return err
}

// __concur_errUnwrap is one step down err's tree: kind 1 with one error,
// kind 2 with a list, kind 0 at a leaf.
func __concur_errUnwrap(err error) (one error, list []error, kind int) {
	if u, ok := __concur_eu1(err); ok {
		return u.Unwrap(), nil, 1
	}
	if u, ok := __concur_euN(err); ok {
		return nil, u.Unwrap(), 2
	}
	one, list, kind = ` + builtinPkg + `.ErrUnwrap(err)
	if kind == 2 {
		out := make([]error, len(list))
		for i, e := range list {
			out[i] = __concur_unbox(e)
		}
		return nil, out, 2
	}
	return __concur_unbox(one), nil, kind
}

func __concur_errorsUnwrap(err error) error {
	one, _, kind := __concur_errUnwrap(err)
	if kind != 1 {
		return nil
	}
	return one
}

// __concur_errEqual is a == b: the interpreter's own == is wrong on the
// program's values in an interface with methods (it compares its wrappers
// of them, or panics on them), compiled code compares what they hold.
func __concur_errEqual(a, b error) bool { return ` + builtinPkg + `.ErrEqual(a, b) }

func __concur_errorsIs(err, target error) bool {
	if err == nil || target == nil {
		return err == nil && target == nil
	}
	return __concur_errIs(err, target, ` + builtinPkg + `.ErrComparable(target))
}

func __concur_errIs(err, target error, comparable bool) bool {
	return __concur_errWalk(err, func(err error) bool {
		if comparable && __concur_errEqual(err, target) {
			return true
		}
		if x, ok := __concur_eIs(err); ok {
			return x.Is(target)
		}
		is, _ := ` + builtinPkg + `.ErrIs(err, target)
		return is
	})
}

// __concur_errWalk walks err's tree as Go's errors.Is and As do, depth
// first through Unwrap() error and Unwrap() []error, and reports whether
// hit holds for an error of it.
func __concur_errWalk(err error, hit func(error) bool) bool {
	for {
		if hit(err) {
			return true
		}
		one, list, kind := __concur_errUnwrap(err)
		switch kind {
		case 1:
			if one == nil {
				return false
			}
			err = one
		case 2:
			for _, e := range list {
				if e != nil && __concur_errWalk(e, hit) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// __concur_errorsAs is errors.As with the target's checks made: nilTarget
// says the pointer is nil, and match assigns err to the target when err
// has its type.
func __concur_errorsAs(err error, target any, nilTarget bool, match func(error) bool) bool {
	if err == nil {
		return false
	}
	if nilTarget {
		panic("errors: target must be a non-nil pointer")
	}
	return __concur_errAs(err, target, match)
}

func __concur_errAs(err error, target any, match func(error) bool) bool {
	return __concur_errWalk(err, func(err error) bool {
		if match(err) {
			return true
		}
		if x, ok := __concur_eAs(err); ok {
			return x.As(target)
		}
		as, _ := ` + builtinPkg + `.ErrAs(err, target)
		return as
	})
}
`

// errPreludeNames is the set of names errPrelude declares, made when first
// needed.
var errPreludeNames = sync.OnceValue(func() map[string]bool {
	names := map[string]bool{}
	for _, line := range strings.Split(errPrelude, "\n") {
		keyword, rest, _ := strings.Cut(line, " ")
		if keyword != "func" && keyword != "var" && keyword != "type" {
			continue
		}
		if strings.HasPrefix(rest, "(") { // a method: its receiver first
			_, rest, _ = strings.Cut(rest, ") ")
		}
		if name := leadingWord(rest); strings.HasPrefix(name, "__concur_") {
			names[name] = true
		}
	}
	return names
})

// usesErrPrelude reports whether src names something errPrelude declares,
// as a whole word. (A regular expression of all the names took longer to
// compile than hello world took to type-check.)
func usesErrPrelude(src string) bool {
	names := errPreludeNames()
	for i := 0; ; {
		j := strings.Index(src[i:], "__concur_")
		if j < 0 {
			return false
		}
		j += i
		word := leadingWord(src[j:])
		if (j == 0 || !isWordByte(src[j-1])) && names[word] {
			return true
		}
		i = j + len(word)
	}
}

// leadingWord is the run of ASCII letters, digits and underscores s
// begins with.
func leadingWord(s string) string {
	n := 0
	for n < len(s) && isWordByte(s[n]) {
		n++
	}
	return s[:n]
}

func isWordByte(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// errPreludeUnit puts errPrelude in front of the input's units when the
// rewritten code uses it and the session's interpreter does not have it
// yet. The worker evaluates that unit as soon as it is compiled
// (Unit.Prelude), so the session has it whatever becomes of the rest.
func (r *rewriter) errPreludeUnit(in *Input) {
	if *r.env.errLoaded {
		return
	}
	for _, u := range in.Units {
		if usesErrPrelude(u.Src) {
			in.Units = append([]Unit{{Decls: true, Src: errPrelude, Prelude: true}}, in.Units...)
			return
		}
	}
}

// PreludeLoaded records that the interpreter has evaluated a Prelude unit
// of an input (see errPreludeUnit).
func (e *Env) PreludeLoaded() { *e.errLoaded = true }
