package rewrite

import (
	"go/ast"
	"go/constant"
	"go/token"
	"strconv"
	"strings"
)

// Prelude is evaluated once per session, before any input, as a
// declarations unit: the generic functions that rewritten code calls (min,
// max and new(expr), and what range-over-func loops call, here; channel
// operations in chanops.go; print and println in print.go; race points in
// racepoints.go; errors' assertion helpers in errprelude.go, whose walk
// comes with the first input that uses it, see errPreludeUnit).
const Prelude = builtinImport + basePrelude + chanPrelude + racePrelude + errHelpersPrelude

// basePrelude holds min, max and new. The constraint is spelled out rather than
// imported from cmp so that the prelude needs no standard package from the
// engine, and in each function rather than in an interface type of package
// main, which yaegi v0.16.1 finds a compiled type on int does not satisfy
// (the program's types on basic types are such types: named.go). NaN wins,
// as with Go's builtins. The type parameters have reserved names: the
// interpreter let a prelude's T stand for the program's own type T (a
// conversion T(2) failed with "too many arguments").
const basePrelude = `func __concur_min[__concur_T ~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
	~float32 | ~float64 | ~string](x __concur_T, ys ...__concur_T) __concur_T {
	for _, y := range ys {
		if y < x || y != y {
			x = y
		}
	}
	return x
}

func __concur_max[__concur_T ~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
	~float32 | ~float64 | ~string](x __concur_T, ys ...__concur_T) __concur_T {
	for _, y := range ys {
		if y > x || y != y {
			x = y
		}
	}
	return x
}

func __concur_new[__concur_T any](v __concur_T) *__concur_T { return &v }

func __concur_runDefers(d *[]func()) {
	for i := len(*d) - 1; i >= 0; i-- {
		(*d)[i]()
	}
}
`

// minMax rewrites a call of the builtin min or max, which yaegi lacks. A
// call of literals folds to the constant Go would compute; any other call
// goes to the Prelude's generic function. yaegi infers the type argument
// from the first argument only, so leading constants move after the first
// operand that is not constant (min and max do not depend on order, and
// constants have no evaluation to reorder).
func (r *rewriter) minMax(e *ast.CallExpr, fun *ast.Ident) {
	if text, ok := r.foldCall(e); ok {
		r.replace(r.off(e.Pos()), r.off(e.End()), text)
		return
	}
	r.setName(fun, reservedPrefix+"_"+fun.Name)
	first := -1
	for i, a := range e.Args {
		if !r.isConst(a) {
			first = i
			break
		}
	}
	if first <= 0 || e.Ellipsis.IsValid() {
		r.exprs(e.Args)
		return
	}
	var moved []string
	r.quiet++
	for _, a := range e.Args[:first] {
		r.expr(a, 0)
		moved = append(moved, r.directive(r.off(a.Pos()))+r.constText(a))
	}
	r.quiet--
	r.replace(r.off(e.Args[0].Pos()), r.off(e.Args[first].Pos()), "")
	r.expr(e.Args[first], 0)
	r.insert(r.off(e.Args[first].End()), ", "+strings.Join(moved, ", "))
	r.exprs(e.Args[first+1:])
}

// constKind orders the kinds of untyped numeric constants: the result of an
// operation has the later kind of its operands.
type constKind int

const (
	kInt constKind = iota
	kRune
	kFloat
	kString
)

// literal is the value of a constant expression made of literals.
type literal struct {
	val  constant.Value
	kind constKind
}

// foldCall returns the constant text of a min or max call of literals, as
// Go computes it: min(1, 2.5) is the untyped float constant 1.0.
func (r *rewriter) foldCall(e *ast.CallExpr) (string, bool) {
	lits, best, kind, ok := r.foldMinMax(e)
	if !ok {
		return "", false
	}
	return constResult(r.constText(e.Args[best]), lits[best], kind)
}

// folded is the memo of foldMinMax: calls nest, and folding one asks again
// about the calls inside it.
type folded struct {
	lits []literal
	best int
	kind constKind
	ok   bool
}

// foldMinMax evaluates a call of the builtin min or max whose arguments are
// made of literals: the arguments' values, the index of the chosen one and
// the kind of the result.
func (r *rewriter) foldMinMax(e *ast.CallExpr) ([]literal, int, constKind, bool) {
	f, ok := r.folds[e]
	if !ok {
		f.lits, f.best, f.kind, f.ok = r.foldMinMaxOnce(e)
		r.folds[e] = f
	}
	return f.lits, f.best, f.kind, f.ok
}

func (r *rewriter) foldMinMaxOnce(e *ast.CallExpr) ([]literal, int, constKind, bool) {
	fun, ok := e.Fun.(*ast.Ident)
	if !ok || (fun.Name != "min" && fun.Name != "max") || !r.isBuiltin(fun) ||
		len(e.Args) == 0 || e.Ellipsis.IsValid() {
		return nil, 0, 0, false
	}
	lits := make([]literal, len(e.Args))
	kind, strs := kInt, 0
	for i, a := range e.Args {
		l, ok := r.literalValue(a)
		if !ok {
			return nil, 0, 0, false
		}
		lits[i] = l
		kind = max(kind, l.kind)
		if l.kind == kString {
			strs++
		}
	}
	if strs != 0 && strs != len(lits) {
		return nil, 0, 0, false // Go rejects mixing strings and numbers
	}
	op := token.LSS
	if fun.Name == "max" {
		op = token.GTR
	}
	best := 0
	for i := 1; i < len(lits); i++ {
		if constant.Compare(lits[i].val, op, lits[best].val) {
			best = i
		}
	}
	return lits, best, kind, true
}

// constResult writes the chosen literal as a constant of the call's kind.
func constResult(text string, l literal, kind constKind) (string, bool) {
	switch {
	case kind == l.kind:
	case kind == kFloat:
		text = l.val.ExactString() + ".0" // an integer or rune value, now an untyped float
	case kind == kRune:
		n, ok := constant.Int64Val(l.val)
		if !ok || n < 0 || n > 0x10FFFF || (n >= 0xD800 && n < 0xE000) {
			return "", false
		}
		text = strconv.QuoteRune(rune(n))
	}
	if kind != kString && (strings.HasPrefix(text, "-") || strings.HasPrefix(text, "+") || strings.Contains(text, " ")) {
		text = "(" + text + ")"
	}
	return text, true
}

// literalValue evaluates a constant expression made only of literals and
// foldable calls of min and max.
func (r *rewriter) literalValue(e ast.Expr) (literal, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		kinds := map[token.Token]constKind{token.INT: kInt, token.CHAR: kRune, token.FLOAT: kFloat, token.STRING: kString}
		k, ok := kinds[e.Kind]
		v := constant.MakeFromLiteral(e.Value, e.Kind, 0)
		return literal{v, k}, ok && v.Kind() != constant.Unknown
	case *ast.ParenExpr:
		return r.literalValue(e.X)
	case *ast.CallExpr:
		lits, best, kind, ok := r.foldMinMax(e)
		if !ok {
			return literal{}, false
		}
		if kind == kFloat {
			return literal{constant.ToFloat(lits[best].val), kind}, true
		}
		return literal{lits[best].val, kind}, true
	case *ast.UnaryExpr:
		x, ok := r.literalValue(e.X)
		if !ok || x.kind == kString || (e.Op != token.ADD && e.Op != token.SUB) {
			return literal{}, false
		}
		return literal{constant.UnaryOp(e.Op, x.val, 0), x.kind}, true
	case *ast.BinaryExpr:
		return r.binaryValue(e)
	}
	return literal{}, false
}

// binaryValue folds an arithmetic operation on literals, refusing whatever
// Go would reject or go/constant would panic on.
func (r *rewriter) binaryValue(e *ast.BinaryExpr) (literal, bool) {
	x, ok1 := r.literalValue(e.X)
	y, ok2 := r.literalValue(e.Y)
	if !ok1 || !ok2 {
		return literal{}, false
	}
	kind := max(x.kind, y.kind)
	if (x.kind == kString) != (y.kind == kString) {
		return literal{}, false
	}
	ints := kind <= kRune
	op := e.Op
	switch op {
	case token.ADD:
	case token.SUB, token.MUL:
		if kind == kString {
			return literal{}, false
		}
	case token.QUO:
		if kind == kString || constant.Sign(y.val) == 0 {
			return literal{}, false
		}
		if ints {
			op = token.QUO_ASSIGN // integer division
		}
	case token.REM, token.AND, token.OR, token.XOR, token.AND_NOT:
		if !ints || (op == token.REM && constant.Sign(y.val) == 0) {
			return literal{}, false
		}
	case token.SHL, token.SHR:
		s, ok := constant.Uint64Val(y.val)
		if x.kind > kRune || y.kind > kRune || !ok || s > 1024 {
			return literal{}, false
		}
		return literal{constant.Shift(x.val, op, uint(s)), x.kind}, true
	default:
		return literal{}, false
	}
	return literal{constant.BinaryOp(x.val, op, y.val), kind}, true
}

// constText writes a constant expression on one line, with the names
// yaegi's source uses, for moving it elsewhere in the line.
func (r *rewriter) constText(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Value
	case *ast.Ident:
		if o := r.lookup(e.Name); o != nil {
			return o.emitted()
		}
		return e.Name
	case *ast.ParenExpr:
		return "(" + r.constText(e.X) + ")"
	case *ast.UnaryExpr:
		x := r.constText(e.X)
		if x != "" && strings.ContainsAny(x[:1], "+-^!&<*") {
			x = " " + x // keep - -1 from becoming --1
		}
		return e.Op.String() + x
	case *ast.BinaryExpr:
		return r.constText(e.X) + " " + e.Op.String() + " " + r.constText(e.Y)
	case *ast.CallExpr:
		if text, ok := r.foldCall(e); ok {
			return text
		}
	}
	return strings.Join(strings.Fields(r.text(e)), " ")
}
