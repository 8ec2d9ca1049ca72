package main

import "fmt"

type base struct{ id int }

func (b base) String() string { return fmt.Sprintf("base#%d", b.id) }

type wrap struct {
	base
	name string
}

type pwrap struct {
	*base
	n int
}

type over struct {
	base
}

func (o over) String() string { return "over:" + o.base.String() }

type errBase struct{}

func (*errBase) Error() string { return "eb" }

type embErr struct {
	*errBase
}

func show(vs ...any) { fmt.Println(vs...) }
func one(v any)      { fmt.Println(v) }

func main() {
	one(wrap{base{1}, "w"})
	one(&wrap{base{2}, "w"})
	one(pwrap{&base{3}, 1})
	one(over{base{4}})
	one(embErr{&errBase{}})
	one(embErr{})
	show(wrap{base{5}, "x"}, over{base{6}})
	fmt.Printf("%+v\n", any(wrap{base{7}, "y"}))
	fmt.Printf("%#v\n", any(wrap{base{7}, "y"}))
	fmt.Printf("%d\n", any(wrap{base{7}, "y"}))
}
