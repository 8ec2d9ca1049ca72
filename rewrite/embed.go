package rewrite

import (
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// embedFiles does what the go command and the compiler do with a
// //go:embed directive on a package-level variable of type string or
// []byte: it reads the file the patterns name, as Go does at build time,
// and gives the variable its contents as a literal (var s string becomes
// var s string = "..."), so the interpreter needs no file at run time (the
// worker's program is not allowed files). Patterns are Go's: relative to
// the program's directory (a REPL input's: the current directory), no
// `..` or absolute paths, a directory standing for the files in it apart
// from hidden ones (. and _) unless `all:`; a pattern that matches nothing,
// or more than one file for a string, is Go's error. embed.FS is refused
// with a message. It runs before the walk, on the learner's source.
func (r *rewriter) embedFiles() {
	if !strings.Contains(r.src, "//go:embed") {
		return
	}
	dir := "."
	if !strings.HasPrefix(r.filename, "#") {
		dir = filepath.Dir(r.filename)
	}
	for _, c := range embedDirectives(r.src) {
		r.embedOne(c, dir)
	}
}

// embedDirective is one //go:embed comment: its offset in the learner's
// source and its text.
type embedDirective struct {
	off  int
	text string
}

func embedDirectives(src string) []embedDirective {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(token.Position, string) {}, scanner.ScanComments)
	var out []embedDirective
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return out
		}
		if tok == token.COMMENT && (lit == "//go:embed" || strings.HasPrefix(lit, "//go:embed ") || strings.HasPrefix(lit, "//go:embed\t")) {
			out = append(out, embedDirective{off: file.Offset(pos), text: lit})
		}
	}
}

// errAt records a refusal at an offset of the learner's source.
func (r *rewriter) errAt(off int, msg string) {
	line, col := r.lineCol(off)
	r.errs = append(r.errs, &Error{Pos: token.Position{Filename: r.filename, Line: line, Column: col}, Msg: msg})
}

func (r *rewriter) embedOne(c embedDirective, dir string) {
	spec, inFunc := r.embedTarget(c)
	switch {
	case inFunc:
		r.errAt(c.off+2, "go:embed cannot apply to var inside func")
		return
	case spec == nil && strings.HasPrefix(r.filename, "#"):
		r.errAt(c.off+2, "misplaced go:embed directive: in the REPL, give the directive and the var declaration it applies to in one input (paste them together)")
		return
	case spec == nil:
		r.errAt(c.off+2, "misplaced go:embed directive")
		return
	}
	if !r.importsEmbed() && !strings.HasPrefix(r.filename, "#") {
		// (A REPL input has no file of its own: an earlier input's
		// import _ "embed" leaves no trace in the session, so none is asked for.)
		r.errAt(c.off+2, `go:embed requires import "embed" (or import _ "embed", if package is not used)`)
		return
	}
	name := spec.Names[0]
	switch {
	case len(spec.Names) > 1:
		r.errAt(c.off+2, "go:embed cannot apply to multiple vars")
		return
	case len(spec.Values) > 0:
		r.errAt(c.off+2, "go:embed cannot apply to var with initializer")
		return
	}
	obj := r.objectOf(name)
	if obj == nil {
		return
	}
	t := obj.Type()
	isString := types.Identical(t, types.Typ[types.String])
	isBytes := types.Identical(t, types.NewSlice(types.Typ[types.Byte]))
	if !isString && !isBytes {
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "embed" && n.Obj().Name() == "FS" {
			r.errAt(c.off, "//go:embed into an embed.FS is not supported by concur: embed each file into a string or []byte variable of its own")
			return
		}
		r.errAt(r.off(name.Pos()), "go:embed cannot apply to var of type "+types.TypeString(t, types.RelativeTo(obj.Pkg())))
		return
	}
	patterns, ok := embedPatterns(c.text[len("//go:embed"):], c.off+len("//go:embed"))
	if !ok || len(patterns) == 0 {
		r.errAt(c.off+2, "usage: //go:embed pattern...")
		return
	}
	var files []string
	for _, p := range patterns {
		matched, msg := embedMatch(dir, p.text)
		if msg != "" {
			r.errAt(p.off, "pattern "+p.text+": "+msg)
			return
		}
		for _, f := range matched {
			if !containsString(files, f) {
				files = append(files, f)
			}
		}
	}
	typ := "string"
	if isBytes {
		typ = "[]byte"
	}
	if len(files) != 1 {
		r.errAt(r.off(name.Pos()), "invalid go:embed: multiple files for type "+typ)
		return
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		r.errAt(c.off+2, "go:embed: "+err.Error())
		return
	}
	lit := strconv.Quote(string(data))
	if isBytes {
		lit = "[]byte(" + lit + ")"
	}
	r.insert(r.off(spec.End()), " = "+lit)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// embedTarget finds the package-level var spec a directive stands before
// (only blank lines and other // comments between them), or says that the
// directive is inside a function.
func (r *rewriter) embedTarget(c embedDirective) (*ast.ValueSpec, bool) {
	end := c.off + len(c.text)
	inFunc := false
	for _, u := range r.units {
		if u.kind == kindStmts {
			inFunc = inFunc || c.off >= u.start && c.off < u.end
			continue
		}
		for _, d := range u.file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Body != nil && c.off > r.off(d.Body.Lbrace) && c.off < r.off(d.Body.Rbrace) {
					inFunc = true
				}
			case *ast.GenDecl:
				if d.Tok != token.VAR {
					continue
				}
				if r.off(d.Pos()) > end && onlyComments(r.src[end:r.off(d.Pos())]) && len(d.Specs) > 0 && !d.Lparen.IsValid() {
					return d.Specs[0].(*ast.ValueSpec), false
				}
				for _, s := range d.Specs {
					if d.Lparen.IsValid() && r.off(s.Pos()) > end && onlyComments(r.src[end:r.off(s.Pos())]) {
						return s.(*ast.ValueSpec), false
					}
				}
			}
		}
	}
	return nil, inFunc
}

// onlyComments reports whether text is blank lines and // comments.
func onlyComments(text string) bool {
	for l := range strings.Lines(text) {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "//") {
			return false
		}
	}
	return true
}

func (r *rewriter) importsEmbed() bool {
	for _, p := range r.explicitImports {
		if p == "embed" {
			return true
		}
	}
	for _, p := range r.env.Imports { // name -> path
		if p == "embed" {
			return true
		}
	}
	return false
}

// An embedPattern is one pattern of a directive and its offset.
type embedPattern struct {
	text string
	off  int
}

// embedPatterns splits a directive's arguments as the go command does:
// space-separated, each plain or a Go string literal ("..." or `...`).
func embedPatterns(args string, off int) ([]embedPattern, bool) {
	var out []embedPattern
	i := 0
	for {
		for i < len(args) && (args[i] == ' ' || args[i] == '\t') {
			i++
		}
		if i == len(args) {
			return out, true
		}
		start := i
		switch args[i] {
		case '"', '`':
			q := args[i]
			j := i + 1
			for j < len(args) && args[j] != q {
				if q == '"' && args[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(args) {
				return nil, false
			}
			s, err := strconv.Unquote(args[i : j+1])
			if err != nil {
				return nil, false
			}
			out = append(out, embedPattern{text: s, off: off + start})
			i = j + 1
		default:
			for i < len(args) && args[i] != ' ' && args[i] != '\t' {
				i++
			}
			out = append(out, embedPattern{text: args[start:i], off: off + start})
		}
	}
}

// embedMatch returns the files a pattern names under dir, as the go
// command resolves it, or Go's reason why it names none.
func embedMatch(dir, pattern string) ([]string, string) {
	all := strings.HasPrefix(pattern, "all:")
	glob := strings.TrimPrefix(pattern, "all:")
	if _, err := path.Match(glob, ""); err != nil || !fs.ValidPath(glob) || glob == "." || strings.Contains(glob, "\\") {
		return nil, "invalid pattern syntax"
	}
	matches, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(glob)))
	if err != nil {
		return nil, "invalid pattern syntax"
	}
	var files []string
	for _, m := range matches {
		info, err := os.Lstat(m)
		if err != nil {
			continue
		}
		switch {
		case info.Mode().IsRegular():
			files = append(files, m)
		case info.IsDir():
			filepath.WalkDir(m, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return nil
				}
				if p != m && !all && (strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if d.Type().IsRegular() {
					files = append(files, p)
				}
				return nil
			})
		default:
			return nil, "cannot embed irregular file " + filepath.ToSlash(strings.TrimPrefix(m, dir+string(filepath.Separator)))
		}
	}
	if len(files) == 0 {
		return nil, "no matching files found"
	}
	return files, ""
}
