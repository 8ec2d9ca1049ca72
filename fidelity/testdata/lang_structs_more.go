package main

import "fmt"

type Animal interface {
	Sound() string
	Name() string
}

type base struct{ name string }

func (b base) Name() string { return b.name }

type Dog struct {
	base
	breed string
}

func (Dog) Sound() string { return "woof" }

type Cat struct{ *base }

func (c Cat) Sound() string { return "meow" }

type pair[K comparable, V any] struct {
	k K
	v V
}

func main() {
	animals := []Animal{Dog{base{"rex"}, "lab"}, Cat{&base{"tom"}}}
	for _, a := range animals {
		fmt.Println(a.Name(), "says", a.Sound())
	}
	d := Dog{base: base{"fido"}}
	d.name = "fido2"
	fmt.Println(d.Name(), d.base.name, d)
	fmt.Printf("%+v\n", d)
	p1, p2 := struct{ a, b int }{1, 2}, struct{ a, b int }{1, 2}
	fmt.Println(p1 == p2)
	x := pair[string, int]{"a", 1}
	fmt.Println(x, x.k)
	type local struct{ n int }
	ls := []local{{1}, {2}}
	for i := range ls {
		ls[i].n *= 10
	}
	for _, l := range ls {
		l.n = 0
	}
	fmt.Println(ls)
	ptrs := map[string]*local{"a": {1}}
	ptrs["a"].n = 7
	fmt.Println(ptrs["a"].n, len(ptrs))
}
