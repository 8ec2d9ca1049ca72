package main

import "fmt"

type t struct{ p *int }

func main() {
	var p *int
	var m map[string]int
	var s []int
	var f func()
	var i any
	var e error
	fmt.Println(p, m, s, f == nil, i, e)
	fmt.Printf("%v %v %v %v\n", p, m, s, i)
	fmt.Printf("%+v %#v\n", t{}, s)
	fmt.Printf("%#v %#v\n", m, i)
	fmt.Printf("%d %s\n", s, s)
}
