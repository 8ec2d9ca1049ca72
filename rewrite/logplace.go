package rewrite

import (
	"go/ast"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"
)

// logPrinting are the functions of package log, and the methods of its
// Logger, that print a line with the place log.Lshortfile and
// log.Llongfile print.
var logPrinting = map[string]bool{
	"Print": true, "Printf": true, "Println": true,
	"Panic": true, "Panicf": true, "Panicln": true,
	"Fatal": true, "Fatalf": true, "Fatalln": true,
	"Output": true,
}

// logPlace tells concur's log the place of a call of one of log's
// printing functions or Logger methods, which Go's logger takes from the
// runtime's frames (the interpreter's, under concur): log.Println(x) becomes
// log.ConcurAt("prog.go", "/abs/prog.go", 14).Println(x), l.Printf(...)
// becomes l.ConcurAt(...).Printf(...) (stdlib.Logger.ConcurAt). The line is
// the call's parenthesis', as Go's; the file is the one being run, its
// absolute path for Llongfile, and a REPL input's name (#3) for both.
// A call concur cannot name this way (a method promoted from an embedded
// Logger, a dot-imported Println) is left as it was: with those flags its
// logger refuses at run time.
func (r *rewriter) logPlace(e *ast.CallExpr) {
	se, ok := e.Fun.(*ast.SelectorExpr)
	if !ok || r.quiet > 0 {
		return
	}
	fn, ok := r.objectOf(se.Sel).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "log" || !logPrinting[fn.Name()] {
		return
	}
	if fn.Signature().Recv() == nil {
		if x, ok := se.X.(*ast.Ident); !ok || r.pkgOf(x) != "log" {
			return
		}
	} else if !isLogger(r.typeOf(se.X)) {
		return
	}
	short, long := r.filename, r.filename
	if !strings.HasPrefix(r.filename, "#") {
		short = filepath.Base(r.filename)
		if abs, err := filepath.Abs(r.filename); err == nil {
			long = abs
		}
	}
	line, _ := r.lineCol(r.off(e.Lparen))
	r.insert(r.off(se.X.End()), ".ConcurAt("+strconv.Quote(short)+", "+strconv.Quote(long)+", "+itoa(line)+")")
}

// isLogger reports whether t is log.Logger or *log.Logger.
func isLogger(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "log" && n.Obj().Name() == "Logger"
}
