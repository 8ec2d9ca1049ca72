package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Range over function iterators (Go 1.23), which yaegi's compiler cannot
// take, becomes the call Go defines it as: the loop body runs in a yield
// function that the iterator calls.
//
//	for k, v := range seq { body }
//
// becomes, on the loop's own lines,
//
//	{ var __concur_doneN int; seq((func(k K, v V) bool { if __concur_doneN != 0 { __concur.RangeDone(__concur_doneN) }; { body }; return true })); __concur_doneN = 2 }
//
// with K and V the types go/types gives the yield function's parameters.
// Inside the body, what leaves the loop becomes a return from the yield
// function: continue returns true, break returns false; a return from the
// enclosing function, a break or continue of an outer statement, records
// what to do (__concur_retG, __concur_ctlG), returns false, and the code
// after the iterator's call does it. A defer in the body runs when the
// enclosing function returns, as in Go: it is kept in a list that a defer
// placed before the loop runs. A yield function called again after it
// returned false, or after the loop is over, panics as Go's does (see
// RangeDone).

// yieldLoop is a range-over-func loop whose body is being walked.
type yieldLoop struct {
	id       int
	label    string
	group    *yieldGroup
	loops    int             // ordinary loops entered in the body: an unlabeled continue is theirs
	switches int             // switch and select statements entered: so is an unlabeled break
	labels   map[string]bool // labels declared in the body
	after    []string        // statements to run after the iterator returns
	afterSet map[string]bool
}

// yieldGroup is what the range-over-func loops nested in one outermost loop
// share: the variables that carry a return or a jump out of their bodies.
type yieldGroup struct {
	id     int
	codes  int
	ret    bool // a return in some body
	stash  bool // it returns values the enclosing function's results do not name
	defers bool // a defer in some body
}

// yieldState is the walk's state of range-over-func loops in the function
// being walked.
type yieldState struct {
	yields     []*yieldLoop
	labelDepth map[string]int // labels of statements outside every body, by how many bodies enclose them
	sig        *types.Signature
	targets    []*branchTarget // the enclosing function's, restored by leaveFunc
}

// enterFunc starts the walk of a function's body: sig is its signature,
// nil for a snippet's top-level statements.
func (r *rewriter) enterFunc(sig *types.Signature) yieldState {
	saved := r.yield
	r.yield = yieldState{labelDepth: map[string]int{}, sig: sig, targets: r.targets}
	r.targets = nil
	return saved
}

// leaveFunc ends the walk of a function's body started by enterFunc.
func (r *rewriter) leaveFunc(saved yieldState) {
	r.targets = r.yield.targets
	r.yield = saved
}

func (r *rewriter) innerYield() *yieldLoop {
	if n := len(r.yield.yields); n > 0 {
		return r.yield.yields[n-1]
	}
	return nil
}

// rangeFunc rewrites a range loop over a function iterator.
func (r *rewriter) rangeFunc(s *ast.RangeStmt, label *ast.LabeledStmt) {
	params := r.yieldParams(s.X)
	var ptypes []string
	for _, t := range params {
		text, ok := r.typeSource(t)
		if !ok {
			r.errorf(s.X.Pos(), "range over this function iterator: concur cannot name the type of its values (%s) for its interpreter",
				Demangle(types.TypeString(t, (*types.Package).Name)))
			return
		}
		ptypes = append(ptypes, text)
	}
	vars := []ast.Expr{s.Key, s.Value}
	for i := len(params); i < 2; i++ {
		if vars[i] != nil {
			return // go/types has already refused it
		}
	}
	y := &yieldLoop{id: r.nextID(), labels: map[string]bool{}, afterSet: map[string]bool{}}
	if label != nil {
		y.label = label.Label.Name
	}
	outer := r.innerYield()
	if outer == nil {
		y.group = &yieldGroup{id: y.id}
	} else {
		y.group = outer.group
	}
	collectLabels(s.Body, y.labels)

	// The yield function's parameters: the loop's variables when it
	// declares them, else fresh names assigned to them.
	savedRegion := r.region
	r.region = false
	r.push()
	var decl []string
	assign := ""
	var lhs, rhs []string
	for i, t := range ptypes {
		name := "_"
		e := vars[i]
		id, isIdent := e.(*ast.Ident)
		switch {
		case e == nil || (isIdent && id.Name == "_"):
		case isIdent && s.Tok == token.DEFINE:
			obj := &object{kind: objVar}
			r.declare(id, obj, false)
			name = obj.emitted()
		default:
			name = fmt.Sprintf("%s_p%d_%d", reservedPrefix, y.id, i)
			r.quiet++
			r.expr(e, ctxModify)
			r.quiet--
			lhs = append(lhs, r.directive(r.off(e.Pos()))+r.exprText(e))
			rhs = append(rhs, name)
		}
		decl = append(decl, name+" "+t)
	}
	if len(lhs) > 0 {
		assign = strings.Join(lhs, ", ") + " = " + strings.Join(rhs, ", ") + "; "
	}

	// The body runs in a function of its own.
	savedLoops, savedDefers := r.loops, r.defers
	r.loops, r.defers = nil, nil
	r.litDepth++
	r.yield.yields = append(r.yield.yields, y)
	r.block(s.Body)
	r.yield.yields = r.yield.yields[:len(r.yield.yields)-1]
	r.litDepth--
	r.region, r.loops, r.defers = savedRegion, savedLoops, savedDefers
	r.pop()

	g := y.group
	done := fmt.Sprintf("%s_done%d", reservedPrefix, y.id)
	var pre strings.Builder
	pre.WriteString("{ var " + done + " int; ")
	if outer == nil {
		if g.codes > 0 {
			fmt.Fprintf(&pre, "var %s_ctl%d int; ", reservedPrefix, g.id)
		}
		if g.ret {
			fmt.Fprintf(&pre, "var %s_ret%d bool; ", reservedPrefix, g.id)
		}
		if g.stash {
			for i := range r.yield.sig.Results().Len() {
				t, _ := r.typeSource(r.yield.sig.Results().At(i).Type())
				fmt.Fprintf(&pre, "var %s_rv%d_%d %s; ", reservedPrefix, g.id, i, t)
			}
		}
		if g.defers {
			fmt.Fprintf(&pre, "%s_dl%d := new([]func()); defer %s_runDefers(%s_dl%d); ", reservedPrefix, g.id, reservedPrefix, reservedPrefix, g.id)
		}
	}
	start := r.off(s.For)
	if label != nil {
		start = r.off(label.Pos())
	}
	r.replace(start, r.off(s.X.Pos()), pre.String())
	r.replace(r.off(s.X.End()), r.off(s.Body.Lbrace),
		"((func("+strings.Join(decl, ", ")+") bool { if "+done+" != 0 { __concur.RangeDone("+done+") }; "+assign)
	after := ""
	if outer == nil && g.ret {
		after += fmt.Sprintf("if %s_ret%d { return%s }; ", reservedPrefix, g.id, r.stashedResults(g))
	}
	for _, a := range y.after {
		after += a + "; "
	}
	r.insert(r.off(s.Body.Rbrace)+1, "; return true })); "+done+" = 2; "+after+"}")
}

// stashedResults is what the enclosing function returns once a return in a
// loop body has stashed its values.
func (r *rewriter) stashedResults(g *yieldGroup) string {
	if !g.stash {
		return ""
	}
	var vals []string
	for i := range r.yield.sig.Results().Len() {
		vals = append(vals, fmt.Sprintf("%s_rv%d_%d", reservedPrefix, g.id, i))
	}
	return " " + strings.Join(vals, ", ")
}

// collectLabels records the labels declared in a body, outside function
// literals.
func collectLabels(body *ast.BlockStmt, labels map[string]bool) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.LabeledStmt:
			labels[n.Label.Name] = true
		}
		return true
	})
}

// exprText writes an expression as yaegi's source has it, for moving it.
func (r *rewriter) exprText(e ast.Expr) string {
	if text, ok := r.simpleText(e); ok {
		return text
	}
	return r.text(e)
}

// yieldReturn rewrites `return ...` in a range-over-func body.
func (r *rewriter) yieldReturn(s *ast.ReturnStmt) {
	y := r.innerYield()
	g := y.group
	g.ret = true
	set := fmt.Sprintf("%s_ret%d = true; ", reservedPrefix, g.id)
	switch {
	case len(s.Results) > 0:
		sig := r.yield.sig
		if sig == nil {
			return // go/types has refused it
		}
		named := sig.Results().Len() > 0 && sig.Results().At(0).Name() != ""
		var dst []string
		for i := range sig.Results().Len() {
			if named && sig.Results().At(i).Name() != "_" {
				dst = append(dst, sig.Results().At(i).Name())
			} else {
				if _, ok := r.typeSource(sig.Results().At(i).Type()); !ok {
					r.errorf(s.Pos(), "return in a range-over-function loop: concur cannot name the type of the function's results for its interpreter")
					return
				}
				g.stash = true
				dst = append(dst, fmt.Sprintf("%s_rv%d_%d", reservedPrefix, g.id, i))
			}
		}
		if named && g.stash {
			// Blank named results: stash them all.
			dst = dst[:0]
			for i := range sig.Results().Len() {
				dst = append(dst, fmt.Sprintf("%s_rv%d_%d", reservedPrefix, g.id, i))
			}
		}
		if len(s.Results) == 1 {
			r.replace(r.off(s.Return), r.off(s.Results[0].Pos()), "{ "+strings.Join(dst, ", ")+" = ")
			r.replace(r.off(s.Results[0].End()), r.off(s.End()), "; "+set+r.leave(y)+" }")
			break
		}
		// Each value into a temporary of its result's type, then the
		// results: yaegi mis-assigns `a, b = x, nil` in a closure, and
		// named results may be among the values.
		var tmps []string
		for i, e := range s.Results {
			t, _ := r.typeSource(sig.Results().At(i).Type())
			tmp := fmt.Sprintf("%s_v%d_%d", reservedPrefix, y.id, i)
			tmps = append(tmps, tmp)
			head := "; var " + tmp + " " + t + " = "
			if i == 0 {
				head = "{ var " + tmp + " " + t + " = "
				r.replace(r.off(s.Return), r.off(e.Pos()), head)
			} else {
				r.replace(r.off(s.Results[i-1].End()), r.off(e.Pos()), head)
			}
		}
		var assigns []string
		for i := range dst {
			assigns = append(assigns, dst[i]+" = "+tmps[i]+"; ")
		}
		r.replace(r.off(s.Results[len(s.Results)-1].End()), r.off(s.End()), "; "+strings.Join(assigns, "")+set+r.leave(y)+" }")
	default:
		r.replace(r.off(s.Pos()), r.off(s.End()), "{ "+set+r.leave(y)+" }")
	}
	// Every enclosing body passes the return on.
	for i := len(r.yield.yields) - 1; i >= 1; i-- {
		inner, outer := r.yield.yields[i], r.yield.yields[i-1]
		inner.addAfter(fmt.Sprintf("if %s_ret%d { %s }", reservedPrefix, g.id, r.leave(outer)))
	}
}

// leave is what a body does to end its yield function's loop: it will not
// be called again.
func (r *rewriter) leave(y *yieldLoop) string {
	return fmt.Sprintf("%s_done%d = 1; return false", reservedPrefix, y.id)
}

// RangeDone is what a range-over-func loop's yield function calls when the
// iterator calls it again after the loop body returned false (state 1) or
// after the loop is over (state 2): it panics with Go's runtime error. The
// engine gives it to rewritten code as __concur.RangeDone.
func RangeDone(state int) {
	if state == 1 {
		panic(rangeError("range function continued iteration after function for loop body returned false"))
	}
	panic(rangeError("range function continued iteration after whole loop exit"))
}

// rangeError is the runtime error of RangeDone.
type rangeError string

func (e rangeError) Error() string { return "runtime error: " + string(e) }

// RuntimeError marks it as a runtime.Error.
func (rangeError) RuntimeError() {}

func (y *yieldLoop) addAfter(s string) {
	if !y.afterSet[s] {
		y.afterSet[s] = true
		y.after = append(y.after, s)
	}
}

// yieldBranch rewrites break, continue and goto in a range-over-func body.
func (r *rewriter) yieldBranch(s *ast.BranchStmt) {
	y := r.innerYield()
	switch s.Tok {
	case token.GOTO:
		if !y.labels[s.Label.Name] {
			r.errorf(s.Pos(), "goto %s jumps out of a range-over-function loop body, which concur runs as a function; use break or return", s.Label.Name)
		}
		return
	case token.BREAK, token.CONTINUE:
	default:
		return
	}
	cont := s.Tok == token.CONTINUE
	depth := len(r.yield.yields) // bodies around the branch
	target := -1                 // the yield loop (index) the branch ends, or
	ordinary := -1               // the number of bodies around the ordinary statement it jumps to
	if s.Label == nil {
		if (cont && y.loops > 0) || (!cont && (y.loops > 0 || y.switches > 0)) {
			return // an ordinary statement's own
		}
		target = depth - 1
	} else {
		name := s.Label.Name
		if y.labels[name] {
			return // a statement of the body's own
		}
		for i := depth - 1; i >= 0; i-- {
			if r.yield.yields[i].label == name {
				target = i
				break
			}
		}
		if target < 0 {
			d, ok := r.yield.labelDepth[name]
			if !ok {
				return
			}
			ordinary = d
		}
	}
	if target == depth-1 {
		if cont {
			r.replace(r.off(s.Pos()), r.off(s.End()), "return true")
		} else {
			r.replace(r.off(s.Pos()), r.off(s.End()), "{ "+r.leave(y)+" }")
		}
		return
	}
	g := y.group
	g.codes++
	code := g.codes
	ctl := fmt.Sprintf("%s_ctl%d", reservedPrefix, g.id)
	r.replace(r.off(s.Pos()), r.off(s.End()), fmt.Sprintf("{ %s = %d; %s }", ctl, code, r.leave(y)))
	// The code after each inner iterator call passes it on, up to where
	// the jump can be made.
	last := target + 1 // the loop whose after-code makes the jump
	if target < 0 {
		last = ordinary
	}
	for i := depth - 1; i >= last; i-- {
		check := fmt.Sprintf("if %s == %d { ", ctl, code)
		switch {
		case i > last:
			check += r.leave(r.yield.yields[i-1])
		case target >= 0 && cont:
			check += ctl + " = 0; return true"
		case target >= 0:
			check += ctl + " = 0; " + r.leave(r.yield.yields[target])
		case cont:
			check += ctl + " = 0; continue " + s.Label.Name
		default:
			check += ctl + " = 0; break " + s.Label.Name
		}
		r.yield.yields[i].addAfter(check + " }")
	}
}

// yieldDefer is how a range-over-func body defers a call: the call joins
// the list that the enclosing function runs when it returns. It returns the
// text to put before the call and after it.
func (r *rewriter) yieldDefer() (before, after string) {
	g := r.innerYield().group
	g.defers = true
	dl := fmt.Sprintf("%s_dl%d", reservedPrefix, g.id)
	return "*" + dl + " = append(*" + dl + ", func() { ", " })"
}
