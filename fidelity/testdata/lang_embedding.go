package main

import "fmt"

type animal struct{ name string }

func (a animal) speak() string { return a.name + " makes a sound" }
func (a animal) kind() string  { return "animal" }

type dog struct {
	animal
	breed string
}

func (d dog) speak() string { return d.name + " barks" }

type speaker interface{ speak() string }

func main() {
	d := dog{animal{"rex"}, "collie"}
	fmt.Println(d.speak())
	fmt.Println(d.animal.speak())
	fmt.Println(d.kind(), d.name, d.breed)
	var s speaker = d
	fmt.Println(s.speak())
	s = d.animal
	fmt.Println(s.speak())
}
