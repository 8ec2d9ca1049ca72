package main

import (
	"errors"
	"fmt"
	"sync"
)

func safely(id int, f func(), errs chan<- error, wg *sync.WaitGroup) {
	defer wg.Done()
	defer func() {
		if r := recover(); r != nil {
			errs <- fmt.Errorf("task %d: %v", id, r)
		}
	}()
	f()
}

func main() {
	errs := make(chan error, 3)
	var wg sync.WaitGroup
	wg.Add(3)
	go safely(1, func() { panic("boom") }, errs, &wg)
	go safely(2, func() {}, errs, &wg)
	go safely(3, func() { var m map[string]int; m["x"] = 1 }, errs, &wg)
	wg.Wait()
	close(errs)
	var all []error
	for e := range errs {
		all = append(all, e)
	}
	fmt.Println(len(all))
	joined := errors.Join(all...)
	fmt.Println(joined != nil)
}
