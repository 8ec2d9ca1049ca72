package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func work(ctx context.Context, name string, d time.Duration) error {
	select {
	case <-time.After(d):
		fmt.Println(name, "finished")
		return nil
	case <-ctx.Done():
		fmt.Println(name, "stopped:", ctx.Err(), context.Cause(ctx))
		return ctx.Err()
	}
}

func main() {
	root, cancel := context.WithCancelCause(context.Background())
	child, stop := context.WithTimeout(root, 300*time.Millisecond)
	defer stop()
	done := make(chan error, 2)
	go func() { done <- work(child, "short", 100*time.Millisecond) }()
	go func() { done <- work(child, "long", time.Second) }()
	fmt.Println(<-done, <-done)
	cancel(errors.New("shutdown"))
	<-root.Done()
	fmt.Println(root.Err(), context.Cause(root), errors.Is(child.Err(), context.DeadlineExceeded))
	d, ok := child.Deadline()
	fmt.Println(ok, d.IsZero())
}
