package main

import (
	"fmt"
	"time"
)

func main() {
	t1 := time.NewTimer(30 * time.Millisecond)
	t2 := time.NewTimer(10 * time.Millisecond)
	fmt.Println("stopped t1:", t1.Stop())
	<-t2.C
	fmt.Println("t2 fired")
	fmt.Println("stop fired t2:", t2.Stop())
	t2.Reset(20 * time.Millisecond)
	start := time.Now()
	<-t2.C
	fmt.Println("t2 fired again after", time.Since(start))
	select {
	case <-t1.C:
		fmt.Println("t1 fired?")
	case <-time.After(40 * time.Millisecond):
		fmt.Println("t1 never fires")
	}
}
