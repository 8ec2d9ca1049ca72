package main

import "fmt"

type user struct{ name string }

func (u user) Greet() string { return "hi " + u.name }

type box struct{ n int }

func show(v any) { fmt.Println(v) }

func main() {
	show(user{"a"})
	show(box{1})
	show(&box{2})
	fmt.Printf("%+v\n", user{"b"})
	var a any = user{"c"}
	fmt.Printf("%v %+v\n", a, a)
}
