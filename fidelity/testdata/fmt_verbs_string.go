package main

import "fmt"

func main() {
	s := "gopher"
	fmt.Printf("[%s]|[%10s]|[%-10s]|[%.3s]\n", s, s, s, s)
	fmt.Printf("%q|%+q|%#q|%x\n", "héllo\n", "héllo", "back`tick", "ab")
	fmt.Printf("%v|%s\n", []string{"a", "b"}, []string{"a", "b"})
	fmt.Printf("%q\n", []string{"a b", "c"})
	fmt.Printf("%t|%v|%5t\n", true, false, true)
	fmt.Printf("%s|%v\n", []byte("bytes"), []byte("ab"))
	fmt.Printf("%%|%c%c\n", 'o', 'k')
}
