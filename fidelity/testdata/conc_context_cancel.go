package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	results := make(chan string)
	go func() {
		<-ctx.Done()
		results <- fmt.Sprint("worker stopped: ", ctx.Err(), " / ", context.Cause(ctx))
	}()
	time.Sleep(15 * time.Millisecond)
	cancel(errors.New("shutting down"))
	fmt.Println(<-results)
	child, stop := context.WithCancel(ctx)
	defer stop()
	fmt.Println("child:", child.Err())
}
