package main

import (
	"fmt"
	"time"
)

// break and continue inside select cases: an unlabelled break leaves the
// select (not the loop), continue goes on with the loop, labelled ones act
// on their loop.
func main() {
	nums := make(chan int)
	quit := make(chan bool)
	go func() {
		for i := 1; i <= 6; i++ {
			nums <- i
			time.Sleep(time.Millisecond)
		}
		quit <- true
	}()
	seen := 0
outer:
	for {
		select {
		case n := <-nums:
			if n%2 == 0 {
				continue
			}
			if n == 5 {
				break
			}
			fmt.Println("odd", n)
		case <-quit:
			fmt.Println("quit")
			break outer
		}
		seen++
		fmt.Println("after select, seen", seen)
	}
rounds:
	for i := 0; i < 3; i++ {
		tick := time.After(time.Millisecond)
		for {
			select {
			case <-tick:
				if i == 1 {
					fmt.Println("skip round", i)
					continue rounds
				}
				fmt.Println("round", i)
				break
			default:
				time.Sleep(time.Millisecond / 2)
				continue
			}
			break
		}
		fmt.Println("end of round", i)
	}
}
