package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

type byLen []string

func (s byLen) Len() int           { return len(s) }
func (s byLen) Less(i, j int) bool { return len(s[i]) < len(s[j]) }
func (s byLen) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func main() {
	words := strings.Fields("  the quick  brown fox jumps ")
	fmt.Println(len(words), strings.Join(words, "-"))
	sort.Sort(byLen(words))
	fmt.Println(words)
	people := []struct {
		name string
		age  int
	}{{"al", 30}, {"bo", 25}, {"cy", 30}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].age < people[j].age })
	fmt.Println(people)
	fmt.Println(strings.Repeat("ab", 3), strings.ToUpper("héllo"), strings.Title("x"), strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return r
	}, "a1b2c3"))
	fmt.Println(strings.Split("a,b,,c", ","), len(strings.Split("", ",")), strings.SplitN("a=b=c", "=", 2))
	fmt.Println(strings.Contains("seafood", "foo"), strings.Index("chicken", "ken"), strings.LastIndex("go gopher", "go"))
	fmt.Println(strings.TrimSpace("\t x \n"), strings.Trim("xxhixx", "x"), strings.TrimPrefix("prefix-body", "prefix-"))
	n, err := strconv.Atoi("12a")
	fmt.Println(n, err)
	f := strconv.FormatFloat(1.0/3, 'f', 4, 64)
	fmt.Println(f, strconv.Quote("a\"b"), strconv.AppendInt(nil, -42, 10))
	var sb strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&sb, "%d...", i)
	}
	sb.WriteString("liftoff")
	fmt.Println(sb.String(), sb.Len())
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(r.Replace("<b>hi</b>"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.Count("cheese", "e"), strings.Count("five", ""))
}
