package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"strings"
)

func main() {
	in := "name,age\n\"Lee, Ann\",30\nBob,25\n"
	records, err := csv.NewReader(strings.NewReader(in)).ReadAll()
	fmt.Println(records, len(records), err)
	w := csv.NewWriter(os.Stdout)
	w.Write([]string{"a", "b c", "d,e", `say "hi"`})
	w.Flush()
	_, err = csv.NewReader(strings.NewReader("a,\"b\n")).ReadAll()
	fmt.Println(err)
}
