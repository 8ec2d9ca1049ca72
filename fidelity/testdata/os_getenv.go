// fidelity: env=CONCUR_FIDELITY_GREETING=hello
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Println(os.Getenv("CONCUR_FIDELITY_GREETING"))
	v, ok := os.LookupEnv("CONCUR_FIDELITY_GREETING")
	fmt.Println(v, ok)
	_, ok = os.LookupEnv("CONCUR_FIDELITY_UNSET")
	fmt.Println(ok)
	found := false
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "CONCUR_FIDELITY_GREETING=") {
			found = true
		}
	}
	fmt.Println("in Environ:", found)
	os.Setenv("CONCUR_FIDELITY_NEW", "set")
	fmt.Println(os.ExpandEnv("$CONCUR_FIDELITY_GREETING ${CONCUR_FIDELITY_NEW}"))
}
