package lessons

import (
	"slices"
	"strings"
)

// SameOutput reports whether two outputs of `concur run` are the same but
// for the order of ties: lines stamped with the same time by different
// goroutines may come in any order (the engine does not promise one, and Go
// does not either); the lines of each goroutine keep theirs.
func SameOutput(a, b string) bool {
	ga, gb := tieGroups(a), tieGroups(b)
	if len(ga) != len(gb) {
		return false
	}
	for i := range ga {
		x, y := ga[i], gb[i]
		if len(x) != len(y) {
			return false
		}
		bySource := func(lines []string) map[string][]string {
			m := map[string][]string{}
			for _, l := range lines {
				src, _, _ := strings.Cut(l, "│")
				m[src] = append(m[src], l)
			}
			return m
		}
		mx, my := bySource(x), bySource(y)
		if len(mx) != len(my) {
			return false
		}
		for k, v := range mx {
			if !slices.Equal(v, my[k]) {
				return false
			}
		}
	}
	return true
}

// tieGroups splits output into runs of lines with the same stamp ("+1.000s",
// the first field); a line without one is a group of its own.
func tieGroups(out string) [][]string {
	var groups [][]string
	last := ""
	for _, l := range strings.Split(out, "\n") {
		f := strings.Fields(l)
		stamp := ""
		if len(f) > 0 && strings.HasPrefix(f[0], "+") && strings.HasSuffix(f[0], "s") && strings.Contains(l, "│") {
			stamp = f[0]
		}
		if stamp != "" && stamp == last {
			groups[len(groups)-1] = append(groups[len(groups)-1], l)
		} else {
			groups = append(groups, []string{l})
		}
		last = stamp
	}
	return groups
}
