package main

import "fmt"

type coded interface {
	error
	Code() int
}

type httpErr struct{ c int }

func (h *httpErr) Error() string { return fmt.Sprintf("http %d", h.c) }
func (h *httpErr) Code() int     { return h.c }

type valErr struct{ c int }

func (h valErr) Error() string { return "val" }
func (h valErr) Code() int     { return h.c }

func fail() coded { return &httpErr{404} }

func main() {
	e := fail()
	fmt.Println(e, e.Code())
	fmt.Printf("%v %s %T\n", e, e, e)
	var c coded = valErr{1}
	fmt.Println(c)
	cs := []coded{&httpErr{500}, valErr{2}}
	fmt.Println(cs)
	var a any = e
	fmt.Println(a)
	var err error = e
	fmt.Println(err)
}
