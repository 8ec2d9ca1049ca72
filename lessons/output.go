package lessons

// SameOutput reports whether two outputs of `concur run` are the same. Runs
// on the virtual clock are deterministic: the same program prints the same
// lines, stamps and order of ties on every run and any machine, so an
// example's output block must match exactly (only its last newline may
// differ).
func SameOutput(a, b string) bool {
	trim := func(s string) string {
		for len(s) > 0 && s[len(s)-1] == '\n' {
			s = s[:len(s)-1]
		}
		return s
	}
	return trim(a) == trim(b)
}
