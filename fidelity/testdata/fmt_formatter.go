package main

import (
	"fmt"
	"strings"
)

type money int64

func (m money) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v', 's':
		fmt.Fprintf(f, "$%d.%02d", m/100, m%100)
	case 'd':
		fmt.Fprintf(f, "%d", int64(m))
	default:
		fmt.Fprintf(f, "%%!%c(money)", verb)
	}
}

type secret string

func (s secret) GoString() string { return `secret("` + strings.Repeat("*", len(s)) + `")` }

func main() {
	fmt.Println(money(1234))
	fmt.Printf("%v %d %x\n", money(5), money(5), money(5))
	fmt.Printf("%#v\n", secret("hunter2"))
}
