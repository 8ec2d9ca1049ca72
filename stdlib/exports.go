package stdlib

import (
	"compress/flate"
	"io"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/concur-dev/concur/stdlib/internal/sandbox"
	"github.com/traefik/yaegi/interp"
)

// ExportData returns the export data of a standard package: what go/types
// needs to type-check code that imports it (package typecheck reads it with
// golang.org/x/tools/go/gcexportdata). It has the packages restricted mode
// allows, package iter, and, in a program that links stdlib/unrestricted,
// the rest of the standard library; ok is false for any other path. The
// data describes Go's own API: where concur's tables leave a symbol out or
// put their own type in its place, see Tables.
func ExportData(path string) (r io.Reader, ok bool) {
	data, ok := exportDataOf(path)
	if !ok && sandbox.ExtraExportData != nil {
		data, ok = sandbox.ExtraExportData(path)
	}
	if !ok {
		return nil, false
	}
	return flate.NewReader(strings.NewReader(data)), true
}

// exportDataOf returns the compressed export data of path from the
// generated go1_NN_exports files.
func exportDataOf(path string) (string, bool) {
	i, ok := slices.BinarySearchFunc(exportIndex[:], path, func(e struct {
		path       string
		start, end int
	}, p string) int {
		return strings.Compare(e.path, p)
	})
	if !ok {
		return "", false
	}
	e := exportIndex[i]
	return exportData[e.start:e.end], true
}

// loaded is the latest Symbols result: the tables an interpreter of this
// process was given, for Tables.
var loaded atomic.Pointer[interp.Exports]

// Tables returns the tables of the latest Symbols call (keyed as
// interp.Exports: "sync/sync"), or nil before any. Package typecheck compares
// them with Go's API to know what snippets may really use.
func Tables() map[string]map[string]reflect.Value {
	if p := loaded.Load(); p != nil {
		return *p
	}
	return nil
}
