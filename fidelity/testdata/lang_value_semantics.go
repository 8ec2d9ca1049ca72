package main

import "fmt"

type counter struct{ n int }

func (c counter) incValue()    { c.n++ }
func (c *counter) incPointer() { c.n++ }

type box struct {
	items [3]int
	tags  []string
}

func change(arr [3]int, sl []int) {
	arr[0] = 100
	sl[0] = 100
}

func main() {
	c := counter{}
	c.incValue()
	c.incPointer()
	fmt.Println(c.n)
	f := c.incPointer
	f()
	g := c.incValue
	c.n = 50
	g()
	fmt.Println(c.n)
	arr := [3]int{1, 2, 3}
	sl := []int{1, 2, 3}
	change(arr, sl)
	fmt.Println(arr, sl)
	b1 := box{items: [3]int{1}, tags: []string{"a"}}
	b2 := b1
	b2.items[0] = 9
	b2.tags[0] = "z"
	fmt.Println(b1, b2)
	cs := []counter{{1}, {2}}
	for _, x := range cs {
		x.incPointer()
	}
	fmt.Println(cs)
	m := map[string]counter{"a": {1}}
	tmp := m["a"]
	tmp.n = 5
	fmt.Println(m, tmp)
	for i, r := range "héllo" {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println()
	var ns map[string]int
	fmt.Println(ns["x"], len(ns))
	var s []int
	s = append(s, 1)
	fmt.Println(s)
	type key struct{ a, b int }
	km := map[key]int{{1, 2}: 3}
	km[key{1, 2}]++
	fmt.Println(km)
	var i1, i2 any = key{1, 2}, key{1, 2}
	fmt.Println(i1 == i2)
}
