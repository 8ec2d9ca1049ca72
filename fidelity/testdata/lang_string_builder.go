package main

import (
	"fmt"
	"strings"
)

func main() {
	var b strings.Builder
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&b, "%d,", i)
	}
	b.WriteString("end")
	b.WriteByte('!')
	b.WriteRune('√')
	fmt.Println(b.String(), b.Len())
	s := ""
	for _, w := range []string{"a", "b", "c"} {
		s += w + "-"
	}
	fmt.Println(strings.TrimSuffix(s, "-"))
	fmt.Println(strings.Repeat("ab", 3) + "|" + fmt.Sprint(len("ab")))
}
