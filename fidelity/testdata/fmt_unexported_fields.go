package main

import (
	"errors"
	"fmt"
	"time"
)

type job struct {
	Name    string
	timeout time.Duration
	Every   time.Duration
	last    error
	Err     error
}

func main() {
	j := job{"backup", 90 * time.Second, time.Hour, nil, errors.New("disk full")}
	fmt.Println(j)
	fmt.Printf("%+v\n", j)
	fmt.Printf("%v %s\n", j.timeout, j.Err)
	j.last = nil
	fmt.Print(j, "\n")
}
