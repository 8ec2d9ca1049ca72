package rewrite

import (
	"os"
	"testing"
)

func TestDbgRewrite(t *testing.T) {
	src, _ := os.ReadFile(os.Getenv("DBG_FILE"))
	in, err := Rewrite("prog.go", string(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range in.Units {
		t.Logf("%s", u.Src)
	}
}
