package rewrite

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	b, err := os.ReadFile(os.Getenv("DBG"))
	if err != nil {
		t.Skip()
	}
	in, err := Rewrite("prog.go", string(b), NewEnv(map[string]string{"fmt": "fmt", "sync": "sync", "time": "time", "strings": "strings"}))
	if err != nil {
		fmt.Println("ERR:", err)
		return
	}
	fmt.Printf("program=%v imports=%v auto=%v last=%v declared=%+v\n", in.Program, in.Imports, in.AutoImports, in.LastExpr, in.Declared)
	for _, u := range in.Units {
		fmt.Printf("--- decls=%v\n%s\n", u.Decls, u.Src)
	}
}
