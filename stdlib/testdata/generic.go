// Every function of cmp, maps and slices, and iter's types, each used with
// two type arguments at least. TestGenericLikeGo runs it with go run and in the
// interpreter and compares the output.
package main

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

type celsius float64

type person struct {
	name string
	age  int
}

func main() {
	// cmp
	fmt.Println(cmp.Compare(1, 2), cmp.Compare("b", "a"), cmp.Compare(2.5, 2.5), cmp.Compare(math.NaN(), 1))
	fmt.Println(cmp.Less(1, 2), cmp.Less("b", "a"), cmp.Less(math.NaN(), math.Inf(-1)), cmp.Less(celsius(1), celsius(2)))
	fmt.Println(cmp.Or(0, 0, 3), cmp.Or("", "x", "y"), cmp.Or(celsius(0), 2))

	// slices: comparing and searching
	ints := []int{3, 1, 4, 1, 5, 9, 2, 6}
	strs := []string{"pear", "fig", "apple", "fig"}
	fmt.Println(slices.Equal(ints, ints), slices.Equal(strs, []string{"pear"}), slices.Equal([]int(nil), []int{}))
	fmt.Println(slices.EqualFunc(ints, strs, func(i int, s string) bool { return true }))
	fmt.Println(slices.EqualFunc([]int{1, 2}, []string{"1", "2"}, func(i int, s string) bool { return strconv.Itoa(i) == s }))
	fmt.Println(slices.Compare([]int{1, 2}, []int{1, 3}), slices.Compare([]string{"b"}, []string{"a", "z"}), slices.Compare([]int{1}, []int{1, 0}))
	fmt.Println(slices.CompareFunc([]int{1, 2}, []string{"1", "3"}, func(i int, s string) int { return cmp.Compare(strconv.Itoa(i), s) }))
	fmt.Println(slices.Index(ints, 5), slices.Index(strs, "fig"), slices.Index(strs, "kiwi"))
	fmt.Println(slices.IndexFunc(ints, func(n int) bool { return n > 4 }), slices.IndexFunc(strs, func(s string) bool { return len(s) == 5 }))
	fmt.Println(slices.Contains(ints, 9), slices.Contains(strs, "kiwi"), slices.Contains([]celsius{1.5}, 1.5))
	fmt.Println(slices.ContainsFunc(ints, func(n int) bool { return n < 0 }), slices.ContainsFunc(strs, func(s string) bool { return s == "fig" }))
	fmt.Println(slices.Min(ints), slices.Max(ints), slices.Min(strs), slices.Max(strs), slices.Max([]float64{1, math.NaN(), 3}))
	people := []person{{"ann", 30}, {"bob", 25}, {"cid", 30}, {"dee", 25}}
	byAge := func(a, b person) int { return cmp.Compare(a.age, b.age) }
	fmt.Println(slices.MinFunc(people, byAge), slices.MaxFunc(people, byAge), slices.MaxFunc(strs, strings.Compare))

	// slices: sorting
	s1 := slices.Clone(ints)
	slices.Sort(s1)
	s2 := slices.Clone(strs)
	slices.Sort(s2)
	s3 := []float64{2, math.NaN(), -1, math.Inf(1)}
	slices.Sort(s3)
	s4 := []celsius{3, -2, 1}
	slices.Sort(s4)
	fmt.Println(s1, s2, s3, s4, slices.IsSorted(s1), slices.IsSorted(ints), slices.IsSorted(s2))
	p1 := slices.Clone(people)
	slices.SortFunc(p1, byAge)
	p2 := slices.Clone(people)
	slices.SortStableFunc(p2, func(a, b person) int { return cmp.Compare(b.age, a.age) })
	fmt.Println(p1, p2, slices.IsSortedFunc(p1, byAge), slices.IsSortedFunc(people, byAge))
	many := make([]int, 200)
	for i := range many {
		many[i] = (i * 7919) % 101
	}
	pairs := make([]person, len(many))
	for i, v := range many {
		pairs[i] = person{strconv.Itoa(i), v % 5}
	}
	slices.SortFunc(pairs, byAge)
	fmt.Println(pairs[:12])
	i, found := slices.BinarySearch(s1, 5)
	j, found2 := slices.BinarySearch(s2, "banana")
	fmt.Println(i, found, j, found2)
	k, found3 := slices.BinarySearchFunc(p1, 30, func(p person, age int) int { return cmp.Compare(p.age, age) })
	fmt.Println(k, found3)

	// slices: changing
	e := []int{1, 2, 3, 4, 5}
	e = slices.Insert(e, 2, 10, 11)
	fmt.Println(e, len(e))
	w := slices.Insert([]string{"a", "c"}, 1, "b")
	fmt.Println(w)
	e = slices.Delete(e, 0, 2)
	fmt.Println(e)
	full := []int{1, 2, 3, 4}
	_ = slices.Delete(full, 1, 3)
	fmt.Println(full)
	fmt.Println(slices.DeleteFunc([]int{1, 2, 3, 4, 5, 6}, func(x int) bool { return x%2 == 0 }))
	fmt.Println(slices.DeleteFunc([]string{"a", "", "b"}, func(s string) bool { return s == "" }))
	fmt.Println(slices.Replace([]int{1, 2, 3}, 1, 2, 7, 8), slices.Replace([]string{"x", "y", "z"}, 0, 3, "q"))
	fmt.Println(slices.Compact([]int{1, 1, 2, 2, 2, 3, 1}), slices.Compact([]string{"a", "a", "b"}))
	fmt.Println(slices.CompactFunc([]string{"a", "A", "b"}, strings.EqualFold), slices.CompactFunc([]int{1, 3, 2, 4}, func(a, b int) bool { return a%2 == b%2 }))
	r := []int{1, 2, 3}
	slices.Reverse(r)
	rs := []string{"x", "y"}
	slices.Reverse(rs)
	fmt.Println(r, rs)
	g := slices.Grow([]int{1}, 10)
	fmt.Println(len(g), cap(g) >= 11, len(slices.Clip(g)), cap(slices.Clip(g)))
	fmt.Println(slices.Concat([]int{1}, []int{2, 3}, nil, []int{4}), slices.Concat([]string{"a"}, []string{"b"}))
	fmt.Println(slices.Repeat([]string{"ab"}, 3), slices.Repeat([]int{0, 1}, 2), slices.Clone([]int(nil)) == nil)

	// slices and maps: iterators
	m := map[string]int{"c": 3, "a": 1, "b": 2}
	fmt.Println(slices.Sorted(maps.Keys(m)), slices.Sorted(maps.Values(m)))
	fmt.Println(slices.Collect(slices.Values([]int{7, 8})), slices.Collect(slices.Values(strs)))
	fmt.Println(slices.SortedFunc(slices.Values([]int{1, 3, 2}), func(a, b int) int { return b - a }))
	fmt.Println(slices.SortedStableFunc(slices.Values(people), byAge))
	fmt.Println(slices.Collect(slices.Chunk([]int{1, 2, 3, 4, 5}, 2)), slices.AppendSeq([]int{0}, slices.Values([]int{1, 2})))
	fmt.Println(maps.Collect(slices.All([]string{"x", "y"})), maps.Collect(slices.Backward([]int{5, 6})))
	var seq iter.Seq[int] = slices.Values([]int{4, 5})
	var seq2 iter.Seq2[string, int] = maps.All(map[string]int{"k": 1})
	fmt.Println(slices.Collect(seq), maps.Collect(seq2))

	// maps
	a := map[string]int{"x": 1, "y": 2}
	b := maps.Clone(a)
	fmt.Println(maps.Equal(a, b), maps.Equal(map[int]bool{1: true}, map[int]bool{1: false}))
	b["z"] = 3
	fmt.Println(maps.Equal(a, b), len(b))
	fmt.Println(maps.EqualFunc(a, map[string]string{"x": "1", "y": "2"}, func(i int, s string) bool { return strconv.Itoa(i) == s }))
	fmt.Println(maps.EqualFunc(a, a, func(i, j int) bool { return i == j }))
	maps.Copy(a, map[string]int{"w": 0})
	maps.Copy(map[int]int{}, map[int]int{1: 1})
	fmt.Println(slices.Sorted(maps.Keys(a)))
	maps.DeleteFunc(b, func(k string, v int) bool { return v > 1 })
	maps.DeleteFunc(map[int]string{1: "a"}, func(k int, v string) bool { return true })
	fmt.Println(b)
	dst := map[string]int{}
	maps.Insert(dst, maps.All(a))
	fmt.Println(len(dst), maps.Clone(map[int]int(nil)) == nil)
}
