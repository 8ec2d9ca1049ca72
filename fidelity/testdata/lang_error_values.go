package main

import "fmt"

type failed struct{ why string }

func (f failed) Error() string { return "failed: " + f.why }

type pf struct{ why string }

func (f *pf) Error() string { return "pf: " + f.why }
func show(e error)          { fmt.Println("arg:", e) }

var global error = failed{"global"}

func main() {
	var err error = failed{"var"}
	fmt.Println(err)
	var e2 error
	e2 = failed{"assign"}
	fmt.Println(e2)
	e3 := error(failed{"conv"})
	fmt.Println(e3)
	show(failed{"call"})
	errs := []error{failed{"lit"}}
	fmt.Println(errs[0], errs)
	ch := make(chan error, 1)
	ch <- failed{"send"}
	fmt.Println(<-ch)
	m := map[string]error{"k": failed{"map"}}
	fmt.Println(m["k"])
	fmt.Println(global)
	var p error = &pf{"ptrvar"}
	fmt.Println(p)
	var s fmt.Stringer
	_ = s
	type holder struct{ err error }
	h := holder{failed{"field"}}
	fmt.Println(h.err)
	x := failed{"x"}
	var e5 error = x
	fmt.Println(e5)
	e6 := func() error { return x }()
	fmt.Println(e6)
}
