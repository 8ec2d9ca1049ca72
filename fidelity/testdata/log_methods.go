package main

import (
	"log"
	"os"
)

// log prints with fmt: a value of the program's with a String or Error
// method prints by it, whether its type is known or it comes through any.

type temp float64

func (t temp) String() string { return "T" }

type failed struct{ why string }

func (f failed) Error() string { return "failed: " + f.why }

type node struct{ id int }

func (n *node) String() string { return "node" }

func main() {
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.Println([]temp{1, 2}, temp(3), map[string]temp{"a": 1}, []failed{{"q"}}, &node{1})
	var xs []any
	xs = append(xs, failed{"r"}, temp(1), &node{2})
	log.Println(xs...)
	log.Printf("%v %v %s", xs...)
	log.Print(map[int]any{1: failed{"m"}})
	var nilp *failed
	var a any = nilp
	log.Println(a)
	l := log.New(os.Stdout, "[l] ", 0)
	l.Println(xs[0], failed{"e"})
	l.Printf("%s and %v", xs[1], xs[2])
}
