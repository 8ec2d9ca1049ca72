package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		fmt.Println("cleanup after cancel")
		close(done)
	})
	time.Sleep(10 * time.Millisecond)
	cancel()
	<-done
	fmt.Println("stop returned", stop())
}
