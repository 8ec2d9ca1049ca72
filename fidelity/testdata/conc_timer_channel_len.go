package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(5 * time.Millisecond)
	time.Sleep(10 * time.Millisecond)
	fmt.Println("len after expiry:", len(t.C))
	<-t.C
	fmt.Println("received")
	tick := time.Tick(3 * time.Millisecond)
	for i := 0; i < 3; i++ {
		<-tick
		fmt.Println("tick", i)
	}
}
