package main

import "fmt"

type color int

const (
	red color = iota
	green
	blue
)

func (c color) String() string { return [...]string{"red", "green", "blue"}[c] }

type temp float64

func (t temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type pair struct {
	c color
	t temp
}

func main() {
	fmt.Println(red, blue, []color{green, red})
	fmt.Printf("%v %s %d\n", green, green, green)
	fmt.Println(temp(21.55))
	fmt.Printf("%v\n", map[color]int{blue: 2, red: 1})
	var s fmt.Stringer = blue
	fmt.Println(s)
	fmt.Println(fmt.Sprint(red) + "!")
	fmt.Printf("%v\n", pair{green, 3})
}
