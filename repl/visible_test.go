package repl

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestVisible(t *testing.T) {
	for in, want := range map[string]string{
		"plain text":               "plain text",
		"tab\tstays":               "tab\tstays",
		"中文，全角　空格":                 "中文，全角　空格",
		"clear\x1b[2J":             `clear\x1b[2J`,
		"bell\a nul\x00 del\x7f":   `bell\a nul\x00 del\x7f`,
		"cr\r lf\n ff\f vt\v bs\b": `cr\r lf\n ff\f vt\v bs\b`,
		"title\x1b]0;x\a":          `title\x1b]0;x\a`,
		"bad\xff\xfe":              `bad\xff\xfe`,
		"cut \xe4\xb8":             `cut \xe4\xb8`,
		"c1 \u009b31m":             `c1 \u009b31m`,
		"rtl \u202eevil\u202c":     `rtl \u202eevil\u202c`,
		"isolate \u2066x\u2069":    `isolate \u2066x\u2069`,
		"sep \u2028":               `sep \u2028`,
		"emoji 👩‍💻 ok":             "emoji 👩‍💻 ok",
		"replacement \ufffd":       "replacement \ufffd",
		`already \x1b`:             `already \x1b`,
	} {
		if got := Visible(in); got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
	}
	if got := VisibleLines("a\x1b\nb\n"); got != "a\\x1b\nb\n" {
		t.Errorf("VisibleLines: %q", got)
	}
}

// FuzzVisible: whatever the bytes, what Visible returns is UTF-8 with no
// control character but tabs, and printable text comes through unchanged.
func FuzzVisible(f *testing.F) {
	f.Add("clear\x1b[2J\xff")
	f.Add("中文\t\u202e\u0085")
	f.Fuzz(func(t *testing.T, s string) {
		v := Visible(s)
		if !utf8.ValidString(v) {
			t.Fatalf("Visible(%q) = %q: not UTF-8", s, v)
		}
		for _, r := range v {
			if r < 0x20 && r != '\t' || r == 0x7f || hidden(r) {
				t.Fatalf("Visible(%q) = %q holds %U", s, v, r)
			}
		}
		if strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\t' || r >= 0x7f }) {
			return
		}
		if v != s {
			t.Fatalf("printable ASCII changed: %q → %q", s, v)
		}
	})
}

// TestPlainPrefix: the eight-at-a-time scan stops at the first chunk that
// holds any byte but printable ASCII (tab included), for each byte value
// at each place of the chunk.
func TestPlainPrefix(t *testing.T) {
	for c := 0; c < 256; c++ {
		for at := 0; at < 16; at++ {
			b := []byte(strings.Repeat("x", 20))
			b[at] = byte(c)
			want := 16 // two whole chunks, the rest too short for one
			if c < 0x20 || c >= 0x7f {
				want = at / 8 * 8
			}
			if got := plainPrefix(string(b)); got != want {
				t.Fatalf("plainPrefix with %#x at %d = %d, want %d", c, at, got, want)
			}
		}
	}
}
