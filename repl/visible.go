package repl

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/concur-dev/concur/event"
)

// Terminal safety. What a program prints, and what a session file from
// someone else holds, is shown, never obeyed: a control character or an
// escape sequence reaching the terminal could clear the screen, set the
// window's title or worse, and a byte that is not UTF-8 would be dropped
// without a word. So whatever concur shows of it goes through Visible, which
// writes such bytes the way a Go string literal would: "\x1b[2J", "\a",
// "\x00", "\r", "\xff" for a byte that is not UTF-8, "\u202e" for the
// characters that reorder text. Tabs and printable characters, Chinese
// included, stay as they are. Events, the --json stream and session files
// keep the bytes as they were.

// Visible is s with its control characters, text-reordering characters and
// bytes that are not UTF-8 written out as escapes; a line break too (see
// VisibleLines to keep them).
func Visible(s string) string {
	if visibleAlready(s) {
		return s
	}
	return string(appendVisible(nil, s))
}

// VisibleLines is Visible for each line of s, keeping the line breaks.
func VisibleLines(s string) string {
	if visibleAlready(s) {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = Visible(l)
	}
	return strings.Join(lines, "\n")
}

// visibleAlready reports whether s is plain printable ASCII (tabs allowed),
// which Visible leaves alone: the fast path for almost every line.
func visibleAlready(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c >= 0x7f {
			return false
		}
	}
	return true
}

const hexDigits = "0123456789abcdef"

// appendVisible appends Visible(s) to b. Runs of printable ASCII, almost
// every line, are copied whole.
func appendVisible(b []byte, s string) []byte {
	for len(s) > 0 {
		i := plainPrefix(s)
		for i < len(s) && (s[i] >= 0x20 && s[i] < 0x7f || s[i] == '\t') {
			i++
		}
		b = append(b, s[:i]...)
		if s = s[i:]; s == "" {
			break
		}
		if c := s[0]; c < utf8.RuneSelf {
			b = appendControl(b, c)
			s = s[1:]
			continue
		}
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, '\\', 'x', hexDigits[s[0]>>4], hexDigits[s[0]&0xf])
		case hidden(r):
			b = append(b, '\\', 'u', hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
		default:
			b = append(b, s[:size]...)
		}
		s = s[size:]
	}
	return b
}

// plainPrefix returns the length of a prefix of s, a multiple of 8 bytes,
// that is printable ASCII other than tab: the bytes are looked at eight at
// a time (a line of 1 KB took the terminal side a fifth of its time one
// byte at a time).
func plainPrefix(s string) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		v := *(*uint64)(unsafe.Add(unsafe.Pointer(unsafe.StringData(s)), i)) // s[i:i+8], in whichever byte order
		del := v ^ 0x7f*ones                                                 // a zero byte where v has DEL
		if v&highs != 0 ||                                                   // a byte of 0x80 or more
			(v-0x20*ones)&^v&highs != 0 || // a byte under 0x20
			(del-ones)&^del&highs != 0 {
			break
		}
	}
	return i
}

// appendControl appends the escape of an ASCII control character (or DEL).
func appendControl(b []byte, c byte) []byte {
	switch c {
	case '\a':
		return append(b, `\a`...)
	case '\b':
		return append(b, `\b`...)
	case '\f':
		return append(b, `\f`...)
	case '\n':
		return append(b, `\n`...)
	case '\r':
		return append(b, `\r`...)
	case '\v':
		return append(b, `\v`...)
	}
	return append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&0xf])
}

// hidden reports whether r, a valid character beyond ASCII, would act on the
// terminal or on the text around it rather than show: the C1 controls, the
// characters that reorder text (bidirectional overrides and isolates, as in
// "Trojan Source"), and the line and paragraph separators.
func hidden(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f, // C1 controls, CSI among them
		r == 0x061c,              // Arabic letter mark
		r == 0x200e, r == 0x200f, // left-to-right and right-to-left marks
		r >= 0x202a && r <= 0x202e, // embeddings and overrides
		r >= 0x2066 && r <= 0x2069, // isolates
		r == 0x2028, r == 0x2029:   // line and paragraph separators
		return true
	}
	return false
}

// VisibleEvent is e with every text that is shown of it made Visible (the
// lines of multi-line texts kept): for drawing an event that came from a
// file, such as a timeline of a replayed session.
func VisibleEvent(e event.Event) event.Event {
	e.Text = VisibleLines(e.Text)
	e.Name = Visible(e.Name)
	e.Reason, e.Op, e.Type, e.At = Visible(e.Reason), Visible(e.Op), Visible(e.Type), Visible(e.At)
	if len(e.Stack) > 0 {
		stack := make([]string, len(e.Stack))
		for i, f := range e.Stack {
			stack[i] = Visible(f)
		}
		e.Stack = stack
	}
	if len(e.Blocked) > 0 {
		blocked := make([]event.Goroutine, len(e.Blocked))
		for i, g := range e.Blocked {
			g.Name, g.State, g.On = Visible(g.Name), Visible(g.State), Visible(g.On)
			blocked[i] = g
		}
		e.Blocked = blocked
	}
	return e
}

// VisibleEvents is VisibleEvent of each event.
func VisibleEvents(events []event.Event) []event.Event {
	out := make([]event.Event, len(events))
	for i, e := range events {
		out[i] = VisibleEvent(e)
	}
	return out
}
