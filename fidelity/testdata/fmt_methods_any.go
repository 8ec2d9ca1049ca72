package main

import "fmt"

type temp float64

func (t temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

type failed struct{ why string }

func (f failed) Error() string { return "failed: " + f.why }

type pt struct{ x int }

func (p *pt) String() string { return "pt" }

func show(v any) { fmt.Println(v) }

func showAll(vs ...any) { fmt.Println(vs...) }

func main() {
	show(temp(3))
	show(failed{"x"})
	show(&pt{1})
	showAll(temp(1), failed{"y"}, &pt{2})
	var a any = temp(2)
	fmt.Println(a)
	fmt.Printf("%v %s\n", a, a)
	items := []any{temp(4), failed{"z"}}
	fmt.Println(items...)
	fmt.Println(items)
}
