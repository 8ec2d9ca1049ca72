package main

import (
	"fmt"
	"sort"
	"strings"
)

type ID int
type IDs []ID
type set map[string]bool
type handler func(ID) string
type queue chan ID
type grid [2][2]ID

func (s set) add(k string) { s[k] = true }

// Named slice, map, function, channel and array types of the program, used
// directly and printed by their static types.
func main() {
	ids := IDs{3, 1, 2}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	ids = append(ids, 4)
	fmt.Printf("%v %T %#v %d\n", ids, ids, ids, len(ids[1:]))
	s := set{}
	s.add("b")
	s.add("a")
	keys := []string{}
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Printf("%v %T %#v %s\n", s, s, s, strings.Join(keys, ","))
	var h handler = func(id ID) string { return fmt.Sprint("id ", id) }
	fmt.Printf("%T %s\n", h, h(7))
	q := make(queue, 2)
	q <- 5
	q <- 6
	close(q)
	for id := range q {
		fmt.Print(id, " ")
	}
	fmt.Printf("%T\n", q)
	var g grid
	g[1][0] = 9
	fmt.Printf("%v %T %#v\n", g, g, g)
	byID := map[ID]IDs{1: {2, 3}}
	fmt.Printf("%v %T\n", byID, byID)
}
