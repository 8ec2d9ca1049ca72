package main

import (
	"fmt"
	"time"
)

func step(name string, d time.Duration, done chan<- string) {
	fmt.Println(name, "begins")
	time.Sleep(d)
	done <- name
}

func main() {
	done := make(chan string)
	go step("boil water", 30*time.Millisecond, done)
	go step("grind beans", 10*time.Millisecond, done)
	go step("warm cup", 20*time.Millisecond, done)
	start := time.Now()
	for range 3 {
		name := <-done
		fmt.Printf("%v %s finished\n", time.Since(start), name)
	}
}
