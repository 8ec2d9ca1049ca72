package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	fmt.Println(sc.Scan(), sc.Err())
	var x int
	n, err := fmt.Scan(&x)
	fmt.Println(n, err)
}
