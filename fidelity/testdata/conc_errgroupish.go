package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

func fetch(id int) error {
	time.Sleep(time.Duration(id) * 5 * time.Millisecond)
	if id == 2 {
		return fmt.Errorf("fetch %d: %w", id, errors.New("not found"))
	}
	return nil
}

func main() {
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	for id := 1; id <= 3; id++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := fetch(id); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(errors.Join(errs...))
}
