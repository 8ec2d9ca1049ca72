package stdlib

// The symbol tables (go1_NN_*.go here and in unrestricted/) are generated;
// regenerating all of them takes about 45 s on two cores. The same run writes
// the export data package typecheck reads (go1_NN_exports.bin and its index).
// TestGeneratedUpToDate fails when they differ from what this line writes.
//go:generate go run ./internal/gen -o .

// named_pool.go holds the compiled types that stand in for the program's
// named types on basic types (named.go); TestNamedPoolUpToDate checks it.
//go:generate go run ./internal/namedgen -o .
