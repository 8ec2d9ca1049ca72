package main

import (
	"fmt"
	"sort"
)

type ID int
type celsius float64
type tag string

type reading struct {
	ID    ID
	Temp  celsius
	Tags  []tag
	Extra any
	by    map[tag]ID
}

// The program's named types held in struct fields, slices, maps, channels
// and functions, printed with every verb.
func main() {
	r := reading{ID: 7, Temp: 21.5, Tags: []tag{"a", "b"}, Extra: celsius(-1), by: map[tag]ID{"x": 1}}
	fmt.Printf("%v\n%+v\n%#v\n%T\n", r, r, r, r)
	var v any = r.Tags
	fmt.Printf("%T %v %#v %T\n", v, v, v, r.Extra)
	ch := make(chan ID, 2)
	ch <- 3
	var c any = ch
	f := func(t celsius) ID { return ID(t) }
	var fn any = f
	fmt.Printf("%T %T %d\n", c, fn, <-ch)
	ids := []ID{3, 1, 2}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	fmt.Printf("%v %d %x %#v\n", ids, ids, ids, ids)
	ms := map[ID][]celsius{2: {1.5}, 1: {-2}}
	fmt.Printf("%v %#v\n", ms, ms)
	var arr [2]tag
	arr[0] = "z"
	fmt.Printf("%q %#v %T\n", arr, arr, arr)
}
