package main

import "fmt"

type inner struct {
	id   int
	tags []string
}

type outer struct {
	name  string
	in    inner
	ptr   *inner
	items map[string]int
	list  []inner
}

func main() {
	o := outer{
		name:  "o",
		in:    inner{1, []string{"a"}},
		ptr:   &inner{2, nil},
		items: map[string]int{"z": 26, "a": 1},
		list:  []inner{{3, []string{"b", "c"}}},
	}
	fmt.Printf("%v\n", o.in)
	fmt.Printf("%+v\n", o.list)
	fmt.Printf("%v\n", o.items)
	fmt.Printf("%+v\n", o.in)
	fmt.Printf("%#v\n", o.list)
	fmt.Printf("%v %+v\n", *o.ptr, *o.ptr)
}
