package rewrite

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestZZCases(t *testing.T) {
	b, err := os.ReadFile(os.Getenv("CASES"))
	if err != nil {
		t.Skip()
	}
	strip := regexp.MustCompile(`/\*line :\d+:\d+\*/`)
	for _, c := range strings.Split(string(b), "### ")[1:] {
		name, src, _ := strings.Cut(c, "\n")
		env := NewEnv(map[string]string{"fmt": "fmt", "maps": "maps", "slices": "slices", "strings": "strings", "os": "os"})
		env.Ints["n"] = true
		env.Funcs["n"] = true
		env.Imports["os"] = "os"
		in, err := Rewrite("prog.go", strings.TrimSuffix(src, "\n"), env)
		fmt.Printf("### %s\n", name)
		if err != nil {
			fmt.Printf("ERR %v\n", err)
			continue
		}
		fmt.Printf("imports=%v auto=%v last=%v declared=%+v\n", in.Imports, in.AutoImports, in.LastExpr, in.Declared)
		for _, u := range in.Units {
			k := "S"
			if u.Decls {
				k = "D"
			}
			fmt.Printf("%s| %s\n", k, strings.ReplaceAll(strip.ReplaceAllString(u.Src, ""), "\n", "\n | "))
		}
	}
}
