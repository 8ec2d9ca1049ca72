package main

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"
)

type config struct{ port int }

func load() config {
	fmt.Println("loading config")
	time.Sleep(5 * time.Millisecond)
	return config{8080}
}

var cfg = sync.OnceValue(load)

var parse = sync.OnceValues(func() (int, error) {
	fmt.Println("parsing")
	return strconv.Atoi("42")
})

// sync.OnceValue and OnceValues at package level and in main: goroutines
// that call one while the first call runs wait for it; a panic comes back
// on every call.
func main() {
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Go(func() {
			fmt.Println("worker", i, "port", cfg().port)
		})
	}
	wg.Wait()
	n, err := parse()
	fmt.Println(n, err)
	n, err = parse()
	fmt.Println(n, err)
	bad := sync.OnceValues[string, error](func() (string, error) { return "", errors.New("no") })
	s, err := bad()
	fmt.Printf("%q %v\n", s, err)
	boom := sync.OnceValue(func() int { panic("boom") })
	for range 2 {
		func() {
			defer func() { fmt.Println("recovered", recover()) }()
			boom()
		}()
	}
	sq := sync.OnceValue[[]int](func() []int { return []int{1, 4, 9} })
	fmt.Println(sq(), len(sq()))
}
