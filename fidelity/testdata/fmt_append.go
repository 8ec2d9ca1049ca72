package main

import "fmt"

func main() {
	b := fmt.Appendf(nil, "%d-%s", 7, "x")
	b = fmt.Append(b, " and", 3)
	b = fmt.Appendln(b, " end")
	fmt.Printf("%q\n", b)
	err := fmt.Errorf("code=%d", 3)
	fmt.Println(err.Error())
}
