package main

import "fmt"

type config struct {
	retries *int
	name    *string
}

func main() {
	p := new(42)
	fmt.Println(*p)
	c := config{retries: new(3), name: new("svc")}
	fmt.Println(*c.retries, *c.name)
	q := new(int)
	*q = 7
	fmt.Println(*q + *p)
}
