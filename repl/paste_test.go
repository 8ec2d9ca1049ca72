package repl

import (
	"strings"
	"testing"
)

// feedAll feeds chunks to a new scanner and describes the pieces it returns:
// typed bytes as T(...), pastes as P(...). How typed bytes are cut into
// pieces depends on the reads and means nothing: neighbouring ones are joined.
func feedAll(chunks ...string) string {
	var s pasteScanner
	var b strings.Builder
	typed := false
	for _, c := range chunks {
		for _, p := range s.feed([]byte(c)) {
			switch {
			case p.isPaste:
				if typed {
					b.WriteString(")")
				}
				b.WriteString("P(" + p.paste + ")")
				typed = false
			case !typed:
				b.WriteString("T(" + string(p.typed))
				typed = true
			default:
				b.Write(p.typed)
			}
		}
	}
	if typed {
		b.WriteString(")")
	}
	return b.String()
}

func TestPasteScanner(t *testing.T) {
	for _, tc := range []struct {
		name   string
		chunks []string
		want   string
	}{
		{"typed only", []string{"abc\r"}, "T(abc\r)"},
		{"a paste", []string{"\x1b[200~x := 1\r\ry++\x1b[201~"}, "P(x := 1\n\ny++)"},
		{"typed around a paste", []string{"ab\x1b[200~c\rd\x1b[201~e"}, "T(ab)P(c\nd)T(e)"},
		{"CRLF and LF", []string{"\x1b[200~a\r\nb\nc\x1b[201~"}, "P(a\nb\nc)"},
		{"start marker split", []string{"x\x1b[2", "00~in\x1b[201~"}, "T(x)P(in)"},
		{"end marker split", []string{"\x1b[200~in\x1b", "[201", "~out"}, "P(in)T(out)"},
		{"split one byte at a time", strings.Split("a\x1b[200~b\rc\x1b[201~d", ""), "T(a)P(b\nc)T(d)"},
		{"an arrow key is not held back", []string{"\x1b[A"}, "T(\x1b[A)"},
		{"a key that begins like a marker waits for the next byte", []string{"\x1b[2", "~"}, "T(\x1b[2~)"},
		{"two pastes", []string{"\x1b[200~1\x1b[201~\x1b[200~2\r\x1b[201~"}, "P(1)P(2\n)"},
		{"an empty paste", []string{"\x1b[200~\x1b[201~"}, "P()"},
		{"markers inside a paste are text", []string{"\x1b[200~a\x1b[200~b\x1b[201~"}, "P(a\x1b[200~b)"},
	} {
		if got := feedAll(tc.chunks...); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestWholePaste(t *testing.T) {
	for s, want := range map[string]bool{
		"fmt.Println(1)":    false,
		"漢字 ok":             false,
		"a\nb":              true,
		"\tx := 1":          true,
		"x := 1\n":          true,
		"ring \a the bell":  true,
		"":                  false,
		"del\x7f character": true,
	} {
		if got := wholePaste(s); got != want {
			t.Errorf("wholePaste(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzPasteScanner: however the terminal's bytes are cut into reads, the
// scanner returns the same pieces, and the typed bytes and pastes put back
// together are the input without its markers.
func FuzzPasteScanner(f *testing.F) {
	f.Add("ab\x1b[200~c\rd\x1b[201~e", 3)
	f.Add("\x1b[200~\x1b[201~", 1)
	f.Add("\x1b[2~\x1b[A\x1b[200~x\x1b[20", 2)
	f.Fuzz(func(t *testing.T, in string, cut int) {
		whole := feedAll(in)
		if cut <= 0 {
			cut = 1
		}
		var chunks []string
		for s := in; s != ""; {
			n := min(cut, len(s))
			chunks = append(chunks, s[:n])
			s = s[n:]
		}
		if pieces := feedAll(chunks...); pieces != whole {
			t.Fatalf("cut every %d bytes: %q, in one read: %q", cut, pieces, whole)
		}
	})
}
