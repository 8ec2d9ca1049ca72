package main

import (
	"fmt"
	"time"
)

func main() {
	now := time.Now()
	fmt.Println(now.UTC().Format(time.RFC3339))
	fmt.Println(now.Year(), now.Weekday())
	later := now.Add(90 * time.Minute)
	fmt.Println(later.After(now), later.Sub(now))
}
