package main

import "fmt"

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), len([]rune(s)))
	for i, r := range s {
		fmt.Print(i, "=", string(r), " ")
	}
	fmt.Println()
	fmt.Println(s[1], s[0:1], string(s[7]))
	b := []byte("abc")
	b[0] = 'A'
	fmt.Println(string(b), b)
	r := []rune(s)
	r[0] = 'H'
	fmt.Println(string(r))
	fmt.Println(string(rune(65)), fmt.Sprint('a'))
	bad := "\xff\xfe"
	for _, r := range bad {
		fmt.Printf("%U ", r)
	}
	fmt.Println()
}
