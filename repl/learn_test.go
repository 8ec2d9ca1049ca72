package repl

import (
	"testing"
)

func TestDeclarations(t *testing.T) {
	src := `func task(name string, d time.Duration) {
	fmt.Println("task", name, "start")
}

type T struct{ n int }

func (t T) M() int { return t.n }

task("A", 10*time.Second)
func() { fmt.Println("literal call") }()
var total = 3
for i := 0; i < 3; i++ {
	task("x", 0)
}
`
	want := `func task(name string, d time.Duration) {
	fmt.Println("task", name, "start")
}

type T struct{ n int }

func (t T) M() int { return t.n }

var total = 3`
	if got := declarations(src); got != want {
		t.Errorf("declarations:\n%s\nwant:\n%s", got, want)
	}
}
