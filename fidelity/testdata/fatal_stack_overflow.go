// fidelity: compare=status: Go's message names the stack limit in bytes
package main

func f(n int) int { return f(n+1) + 1 }

func main() {
	f(0)
}
