package main

import (
	"bytes"
	"compress/flate"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/gcexportdata"

	"github.com/concur-dev/concur/stdlib/internal/sandbox"
)

// Export data: what go/types needs to type-check a snippet against a
// standard package, without the package's source. gen type-checks each
// package from GOROOT's source and writes its export data
// (golang.org/x/tools/go/gcexportdata: the "indexed" format, which carries
// the declarations a package's API refers to in other packages too), each
// compressed on its own so that a worker inflates only the packages its
// session imports. All of a mode's packages go in one file
// (go1_NN_exports.bin) beside an index (go1_NN_exports.go) that embeds it:
// package stdlib holds the packages restricted mode allows,
// stdlib/unrestricted the rest.
//
// Positions in the export data name files relative to GOROOT/src
// ("fmt/print.go"), so the output does not depend on where Go is installed.

// typesOnly are packages that get export data but no symbol table: snippets
// may not import them (see skipped), but the API of packages they may import
// would refer to them. (None today: iter, which slices.All's result type
// needs, is a package snippets may import.)
var typesOnly = []string{}

// exportsName is the file stem of the export data and its index.
const exportsName = "exports"

// writeExportData writes the export data of pkgs (and typesOnly) into dir
// (restricted mode's packages) and udir (the rest); with restrictedOnly it
// writes only dir's.
func writeExportData(dir, udir string, pkgs []pkg, prefix string, restrictedOnly bool) error {
	paths := []string{}
	for _, p := range pkgs {
		if p.path != "unsafe" { // go/types provides unsafe itself
			paths = append(paths, p.path)
		}
	}
	paths = append(paths, typesOnly...)
	slices.Sort(paths)

	imp := newSourceImporter()
	var restricted, rest []string
	for _, p := range paths {
		if restrictedMode(p) {
			restricted = append(restricted, p)
		} else if !restrictedOnly {
			rest = append(rest, p)
		}
	}
	if err := writeBlob(imp, dir, "stdlib", prefix, restricted); err != nil {
		return err
	}
	if restrictedOnly {
		return nil
	}
	return writeBlob(imp, udir, "unrestricted", prefix, rest)
}

// restrictedMode reports whether path's export data belongs to package
// stdlib: the packages restricted mode allows, and typesOnly.
func restrictedMode(path string) bool {
	return sandbox.IsRestricted(path) || slices.Contains(typesOnly, path)
}

// writeBlob writes the export data of paths into dir as one binary file and
// its index, a Go file of package pkgName.
func writeBlob(imp *sourceImporter, dir, pkgName, prefix string, paths []string) error {
	var blob bytes.Buffer
	var index bytes.Buffer
	for _, path := range paths {
		pkg, err := imp.Import(path)
		if err != nil {
			return fmt.Errorf("export data: %w", err)
		}
		var raw bytes.Buffer
		if err := gcexportdata.Write(&raw, imp.fset, pkg); err != nil {
			return fmt.Errorf("export data of %s: %w", path, err)
		}
		start := blob.Len()
		zw, err := flate.NewWriter(&blob, flate.BestCompression)
		if err != nil {
			return err
		}
		zw.Write(raw.Bytes())
		if err := zw.Close(); err != nil {
			return err
		}
		fmt.Fprintf(&index, "{%q, %d, %d},\n", path, start, blob.Len())
	}
	bin := prefix + exportsName + ".bin"
	if err := os.WriteFile(filepath.Join(dir, bin), blob.Bytes(), 0o644); err != nil {
		return err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s. DO NOT EDIT.\n\n//go:build %s\n\npackage %s\n\nimport _ \"embed\"\n\n", header, buildTag(prefix), pkgName)
	fmt.Fprintf(&b, "// exportData holds the compressed export data of the packages in\n// exportIndex, written by gen from Go's own source; see typecheck.\n//\n//go:embed %s\nvar exportData string\n\n", bin)
	b.WriteString("// exportIndex lists, sorted by import path, where each package's export\n// data lies in exportData: [start, end), compressed with compress/flate.\n")
	b.WriteString("var exportIndex = [...]struct {\n\tpath       string\n\tstart, end int\n}{\n")
	b.Write(index.Bytes())
	b.WriteString("}\n")
	return os.WriteFile(filepath.Join(dir, prefix+exportsName+".go"), gofmt(b.Bytes()), 0o644)
}

// sourceImporter type-checks standard packages from GOROOT's source, as
// go/importer's "source" importer does, but names files relative to
// GOROOT/src and never runs cgo (the API is the same without it).
type sourceImporter struct {
	fset *token.FileSet
	ctxt build.Context
	pkgs map[string]*types.Package
}

func newSourceImporter() *sourceImporter {
	ctxt := build.Default
	ctxt.CgoEnabled = false
	return &sourceImporter{fset: token.NewFileSet(), ctxt: ctxt, pkgs: map[string]*types.Package{}}
}

func (s *sourceImporter) Import(path string) (*types.Package, error) {
	return s.ImportFrom(path, "", 0)
}

// ImportFrom imports path as the package in dir sees it: standard packages
// import vendored ones (golang.org/x/crypto/...) through GOROOT/src/vendor.
func (s *sourceImporter) ImportFrom(path, dir string, _ types.ImportMode) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if dir != "" && !filepath.IsAbs(dir) { // file names are relative to GOROOT/src
		dir = filepath.Join(s.ctxt.GOROOT, "src", dir)
	}
	bp, err := s.ctxt.Import(path, dir, 0)
	if err != nil {
		return nil, err
	}
	if p, ok := s.pkgs[bp.ImportPath]; ok {
		if p == nil {
			return nil, fmt.Errorf("import cycle through %s", bp.ImportPath)
		}
		return p, nil
	}
	s.pkgs[bp.ImportPath] = nil
	src := filepath.Join(s.ctxt.GOROOT, "src")
	var files []*ast.File
	for _, name := range bp.GoFiles {
		full := filepath.Join(bp.Dir, name)
		text, err := os.ReadFile(full)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(src, full)
		if err != nil || strings.HasPrefix(rel, "..") {
			rel = full
		}
		f, err := parser.ParseFile(s.fset, filepath.ToSlash(rel), text, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	conf := types.Config{Importer: s, FakeImportC: true, GoVersion: ""}
	pkg, err := conf.Check(bp.ImportPath, s.fset, files, nil)
	if err != nil {
		return nil, fmt.Errorf("type-check %s: %w", bp.ImportPath, err)
	}
	s.pkgs[bp.ImportPath] = pkg
	return pkg, nil
}
