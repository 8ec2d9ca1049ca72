package main

import (
	"errors"
	"fmt"
)

func main() {
	defer fmt.Println("deferred still runs")
	panic(fmt.Errorf("load config: %w", errors.New("missing file")))
}
