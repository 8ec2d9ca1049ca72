package main

import (
	"fmt"
	"os"
	"text/tabwriter"
)

func main() {
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tAGE\tCITY")
	fmt.Fprintln(w, "Ann\t30\tOslo")
	fmt.Fprintln(w, "Bartholomew\t5\tRome")
	w.Flush()
	r := tabwriter.NewWriter(os.Stdout, 5, 0, 1, '.', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(r, "a\tbbb\tc\t")
	fmt.Fprintln(r, "aaaa\tb\tccccc\t")
	r.Flush()
}
