// fidelity: flags=--unrestricted
// fidelity: env=CONCUR_FIDELITY_GREETING=hi-there
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println(os.Getenv("CONCUR_FIDELITY_GREETING"))
	_, ok := os.LookupEnv("CONCUR_FIDELITY_GREETING")
	fmt.Println(ok)
}
