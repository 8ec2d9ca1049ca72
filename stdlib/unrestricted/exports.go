package unrestricted

import (
	"slices"
	"strings"

	"github.com/concur-dev/concur/stdlib/internal/sandbox"
)

func init() { sandbox.ExtraExportData = exportDataOf }

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
