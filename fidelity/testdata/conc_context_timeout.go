package main

import (
	"context"
	"fmt"
	"time"
)

func work(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	fmt.Println("fast:", work(ctx, 10*time.Millisecond))
	fmt.Println("slow:", work(ctx, 100*time.Millisecond))
	fmt.Println(ctx.Err(), context.Cause(ctx))
	_, hasDeadline := ctx.Deadline()
	fmt.Println(hasDeadline)
}
