package main

import (
	"context"
	"fmt"
)

type key string

func handle(ctx context.Context) {
	if id, ok := ctx.Value(key("request-id")).(string); ok {
		fmt.Println("request", id)
	}
	fmt.Println("user:", ctx.Value(key("user")))
}

func main() {
	ctx := context.WithValue(context.Background(), key("request-id"), "r-17")
	handle(ctx)
	ctx = context.WithValue(ctx, key("user"), "ann")
	handle(ctx)
	fmt.Println(context.Background())
}
