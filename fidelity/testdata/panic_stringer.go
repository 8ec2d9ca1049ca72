package main

import "fmt"

type failure struct{ step string }

func (f failure) Error() string { return "failed at " + f.step }

func main() {
	fmt.Println("running")
	panic(failure{"parse"})
}
