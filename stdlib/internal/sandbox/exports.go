package sandbox

// ExtraExportData is set by package stdlib/unrestricted when a program links
// it: the compressed export data of a package only unrestricted mode allows
// (see stdlib.ExportData), and whether it has any.
var ExtraExportData func(path string) (data string, ok bool)
