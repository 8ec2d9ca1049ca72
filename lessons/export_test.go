package lessons

import "strings"

// SetOutputs returns an English lesson file with the body of each output
// block "```output name=NAME" replaced by outputs[NAME], and of each explore
// block "```explore name=NAME n=N" by explored[NAME]; blocks not named are
// kept. The file must parse.
func SetOutputs(data []byte, outputs, explored map[string]string) []byte {
	lines := strings.SplitAfter(string(data), "\n")
	var b strings.Builder
	for i := 0; i < len(lines); i++ {
		b.WriteString(lines[i])
		t := strings.TrimSpace(lines[i])
		if !strings.HasPrefix(t, "```") {
			continue
		}
		name, blocks := "", outputs
		switch f := strings.Fields(t[3:]); {
		case len(f) == 2 && f[0] == "output":
			name = strings.TrimPrefix(f[1], "name=")
		case len(f) == 3 && f[0] == "explore":
			blocks = explored
			for _, a := range f[1:] {
				if v, ok := strings.CutPrefix(a, "name="); ok {
					name = v
				}
			}
		}
		out, replace := blocks[name]
		replace = replace && name != ""
		for i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "```" {
			i++
			if !replace {
				b.WriteString(lines[i])
			}
		}
		if replace {
			b.WriteString(out)
		}
		if i+1 < len(lines) { // the closing fence
			i++
			b.WriteString(lines[i])
		}
	}
	return []byte(b.String())
}
