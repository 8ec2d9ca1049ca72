package stdlib

// The symbol tables (go1_NN_*.go here and in unrestricted/) are generated;
// regenerating all of them takes about 45 s on two cores.
// TestGeneratedUpToDate fails when they differ from what this line writes.
//go:generate go run ./internal/gen -o .
