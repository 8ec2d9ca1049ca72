package stdlib

import (
	"fmt"
	"go/scanner"
	"go/token"
	"reflect"
	"strings"
)

// The default sandbox lets a snippet import every package that only
// computes (sandbox.Restricted) and takes out of them the operations that
// touch files, processes or the network, which --unrestricted allows:
// functions are left out of the tables (cutFromRestricted, and os and
// runtime in instrumentOS and instrumentRuntime); methods of library types
// cannot be, so CheckSource refuses a program that calls one
// (refusedMethods).

// cutFromRestricted lists, per package, the functions the default sandbox
// leaves out.
var cutFromRestricted = map[string][]string{
	"path/filepath": {"Abs", "EvalSymlinks", "Glob", "Walk", "WalkDir"}, // the file system, and Abs the working directory
	"text/template": {"ParseFiles", "ParseGlob"},                        // read files
	"html/template": {"ParseFiles", "ParseGlob"},
}

// refusedMethods are methods of library types that touch the file system:
// the default sandbox refuses any call of a method of that name.
var refusedMethods = map[string]string{
	"ParseFiles": "a template's ParseFiles reads files",
	"ParseGlob":  "a template's ParseGlob reads files",
}

// cut removes from each restricted table the functions cutFromRestricted
// lists.
func cut(x map[string]map[string]reflect.Value) {
	for path, names := range cutFromRestricted {
		t, ok := find(path)
		if !ok {
			continue
		}
		syms := x[path+"/"+t.name]
		for _, name := range names {
			delete(syms, name)
		}
	}
}

// CutDown reports whether the default sandbox provides the package named
// name (os, runtime, filepath, template) without some of its functions, so
// that a snippet's "undefined" may be one of them.
func CutDown(name string) bool {
	switch name {
	case "os", "runtime":
		return true
	}
	for path := range cutFromRestricted {
		if t, ok := find(path); ok && t.name == name {
			return true
		}
	}
	return false
}

// CheckSource refuses what concur cannot run as Go does, before the
// interpreter sees it (a //go:embed directive is the rewrite's, which reads
// the file as Go does at build time): log/slog's AddSource (the source would be the
// interpreter's; log.Lshortfile is refused when it is used, see Logger),
// and, in the default sandbox, a call of a method
// that touches the file system (a template's ParseFiles). It returns one
// "line:col: message" line for each, or nil. It looks at tokens only, so it
// works on any input the REPL accepts; a method of the program's own that
// has such a name is refused too, with the same message.
func CheckSource(src string, unrestricted bool) error {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), nil, scanner.ScanComments)
	var msgs []string
	prev := token.ILLEGAL
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.IDENT && lit == "AddSource" {
			p := fset.Position(pos)
			msgs = append(msgs, fmt.Sprintf("%d:%d: slog's AddSource is not supported by concur: it cannot tell slog which line of the program called it; leave it out", p.Line, p.Column))
		}
		if why, ok := refusedMethods[lit]; ok && !unrestricted && tok == token.IDENT && prev == token.PERIOD {
			p := fset.Position(pos)
			msgs = append(msgs, fmt.Sprintf("%d:%d: %s, which concur's sandbox does not allow; run with --unrestricted to allow it", p.Line, p.Column, why))
		}
		if tok != token.COMMENT {
			prev = tok
		}
	}
	if msgs == nil {
		return nil
	}
	return fmt.Errorf("%s", strings.Join(msgs, "\n"))
}
