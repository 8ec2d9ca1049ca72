// A goroutine's arguments are evaluated by the go statement: a struct
// literal among them arrives whole, as a value the goroutine owns.
package main

import "fmt"

type point struct{ X, Y int }

type job struct {
	ID   int
	At   point
	Tags []string
}

func main() {
	done := make(chan string)
	go func(p point) {
		done <- fmt.Sprint("literal ", p.X, " ", p.Y)
	}(point{9, 10})
	fmt.Println(<-done)

	go func(j job, n int) {
		done <- fmt.Sprintf("job %d at %v tags %v, n %d", j.ID, j.At, j.Tags, n)
	}(job{ID: 7, At: point{1, 2}, Tags: []string{"a", "b"}}, 3)
	fmt.Println(<-done)

	results := make(chan point, 3)
	for i := range 3 {
		go func(p point) { results <- p }(point{i, i * i})
	}
	sum := point{}
	for range 3 {
		p := <-results
		sum.X += p.X
		sum.Y += p.Y
	}
	fmt.Println("sum", sum)

	go func(a, b point, s struct{ N int }) {
		done <- fmt.Sprint(a, b, s)
	}(point{1, 1}, point{2, 2}, struct{ N int }{5})
	fmt.Println(<-done)
}
